import CSecp256k1
@testable import Bitcoin

/// Test-only signing with throwaway keys, for fixtures (the product never signs).
///
/// API: `TestKey(secret:)` or `TestKey(seed:)`; `signECDSA(digest:)` (DER, RFC 6979, low S),
/// `signRecoverable(digest:)`, `signMessage(_:header:)` (BIP-137 base64), `signSchnorr(message:auxRand:)`,
/// `signSegwitV0(_:inputIndex:scriptCode:amount:hashType:)` and `signTaprootKeyPath(_:inputIndex:prevouts:hashType:)`
/// for transaction inputs, `bip322SimpleP2WPKH(message:)`, `bip322SimpleP2TR(message:)` and
/// `bip322SimpleP2WPKHNested(message:)`, `TestKey.bip322SimpleMultisig(message:script:signers:nested:)` for BIP-322 witnesses, `highS(der:)` to
/// make the high-S twin of a signature.
struct TestKey: Sendable {
    /// A signing context, created once (the static context cannot sign).
    nonisolated(unsafe) static let context: OpaquePointer = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE))!

    let secret: [UInt8]

    /// A key from 32 secret bytes (must be in 1..<n).
    init(secret: [UInt8]) {
        precondition(secret.count == 32 && secp256k1_ec_seckey_verify(TestKey.context, secret) == 1, "bad test key")
        self.secret = secret
    }

    /// A deterministic key from a small seed: SHA-256 of the seed's text.
    init(seed: Int) { self.init(secret: Hashes.sha256(Array("reserve-test-key-\(seed)".utf8))) }

    /// The compressed public key.
    var publicKey: PublicKey {
        var pk = secp256k1_pubkey()
        precondition(secp256k1_ec_pubkey_create(TestKey.context, &pk, secret) == 1)
        var out = [UInt8](repeating: 0, count: 33)
        var len = 33
        _ = secp256k1_ec_pubkey_serialize(TestKey.context, &out, &len, &pk, UInt32(SECP256K1_EC_COMPRESSED))
        return try! PublicKey(sec: out)
    }

    /// The BIP-340 x-only public key.
    var xOnlyPublicKey: XOnlyPublicKey { XOnlyPublicKey(publicKey) }

    /// r ‖ s (RFC 6979 nonce, low S) over a 32-byte digest.
    func signCompact(digest: [UInt8]) -> [UInt8] {
        var sig = secp256k1_ecdsa_signature()
        precondition(secp256k1_ecdsa_sign(TestKey.context, &sig, digest, secret, nil, nil) == 1)
        var out = [UInt8](repeating: 0, count: 64)
        _ = secp256k1_ecdsa_signature_serialize_compact(TestKey.context, &out, &sig)
        return out
    }

    /// A strict-DER ECDSA signature (RFC 6979 nonce, low S) over a 32-byte digest, without a sighash byte.
    func signECDSA(digest: [UInt8]) -> [UInt8] {
        TestKey.der(compact: signCompact(digest: digest))
    }

    /// A recoverable signature over a 32-byte digest: r ‖ s and the recovery id.
    func signRecoverable(digest: [UInt8]) -> (compact: [UInt8], recoveryID: Int) {
        var sig = secp256k1_ecdsa_recoverable_signature()
        precondition(secp256k1_ecdsa_sign_recoverable(TestKey.context, &sig, digest, secret, nil, nil) == 1)
        var out = [UInt8](repeating: 0, count: 64)
        var recid: Int32 = 0
        _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(TestKey.context, &out, &recid, &sig)
        return (out, Int(recid))
    }

    /// A BIP-137 signed message (base64) with the header of `header`'s type.
    func signMessage(_ message: String, header: MessageSignatureHeader) -> String {
        let (rs, recid) = signRecoverable(digest: SignedMessage.hash(Array(message.utf8)))
        return Base64.encode([header.base + UInt8(recid)] + rs)
    }

    /// A BIP-340 signature of a message of any length.
    func signSchnorr(message: [UInt8], auxRand: [UInt8] = [UInt8](repeating: 0, count: 32)) -> [UInt8] {
        var keypair = keypair()
        return TestKey.schnorr(&keypair, message: message, auxRand: auxRand)
    }

    /// A BIP-143 input signature (DER ‖ hash type).
    func signSegwitV0(_ tx: Transaction, inputIndex: Int, scriptCode: [UInt8], amount: Int64,
                      hashType: SighashType = .all) -> [UInt8] {
        let digest = try! tx.segwitV0SignatureHash(inputIndex: inputIndex, scriptCode: scriptCode, amount: amount,
                                                    hashType: hashType)
        return signECDSA(digest: digest) + [hashType.rawValue]
    }

    /// A BIP-341 key-path signature by the output key tweaked from this internal key (no script tree):
    /// 64 bytes for SIGHASH_DEFAULT, else 65 with the type byte.
    func signTaprootKeyPath(_ tx: Transaction, inputIndex: Int, prevouts: [TxOutput],
                            hashType: SighashType = .default) -> [UInt8] {
        let digest = try! tx.taprootSignatureHash(inputIndex: inputIndex, prevouts: prevouts, hashType: hashType)
        var keypair = keypair()
        let tweak = Hashes.tagged("TapTweak", xOnlyPublicKey.bytes)
        precondition(secp256k1_keypair_xonly_tweak_add(TestKey.context, &keypair, tweak) == 1)
        let sig = TestKey.schnorr(&keypair, message: digest, auxRand: [UInt8](repeating: 0, count: 32))
        return hashType == .default ? sig : sig + [hashType.rawValue]
    }

    /// The BIP-341 output key of this internal key with no script tree (the P2TR program).
    var taprootOutputKey: XOnlyPublicKey { try! xOnlyPublicKey.tapTweak(merkleRoot: nil).key }

    /// The P2WPKH scriptPubKey of this key.
    var p2wpkhScript: [UInt8] { [0x00, 0x14] + publicKey.hash160 }

    /// The P2TR scriptPubKey of this key (key path only).
    var p2trScript: [UInt8] { [0x51, 0x20] + taprootOutputKey.bytes }

    /// A BIP-322 simple signature (unprefixed base64) of `message` by this key's P2WPKH address.
    func bip322SimpleP2WPKH(message: String, hashType: SighashType = .all) -> String {
        let spend = BIP322.toSpend(scriptPubKey: p2wpkhScript, message: Array(message.utf8))
        let unsigned = BIP322.toSign(toSpend: spend, witness: [])
        let scriptCode = [0x76, 0xa9, 0x14] + publicKey.hash160 + [0x88, 0xac]
        let sig = signSegwitV0(unsigned, inputIndex: 0, scriptCode: scriptCode, amount: 0, hashType: hashType)
        return Base64.encode(WitnessStack.encode([sig, publicKey.compressed]))
    }

    /// A BIP-322 simple signature (unprefixed base64) of `message` by this key's P2SH-P2WPKH address.
    func bip322SimpleP2WPKHNested(message: String) -> String {
        let redeem = p2wpkhScript
        let spend = BIP322.toSpend(scriptPubKey: [0xa9, 0x14] + Hashes.hash160(redeem) + [0x87], message: Array(message.utf8))
        var unsigned = BIP322.toSign(toSpend: spend, witness: [])
        unsigned.inputs[0].scriptSig = [0x16] + redeem
        let scriptCode = [0x76, 0xa9, 0x14] + publicKey.hash160 + [0x88, 0xac]
        let sig = signSegwitV0(unsigned, inputIndex: 0, scriptCode: scriptCode, amount: 0)
        return Base64.encode(WitnessStack.encode([sig, publicKey.compressed]))
    }

    /// A BIP-322 simple signature (unprefixed base64) of `message` by this key's P2TR address (key path).
    func bip322SimpleP2TR(message: String, hashType: SighashType = .default) -> String {
        let spend = BIP322.toSpend(scriptPubKey: p2trScript, message: Array(message.utf8))
        let unsigned = BIP322.toSign(toSpend: spend, witness: [])
        let sig = signTaprootKeyPath(unsigned, inputIndex: 0, prevouts: spend.outputs, hashType: hashType)
        return Base64.encode(WitnessStack.encode([sig]))
    }

    /// A BIP-322 simple signature of `message` by the P2WSH address of a multisig `script`, signed by
    /// `signers` in the order given (they must be in script order for CHECKMULTISIG to accept it).
    static func bip322SimpleMultisig(message: String, script: [UInt8], signers: [TestKey],
                                     nested: Bool = false) -> String {
        let wsh = [0x00, 0x20] + Hashes.sha256(script)
        let spk = nested ? [0xa9, 0x14] + Hashes.hash160(wsh) + [0x87] : wsh
        let spend = BIP322.toSpend(scriptPubKey: spk, message: Array(message.utf8))
        let unsigned = BIP322.toSign(toSpend: spend, witness: [])
        let sigs = signers.map { $0.signSegwitV0(unsigned, inputIndex: 0, scriptCode: script, amount: 0) }
        return Base64.encode(WitnessStack.encode([[]] + sigs + [script]))
    }

    /// The high-S twin of a DER signature (s replaced by n − s): same validity for consensus, non-standard.
    static func highS(der: [UInt8]) -> [UInt8] {
        var compact = try! ECDSASignature(der: der).compact
        var s = Array(compact[32...])
        precondition(secp256k1_ec_seckey_negate(context, &s) == 1)
        compact.replaceSubrange(32..., with: s)
        return TestKey.der(compact: compact)
    }

    /// Minimal DER of r ‖ s.
    static func der(compact: [UInt8]) -> [UInt8] {
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var v = Array(bytes.drop { $0 == 0 })
            if v.isEmpty { v = [0] }
            if v[0] & 0x80 != 0 { v.insert(0, at: 0) }
            return [0x02, UInt8(v.count)] + v
        }
        let body = integer(compact[0..<32]) + integer(compact[32..<64])
        return [0x30, UInt8(body.count)] + body
    }

    private func keypair() -> secp256k1_keypair {
        var keypair = secp256k1_keypair()
        precondition(secp256k1_keypair_create(TestKey.context, &keypair, secret) == 1)
        return keypair
    }

    private static func schnorr(_ keypair: inout secp256k1_keypair, message: [UInt8], auxRand: [UInt8]) -> [UInt8] {
        var sig = [UInt8](repeating: 0, count: 64)
        var extra = secp256k1_schnorrsig_extraparams()
        // SECP256K1_SCHNORRSIG_EXTRAPARAMS_MAGIC { 0xda, 0x6f, 0xb3, 0x8c }
        extra.magic = (0xda, 0x6f, 0xb3, 0x8c)
        extra.noncefp = nil
        let ok = auxRand.withUnsafeBufferPointer { aux in
            extra.ndata = UnsafeMutableRawPointer(mutating: aux.baseAddress)
            return secp256k1_schnorrsig_sign_custom(context, &sig, message, message.count, &keypair, &extra)
        }
        precondition(ok == 1)
        return sig
    }
}
