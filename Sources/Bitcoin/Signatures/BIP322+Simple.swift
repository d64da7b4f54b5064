/// The BIP-322 simple-form verifier for P2WPKH, P2TR key-path and P2WSH `multi`/`sortedmulti` addresses,
/// bare or P2SH-wrapped.
extension BIP322 {
    /// Verifies a simple-form signature (a witness stack) of `message` for `address`. High-S ECDSA
    /// signatures are non-standard and refused unless `allowHighS`.
    public static func verifySimple(address: Address, message: [UInt8], witness: [[UInt8]],
                                    allowHighS: Bool = false) -> VerificationResult {
        let spend = toSpend(scriptPubKey: address.scriptPubKey, message: message)
        let sign = toSign(toSpend: spend, witness: witness)
        switch address.payload {
        case .witness(version: 0, program: let program) where program.count == 20:
            return verifyP2WPKH(program: program, witness: witness, toSign: sign, allowHighS: allowHighS)
        case .witness(version: 0, program: let program) where program.count == 32:
            return verifyP2WSH(program: program, witness: witness, toSign: sign, allowHighS: allowHighS)
        case .witness(version: 1, program: let program) where program.count == 32:
            return verifyP2TR(program: program, witness: witness, toSign: sign, spent: spend.outputs[0])
        case .p2pkh:
            return .unsupported("P2PKH addresses sign with BIP-137, not a BIP-322 witness")
        case .p2sh(let scriptHash):
            return verifyNested(scriptHash: scriptHash, witness: witness, toSpend: spend, allowHighS: allowHighS)
        case .witness(version: let v, program: let program):
            // BIP-322's upgradeable rules: witness versions it does not define give "inconclusive".
            return .inconclusive("witness version \(v) program of \(program.count) bytes is not defined for BIP-322")
        }
    }

    /// P2SH-wrapped segwit: the scriptSig is the push of the redeem script the witness implies
    /// (`0014 HASH160(key)` or `0020 SHA256(witness script)`), which must hash to the address.
    private static func verifyNested(scriptHash: [UInt8], witness: [[UInt8]], toSpend spend: Transaction,
                                     allowHighS: Bool) -> VerificationResult {
        guard let last = witness.last else { return .notSigned("empty witness") }
        func signing(redeemScript: [UInt8]) -> Transaction {
            var tx = toSign(toSpend: spend, witness: witness)
            tx.inputs[0].scriptSig = [UInt8(redeemScript.count)] + redeemScript
            return tx
        }
        let keyHash = Hashes.hash160(last)
        let wpkh = [0x00, 0x14] + keyHash
        if witness.count == 2, Hashes.hash160(wpkh) == scriptHash {
            return verifyP2WPKH(program: keyHash, witness: witness, toSign: signing(redeemScript: wpkh), allowHighS: allowHighS)
        }
        let scriptHashV0 = Hashes.sha256(last)
        let wsh = [0x00, 0x20] + scriptHashV0
        if Hashes.hash160(wsh) == scriptHash {
            return verifyP2WSH(program: scriptHashV0, witness: witness, toSign: signing(redeemScript: wsh), allowHighS: allowHighS)
        }
        return .notSigned("the witness matches neither a P2SH-P2WPKH nor a P2SH-P2WSH redeem script of the address")
    }

    private static func verifyP2WPKH(program: [UInt8], witness: [[UInt8]], toSign: Transaction,
                                     allowHighS: Bool) -> VerificationResult {
        guard witness.count == 2 else {
            return .notSigned("a P2WPKH witness has 2 items (signature, key), this one has \(witness.count)")
        }
        let keyBytes = witness[1]
        guard keyBytes.count == 33, (try? PublicKey(sec: keyBytes)) != nil else {
            return .notSigned("the witness key is not a valid compressed public key")
        }
        guard Hashes.hash160(keyBytes) == program else {
            return .notSigned("signed by another key (witness key \(Hex.encode(keyBytes)))")
        }
        let scriptCode = [0x76, 0xa9, 0x14] + program + [0x88, 0xac]
        return checkECDSA(witness[0], key: keyBytes, toSign: toSign, scriptCode: scriptCode, allowHighS: allowHighS)
    }

