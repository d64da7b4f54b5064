import Bitcoin
import CSecp256k1

/// TEST-ONLY: signs P2WPKH inputs with a throwaway secret (the product never signs). The fixtures' hot address
/// (bc1qw508…, BIP-173's example) is the P2WPKH address of secret key 1.
enum TestP2WPKHSigner {
    nonisolated(unsafe) static let context: OpaquePointer = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE))!

    /// `tx` with every input signed (SIGHASH `hashType`) by `secret`, spending `amounts` (one per input).
    static func sign(_ tx: Transaction, amounts: [Int64], secret: [UInt8] = [UInt8](repeating: 0, count: 31) + [1],
                     hashType: SighashType = .all) -> Transaction {
        var pk = secp256k1_pubkey()
        precondition(secp256k1_ec_pubkey_create(context, &pk, secret) == 1)
        var key = [UInt8](repeating: 0, count: 33)
        var length = 33
        _ = secp256k1_ec_pubkey_serialize(context, &key, &length, &pk, UInt32(SECP256K1_EC_COMPRESSED))
        let scriptCode = [0x76, 0xa9, 0x14] + Hashes.hash160(key) + [0x88, 0xac]
        var signed = tx
        for i in tx.inputs.indices {
            let digest = try! tx.segwitV0SignatureHash(inputIndex: i, scriptCode: scriptCode, amount: amounts[i], hashType: hashType)
            var sig = secp256k1_ecdsa_signature()
            precondition(secp256k1_ecdsa_sign(context, &sig, digest, secret, nil, nil) == 1)
            var der = [UInt8](repeating: 0, count: 72)
            var derLength = 72
            _ = secp256k1_ecdsa_signature_serialize_der(context, &der, &derLength, &sig)
            signed.inputs[i].witness = [Array(der.prefix(derLength)) + [hashType.rawValue], key]
        }
        return signed
    }
}
