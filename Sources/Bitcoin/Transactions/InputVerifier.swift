/// Checks one input of a transaction against the output it spends, under Bitcoin Core's consensus and standardness
/// rules (strict DER, low S, defined hash types, exact scriptSig/witness shapes, NULLDUMMY, CLEANSTACK, compressed
/// keys in segwit), for the output kinds in ``SpendKind``. Anything else is `unsupported`, never `valid`.
public enum InputVerifier {
    /// Policy limits of Bitcoin Core for P2WSH (policy.h): script size, stack items and their size.
    static let maxWitnessScriptSize = 3600
    static let maxWitnessStackItems = 100
    static let maxWitnessStackItemSize = 80

    /// Verifies input `inputIndex` of `tx` spending `spent`. Taproot needs every input's spent output
    /// (`prevouts`, in input order); the others ignore it.
    public static func verify(_ tx: Transaction, inputIndex: Int, spent: TxOutput, prevouts: [TxOutput]? = nil) -> InputVerdict {
        guard tx.inputs.indices.contains(inputIndex) else {
            return .invalid("input \(inputIndex) is not an input of the transaction (\(tx.inputs.count) inputs)")
        }
        let input = tx.inputs[inputIndex]
        let spk = spent.scriptPubKey
        var check = Check(tx: tx, index: inputIndex, amount: spent.value)
        // P2PKH: OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG
        if spk.count == 25, spk[0] == 0x76, spk[1] == 0xa9, spk[2] == 0x14, spk[23] == 0x88, spk[24] == 0xac {
            guard input.witness.isEmpty else { return .invalid("a witness on a P2PKH input (consensus: unexpected witness)") }
            guard let items = Script.pushes(input.scriptSig) else {
                return .invalid("scriptSig is not made of minimal pushes only")
            }
            guard items.count == 2 else { return .invalid("scriptSig pushes \(items.count) items; P2PKH needs exactly a signature and a key") }
            return check.singleKey(kind: .p2pkh, signature: items[0], key: items[1], keyHash: Array(spk[3..<23]),
                                   compressedOnly: false, scriptCode: spk)
        }
        // P2SH: OP_HASH160 <20> OP_EQUAL, checked here only when it wraps P2WPKH or P2WSH.
        if spk.count == 23, spk[0] == 0xa9, spk[1] == 0x14, spk[22] == 0x87 {
            guard let items = Script.pushes(input.scriptSig), let redeem = items.last else {
                return .invalid("P2SH scriptSig is not made of minimal pushes ending with the redeem script")
            }
            guard Hashes.hash160(redeem) == Array(spk[2..<22]) else {
                return .invalid("redeem script does not hash to the output's script hash")
            }
            guard isWitnessProgram(redeem) else {
                return .unsupported("P2SH redeem script that is not a P2WPKH or P2WSH program")
            }
            // Consensus: a nested witness program's scriptSig is exactly one push of it.
            guard items.count == 1, input.scriptSig.count == redeem.count + 1 else {
                return .invalid("scriptSig of a P2SH-wrapped witness program is not exactly one push of it")
            }
            return witnessProgram(redeem, input: input, check: &check, nested: true, prevouts: prevouts)
        }
        if isWitnessProgram(spk) {
            guard input.scriptSig.isEmpty else { return .invalid("scriptSig not empty on a native segwit input (consensus)") }
            return witnessProgram(spk, input: input, check: &check, nested: false, prevouts: prevouts)
        }
        return .unsupported("output script \(Echo.value(Hex.encode(spk))) is not P2PKH, P2SH-P2WPKH, P2SH-P2WSH, P2WPKH, P2WSH or P2TR")
    }

    /// Whether `script` is `OP_n <2..40 bytes>` (a witness program of any version).
    static func isWitnessProgram(_ script: [UInt8]) -> Bool {
        guard script.count >= 4, script.count <= 42, script[0] == 0 || (0x51...0x60).contains(script[0]) else { return false }
        return Int(script[1]) == script.count - 2
    }