    private static func verifyP2WSH(program: [UInt8], witness: [[UInt8]], toSign: Transaction,
                                    allowHighS: Bool) -> VerificationResult {
        guard let script = witness.last else { return .notSigned("empty witness") }
        guard Hashes.sha256(script) == program else {
            return .notSigned("the witness script does not hash to the address")
        }
        let multisig: MultisigScript
        do { multisig = try MultisigScript(script: script) } catch {
            // BIP-322: a validator that cannot interpret every script must answer "inconclusive".
            return .inconclusive("witness script is not a multi/sortedmulti script this verifier interprets (\(error))")
        }
        let m = multisig.threshold
        guard witness.count == m + 2 else {
            return .notSigned("a \(m)-of-\(multisig.keys.count) witness has \(m + 2) items, this one has \(witness.count)")
        }
        guard witness[0].isEmpty else { return .nonStandard("CHECKMULTISIG dummy element is not empty (NULLDUMMY)") }
        let signatures = Array(witness[1...m])
        var stoppingFailure: VerificationResult?
        let matched = multisig.matchesInOrder(signatureCount: m) { sigIndex, keyIndex in
            guard stoppingFailure == nil else { return false }
            let key = multisig.keys[keyIndex].compressed
            let result = checkECDSA(signatures[sigIndex], key: key, toSign: toSign, scriptCode: script,
                                    allowHighS: allowHighS)
            if case .notSigned = result {} else if !result.isValid { stoppingFailure = result }
            return result.isValid
        }
        if matched { return .valid }
        // An encoding error or high S is what the interpreter would stop at; report it rather than "no match".
        if let stoppingFailure { return stoppingFailure }
        return .notSigned("the signatures do not match the script's keys in order")
    }

    /// Checks one ECDSA witness signature (DER ‖ hash type) under BIP-143.
    private static func checkECDSA(_ signature: [UInt8], key: [UInt8], toSign: Transaction, scriptCode: [UInt8],
                                   allowHighS: Bool) -> VerificationResult {
        guard let typeByte = signature.last else { return .notSigned("empty signature") }
        let hashType = SighashType(rawValue: typeByte)
        guard hashType.isDefinedForECDSA else {
            return .malformedSignature("undefined signature hash type \(hashType)")
        }
        guard hashType == .all else { return .notSigned("BIP-322 requires SIGHASH_ALL, the signature uses \(hashType)") }
        let digest: [UInt8]
        do {
            digest = try toSign.segwitV0SignatureHash(inputIndex: 0, scriptCode: scriptCode, amount: 0, hashType: hashType)
        } catch {
            return .malformedSignature(error.description)
        }
        let check = ECDSA.check(publicKey: key, digest: digest, derSignature: Array(signature.dropLast()),
                                allowHighS: allowHighS)
        switch check {
        case .highS: return .nonStandard("s is above n/2 (high S)")
        case .mismatch: return .notSigned("signature does not match the key")
        default: return check.result
        }
    }

    private static func verifyP2TR(program: [UInt8], witness: [[UInt8]], toSign: Transaction,
                                   spent: TxOutput) -> VerificationResult {
        var stack = witness
        var annex: [UInt8]?
        if stack.count >= 2, let last = stack.last, last.first == 0x50 {
            annex = last
            stack.removeLast()
        }
        guard !stack.isEmpty else { return .notSigned("empty witness") }
        guard stack.count == 1 else { return .inconclusive("taproot script-path spends are not interpreted by this verifier") }
        let sig = stack[0]
        let hashType: SighashType
        switch sig.count {
        case 64: hashType = .default
        case 65:
            hashType = SighashType(rawValue: sig[64])
            guard hashType != .default, hashType.isDefinedForTaproot else {
                return .malformedSignature("undefined taproot signature hash type \(hashType)")
            }
            guard hashType == .all else { return .notSigned("BIP-322 requires SIGHASH_ALL, the signature uses \(hashType)") }
        default:
            return .malformedSignature("taproot signature of \(sig.count) bytes (expected 64 or 65)")
        }
        let digest: [UInt8]
        do {
            digest = try toSign.taprootSignatureHash(inputIndex: 0, prevouts: [spent], hashType: hashType, annex: annex)
        } catch {
            return .malformedSignature(error.description)
        }
        switch Schnorr.check(publicKey: program, message: digest, signature: Array(sig.prefix(64))) {
        case .valid: return .valid
        case .badPublicKey: return .notSigned("the address's output key is not a valid x-only key")
        case .badSignatureLength(let n): return .malformedSignature("Schnorr signature of \(n) bytes")
        case .mismatch: return .notSigned("signature does not match the address's output key")
        }
    }
}