    private static func witnessProgram(_ program: [UInt8], input: TxInput, check: inout Check, nested: Bool,
                                       prevouts: [TxOutput]?) -> InputVerdict {
        let version = program[0], body = Array(program[2...])
        let witness = input.witness
        switch (version, body.count) {
        case (0, 20):
            guard witness.count == 2 else {
                return .invalid("P2WPKH witness has \(witness.count) items; it needs exactly a signature and a key")
            }
            let scriptCode = [0x76, 0xa9, 0x14] + body + [0x88, 0xac]
            return check.singleKey(kind: nested ? .p2shP2wpkh : .p2wpkh, signature: witness[0], key: witness[1],
                                   keyHash: body, compressedOnly: true, scriptCode: scriptCode)
        case (0, 32):
            guard let script = witness.last else { return .invalid("P2WSH witness is empty") }
            guard Hashes.sha256(script) == body else { return .invalid("witness script does not hash to the output's program") }
            guard script.count <= maxWitnessScriptSize else {
                return .invalid("witness script of \(script.count) bytes (standard limit \(maxWitnessScriptSize))")
            }
            let multisig: MultisigScript
            do { multisig = try MultisigScript(script: script) } catch {
                if error == .notMultisig { return .unsupported("P2WSH witness script that is not multi/sortedmulti") }
                return .invalid("witness script: \(error)")
            }
            return check.multisig(kind: nested ? .p2shP2wsh : .p2wsh, multisig, stack: Array(witness.dropLast()))
        case (0, _):
            return .invalid("witness v0 program of \(body.count) bytes (consensus: 20 or 32)")
        case (0x51, 32) where !nested:
            guard let prevouts, prevouts.count == check.tx.inputs.count else {
                return .invalid("a P2TR input needs the output spent by every input of the transaction")
            }
            return check.taprootKeyPath(outputKey: body, witness: witness, prevouts: prevouts)
        default:
            return .unsupported("witness version \(version == 0 ? 0 : Int(version) - 0x50) program of \(body.count) bytes")
        }
    }

    /// The per-input state: the transaction and the signature hashes computed so far (one per hash type).
    struct Check {
        let tx: Transaction
        let index: Int
        let amount: Int64
        var digests: [UInt8: [UInt8]] = [:]

        init(tx: Transaction, index: Int, amount: Int64) {
            self.tx = tx
            self.index = index
            self.amount = amount
        }

        /// Why a (non-empty) ECDSA signature's encoding is refused, or nil.
        static func encodingFault(_ signature: [UInt8]) -> String? {
            let der = Array(signature.dropLast())
            let parsed: ECDSASignature
            do { parsed = try ECDSASignature(der: der) } catch { return "not strict DER (\(error))" }
            guard SighashType(rawValue: signature[signature.count - 1]).isDefinedForECDSA else {
                return "undefined hash type 0x\(Hex.encode([signature[signature.count - 1]]))"
            }
            guard parsed.isLowS else { return "high S (non-standard: s must be at most n/2)" }
            return nil
        }

        mutating func segwitOrLegacyDigest(_ type: SighashType, scriptCode: [UInt8], legacy: Bool) -> [UInt8] {
            if let d = digests[type.rawValue] { return d }
            let d: [UInt8]
            if legacy {
                d = tx.legacySignatureHash(inputIndex: index, scriptCode: scriptCode, hashType: UInt32(type.rawValue))
            } else {
                // Cannot throw: the index was checked.
                d = (try? tx.segwitV0SignatureHash(inputIndex: index, scriptCode: scriptCode, amount: amount, hashType: type)) ?? []
            }
            digests[type.rawValue] = d
            return d
        }

        /// One signature and one key whose HASH160 must be `keyHash` (P2PKH, P2WPKH, P2SH-P2WPKH).
        mutating func singleKey(kind: SpendKind, signature: [UInt8], key: [UInt8], keyHash: [UInt8], compressedOnly: Bool,
                                scriptCode: [UInt8]) -> InputVerdict {
            guard Hashes.hash160(key) == keyHash else { return .invalid("public key does not hash to the output's key hash") }
            if compressedOnly {
                guard key.count == 33, key[0] == 2 || key[0] == 3 else {
                    return .invalid("public key is not compressed (segwit requires compressed keys)")
                }
            } else {
                guard (key.count == 33 && (key[0] == 2 || key[0] == 3)) || (key.count == 65 && key[0] == 4) else {
                    return .invalid("public key is not a compressed or uncompressed SEC key")
                }
            }
            guard !signature.isEmpty else { return .invalid("signature is empty") }
            if let fault = Check.encodingFault(signature) { return .invalid("signature: \(fault)") }
            let type = SighashType(rawValue: signature[signature.count - 1])
            let digest = segwitOrLegacyDigest(type, scriptCode: scriptCode, legacy: kind == .p2pkh)
            switch ECDSA.check(publicKey: key, digest: digest, derSignature: Array(signature.dropLast())) {
            case .valid:
                return .valid(VerifiedInput(kind: kind, threshold: 1, keys: [key],
                                            signatures: [InputSignature(keyIndex: 0, publicKey: key, hashType: type)]))
            case .badPublicKey(let e): return .invalid("public key: \(e)")
            case .mismatch: return .invalid("signature does not verify for this key, transaction and amount")
            case .highS: return .invalid("signature: high S (non-standard)")
            case .badSignature(let e): return .invalid("signature: \(e)")
            case .badDigestLength: return .invalid("signature hash could not be computed")
            }
        }

        /// CHECKMULTISIG over the witness stack (dummy, signatures), matching signatures to keys in script order.
        mutating func multisig(kind: SpendKind, _ script: MultisigScript, stack: [[UInt8]]) -> InputVerdict {
            let m = script.threshold
            guard stack.count <= InputVerifier.maxWitnessStackItems else {
                return .invalid("\(stack.count) witness items (standard limit \(InputVerifier.maxWitnessStackItems))")
            }
            if let big = stack.firstIndex(where: { $0.count > InputVerifier.maxWitnessStackItemSize }) {
                return .invalid("witness item \(big) is \(stack[big].count) bytes (standard limit \(InputVerifier.maxWitnessStackItemSize))")
            }
            guard stack.count >= 1 + m else {
                return .invalid("\(max(stack.count - 1, 0)) signature\(stack.count == 2 ? "" : "s") for a \(m)-of-\(script.keys.count) script (too few signatures)")
            }
            guard stack.count == 1 + m else {
                return .invalid("\(stack.count - 1) items after the dummy for a \(m)-of-\(script.keys.count) script (non-standard: the stack must end clean)")
            }
            guard stack[0].isEmpty else { return .invalid("the CHECKMULTISIG dummy element is not empty (NULLDUMMY)") }
            let signatures = Array(stack.dropFirst())
            for (i, sig) in signatures.enumerated() {
                guard !sig.isEmpty else { return .invalid("signature \(i + 1) is empty (too few signatures)") }
                if let fault = Check.encodingFault(sig) { return .invalid("signature \(i + 1): \(fault)") }
            }
            let keys = script.keys.map(\.compressed)
            var matched: [InputSignature] = []
            var sigIndex = 0, keyIndex = 0
            while sigIndex < signatures.count {
                if keys.count - keyIndex < signatures.count - sigIndex {
                    let after = matched.last.map { " after key \($0.keyIndex + 1)" } ?? ""
                    return .invalid("signature \(sigIndex + 1) matches no key\(after) in script order (CHECKMULTISIG order)")
                }
                let sig = signatures[sigIndex]
                let type = SighashType(rawValue: sig[sig.count - 1])
                let digest = segwitOrLegacyDigest(type, scriptCode: script.script, legacy: false)
                if ECDSA.check(publicKey: keys[keyIndex], digest: digest, derSignature: Array(sig.dropLast())) == .valid {
                    matched.append(InputSignature(keyIndex: keyIndex, publicKey: keys[keyIndex], hashType: type))
                    sigIndex += 1
                }
                keyIndex += 1
            }
            return .valid(VerifiedInput(kind: kind, threshold: m, keys: keys, signatures: matched))
        }

        /// BIP-341 key path: one 64- or 65-byte Schnorr signature by the output key.
        func taprootKeyPath(outputKey: [UInt8], witness: [[UInt8]], prevouts: [TxOutput]) -> InputVerdict {
            guard !witness.isEmpty else { return .invalid("P2TR witness is empty") }
            if witness.count >= 2, witness.last?.first == 0x50 {
                return .invalid("witness annex present (non-standard)")
            }
            guard witness.count == 1 else { return .unsupported("P2TR script-path spend") }
            let sig = witness[0]
            let type: SighashType
            switch sig.count {
            case 64: type = .default
            case 65:
                type = SighashType(rawValue: sig[64])
                guard type != .default else { return .invalid("65-byte signature with hash type 0x00 (consensus)") }
                guard type.isDefinedForTaproot else { return .invalid("undefined hash type \(type)") }
            default: return .invalid("Schnorr signature of \(sig.count) bytes (64, or 65 with a hash type)")
            }
            let digest: [UInt8]
            do { digest = try tx.taprootSignatureHash(inputIndex: index, prevouts: prevouts, hashType: type) } catch {
                return .invalid("\(error)")
            }
            switch Schnorr.check(publicKey: outputKey, message: digest, signature: Array(sig.prefix(64))) {
            case .valid:
                return .valid(VerifiedInput(kind: .p2tr, threshold: 1, keys: [outputKey],
                                            signatures: [InputSignature(keyIndex: 0, publicKey: outputKey, hashType: type)]))
            case .badPublicKey(let e): return .invalid("output key: \(e)")
            case .badSignatureLength(let n): return .invalid("Schnorr signature of \(n) bytes")
            case .mismatch: return .invalid("signature does not verify for the output key, transaction and amounts")
            }
        }
    }
}
