import Testing
@testable import Bitcoin

/// Every script kind ``InputVerifier`` checks, signed here with test keys: valid, and broken one way at a time.
@Suite struct InputVerifierTests {
    static let keys = (1...3).map { TestKey(seed: 700 + $0) }
    static let amount: Int64 = 150_000

    /// A one-input, two-output transaction spending `spent` (input 0) and a second P2WPKH output (input 1).
    static func unsigned() -> Transaction {
        Transaction(version: 2, inputs: [TxInput(prevout: OutPoint(txid: [UInt8](repeating: 0x11, count: 32), vout: 3), sequence: 0xffff_fffd),
                                         TxInput(prevout: OutPoint(txid: [UInt8](repeating: 0x22, count: 32), vout: 0))],
                    outputs: [TxOutput(value: 120_000, scriptPubKey: keys[0].p2wpkhScript),
                              TxOutput(value: 40_000, scriptPubKey: keys[1].p2wpkhScript)], lockTime: 0)
    }

    static let second = TxOutput(value: 20_000, scriptPubKey: keys[2].p2wpkhScript)

    // MARK: Building signed inputs

    enum Kind { case p2pkh, p2wpkh, p2shP2wpkh, p2wsh, p2shP2wsh, p2tr }

    static var multisig: [UInt8] { try! MultisigScript(script: [0x52] + keys.flatMap { [0x21] + $0.publicKey.compressed } + [0x53, 0xae]).script }

    static func spent(_ kind: Kind, amount: Int64 = amount) -> TxOutput {
        let key = keys[0]
        let script: [UInt8]
        switch kind {
        case .p2pkh: script = [0x76, 0xa9, 0x14] + key.publicKey.hash160 + [0x88, 0xac]
        case .p2wpkh: script = key.p2wpkhScript
        case .p2shP2wpkh: script = [0xa9, 0x14] + Hashes.hash160(key.p2wpkhScript) + [0x87]
        case .p2wsh: script = [0x00, 0x20] + Hashes.sha256(multisig)
        case .p2shP2wsh: script = [0xa9, 0x14] + Hashes.hash160([0x00, 0x20] + Hashes.sha256(multisig)) + [0x87]
        case .p2tr: script = key.p2trScript
        }
        return TxOutput(value: amount, scriptPubKey: script)
    }

    /// `tx` with input 0 signed for `kind` by `signers` (multisig: key indexes, in the order given).
    static func signed(_ kind: Kind, signers: [Int] = [0, 2], hashType: SighashType = .all, amount: Int64 = amount,
                       tx base: Transaction = unsigned()) -> Transaction {
        var tx = base
        let key = keys[0]
        let pkhCode = [0x76, 0xa9, 0x14] + key.publicKey.hash160 + [0x88, 0xac]
        switch kind {
        case .p2pkh:
            let digest = tx.legacySignatureHash(inputIndex: 0, scriptCode: pkhCode, hashType: UInt32(hashType.rawValue))
            let sig = key.signECDSA(digest: digest) + [hashType.rawValue]
            tx.inputs[0].scriptSig = [UInt8(sig.count)] + sig + [0x21] + key.publicKey.compressed
        case .p2wpkh, .p2shP2wpkh:
            let sig = key.signSegwitV0(tx, inputIndex: 0, scriptCode: pkhCode, amount: amount, hashType: hashType)
            tx.inputs[0].witness = [sig, key.publicKey.compressed]
            if kind == .p2shP2wpkh { tx.inputs[0].scriptSig = [0x16] + key.p2wpkhScript }
        case .p2wsh, .p2shP2wsh:
            let sigs = signers.map { keys[$0].signSegwitV0(tx, inputIndex: 0, scriptCode: multisig, amount: amount, hashType: hashType) }
            tx.inputs[0].witness = [[]] + sigs + [multisig]
            if kind == .p2shP2wsh { tx.inputs[0].scriptSig = [0x22, 0x00, 0x20] + Hashes.sha256(multisig) }
        case .p2tr:
            tx.inputs[0].witness = [key.signTaprootKeyPath(tx, inputIndex: 0, prevouts: [spent(.p2tr, amount: amount), second],
                                                           hashType: hashType == .all ? .default : hashType)]
        }
        tx.inputs[1].witness = [[0x01]]   // input 1 is not checked here
        return tx
    }

    static func verify(_ tx: Transaction, _ kind: Kind, amount: Int64 = amount) -> InputVerdict {
        let out = spent(kind, amount: amount)
        return InputVerifier.verify(tx, inputIndex: 0, spent: out, prevouts: [out, second])
    }

    static let all: [Kind] = [.p2pkh, .p2wpkh, .p2shP2wpkh, .p2wsh, .p2shP2wsh, .p2tr]

    // MARK: Tests

    @Test(arguments: all) func validSpend(_ kind: Kind) {
        let verdict = Self.verify(Self.signed(kind), kind)
        guard case .valid(let v) = verdict else { Issue.record("\(kind): \(verdict)"); return }
        switch kind {
        case .p2wsh, .p2shP2wsh:
            #expect(v.signerIndexes == [0, 2] && v.threshold == 2 && v.keys.count == 3)
        default:
            #expect(v.signerIndexes == [0] && v.threshold == 1)
        }
        #expect(v.permissiveHashTypes.isEmpty)
    }

    /// One byte of the transaction changed after signing (an output's value): every signature fails.
    @Test(arguments: all) func oneByteChangedInTheTransaction(_ kind: Kind) {
        var tx = Self.signed(kind)
        tx.outputs[1].value += 1
        #expect(!Self.verify(tx, kind).isValid, "\(kind)")
    }

    /// One byte of the signature changed (last byte of s): a different signature, which does not verify.
    @Test(arguments: all) func oneByteChangedInTheSignature(_ kind: Kind) {
        var tx = Self.signed(kind)
        switch kind {
        case .p2pkh:
            let sigLength = Int(tx.inputs[0].scriptSig[0])
            tx.inputs[0].scriptSig[sigLength - 1] ^= 0x01    // last byte of s (before the hash type)
        case .p2tr:
            tx.inputs[0].witness[0][40] ^= 0x01
        default:
            let i = kind == .p2wsh || kind == .p2shP2wsh ? 1 : 0
            let n = tx.inputs[0].witness[i].count
            tx.inputs[0].witness[i][n - 2] ^= 0x01
        }
        #expect(!Self.verify(tx, kind).isValid, "\(kind)")
    }

    /// The spent amount differs from the signed one: segwit and taproot signatures commit to it, legacy ones do not.
    @Test(arguments: all) func wrongAmount(_ kind: Kind) {
        let verdict = Self.verify(Self.signed(kind), kind, amount: Self.amount + 1)
        #expect(verdict.isValid == (kind == .p2pkh), "\(kind): \(verdict)")
    }

    @Test(arguments: [Kind.p2wsh, .p2shP2wsh]) func multisigMatchesInScriptOrder(_ kind: Kind) {
        // Signers 2 then 1: CHECKMULTISIG walks keys forward and never comes back for key 1.
        #expect(Self.verify(Self.signed(kind, signers: [2, 1]), kind)
                == .invalid("signature 1 matches no key in script order (CHECKMULTISIG order)"))
        // Any two in order verify, and say which.
        for pair in [[0, 1], [0, 2], [1, 2]] {
            guard case .valid(let v) = Self.verify(Self.signed(kind, signers: pair), kind) else { Issue.record("\(pair)"); continue }
            #expect(v.signerIndexes == pair)
        }
        // The same key twice is one signer, not two.
        #expect(!Self.verify(Self.signed(kind, signers: [1, 1]), kind).isValid)
    }

    @Test(arguments: [Kind.p2wsh, .p2shP2wsh]) func multisigTooFewSignaturesAndDummy(_ kind: Kind) {
        #expect(Self.verify(Self.signed(kind, signers: [1]), kind) == .invalid("1 signature for a 2-of-3 script (too few signatures)"))
        // An empty signature in place of the second one.
        var tx = Self.signed(kind)
        tx.inputs[0].witness[2] = []
        #expect(Self.verify(tx, kind) == .invalid("signature 2 is empty (too few signatures)"))
        // Three signatures for two: the stack would not end clean.
        #expect(!Self.verify(Self.signed(kind, signers: [0, 1, 2]), kind).isValid)
        // A non-empty dummy (NULLDUMMY).
        tx = Self.signed(kind)
        tx.inputs[0].witness[0] = [0x00]
        #expect(Self.verify(tx, kind) == .invalid("the CHECKMULTISIG dummy element is not empty (NULLDUMMY)"))
        // A witness script that is not the one committed to.
        tx = Self.signed(kind)
        tx.inputs[0].witness[3][1] = 0x20
        #expect(!Self.verify(tx, kind).isValid)
    }

    /// NONE, SINGLE and ANYONECANPAY verify and are reported as such, for the caller's policy to refuse.
    @Test(arguments: all) func otherHashTypesAreReported(_ kind: Kind) {
        for type in [SighashType.none, .single, .allAnyoneCanPay, .singleAnyoneCanPay] {
            let verdict = Self.verify(Self.signed(kind, hashType: type), kind)
            guard case .valid(let v) = verdict else { Issue.record("\(kind) \(type.name): \(verdict)"); continue }
            #expect(v.permissiveHashTypes == [type], "\(kind)")
        }
        // SINGLE commits to the output at the input's index only: changing another output keeps it valid.
        var tx = Self.signed(kind, hashType: .single)
        tx.outputs[1].value += 1
        #expect(Self.verify(tx, kind).isValid, "\(kind)")
    }

    @Test(arguments: [Kind.p2pkh, .p2wpkh, .p2shP2wpkh, .p2wsh, .p2shP2wsh]) func highSIsRefused(_ kind: Kind) {
        var tx = Self.signed(kind)
        func flip(_ sig: [UInt8]) -> [UInt8] { TestKey.highS(der: Array(sig.dropLast())) + [sig.last!] }
        switch kind {
        case .p2pkh:
            let n = Int(tx.inputs[0].scriptSig[0])
            let high = flip(Array(tx.inputs[0].scriptSig[1...n]))
            tx.inputs[0].scriptSig = [UInt8(high.count)] + high + Array(tx.inputs[0].scriptSig[(n + 1)...])
        case .p2wsh, .p2shP2wsh: tx.inputs[0].witness[1] = flip(tx.inputs[0].witness[1])
        default: tx.inputs[0].witness[0] = flip(tx.inputs[0].witness[0])
        }
        let verdict = Self.verify(tx, kind)
        guard case .invalid(let reason) = verdict else { Issue.record("\(kind): \(verdict)"); return }
        #expect(reason.contains("high S"), "\(kind): \(reason)")
    }

    @Test func undefinedHashTypeAndShapes() {
        // Hash type 0x04 is not defined for ECDSA.
        var tx = Self.signed(.p2wpkh)
        tx.inputs[0].witness[0][tx.inputs[0].witness[0].count - 1] = 0x04
        #expect(Self.verify(tx, .p2wpkh) == .invalid("signature: undefined hash type 0x04"))
        // A third witness item on P2WPKH.
        tx = Self.signed(.p2wpkh)
        tx.inputs[0].witness.append([0x01])
        #expect(Self.verify(tx, .p2wpkh) == .invalid("P2WPKH witness has 3 items; it needs exactly a signature and a key"))
        // An uncompressed key in a segwit witness.
        tx = Self.signed(.p2wpkh)
        tx.inputs[0].witness[1] = Self.keys[0].publicKey.uncompressed
        #expect(!Self.verify(tx, .p2wpkh).isValid)
        // The wrong key for the hash.
        tx = Self.signed(.p2wpkh)
        tx.inputs[0].witness[1] = Self.keys[1].publicKey.compressed
        #expect(Self.verify(tx, .p2wpkh) == .invalid("public key does not hash to the output's key hash"))
        // A scriptSig with a non-push opcode.
        tx = Self.signed(.p2pkh)
        tx.inputs[0].scriptSig.append(0x75)
        #expect(Self.verify(tx, .p2pkh) == .invalid("scriptSig is not made of minimal pushes only"))
        // A 65-byte taproot signature with type byte 0x00, and an annex.
        tx = Self.signed(.p2tr)
        tx.inputs[0].witness[0].append(0x00)
        #expect(Self.verify(tx, .p2tr) == .invalid("65-byte signature with hash type 0x00 (consensus)"))
        tx = Self.signed(.p2tr)
        tx.inputs[0].witness.append([0x50, 0x01])
        #expect(Self.verify(tx, .p2tr) == .invalid("witness annex present (non-standard)"))
    }

    @Test func unsupportedScriptsAreNeverValid() {
        let tx = Self.signed(.p2wpkh)
        for script in [
            [0x21] + Self.keys[0].publicKey.compressed + [0xac],            // bare P2PK
            Self.multisig,                                                   // bare multisig
            [0x6a, 0x01, 0x00],                                              // OP_RETURN
            [0x52, 0x02, 0x4e, 0x73],                                        // witness v2
        ] {
            let verdict = InputVerifier.verify(tx, inputIndex: 0, spent: TxOutput(value: Self.amount, scriptPubKey: script))
            guard case .unsupported = verdict else { Issue.record("\(Hex.encode(script)): \(verdict)"); continue }
        }
        // A P2WSH script that is not multisig (OP_TRUE) is unsupported, even with a matching witness.
        var anyone = Self.unsigned()
        anyone.inputs[0].witness = [[0x51]]
        let verdict = InputVerifier.verify(anyone, inputIndex: 0, spent: TxOutput(value: 1, scriptPubKey: [0x00, 0x20] + Hashes.sha256([0x51])))
        #expect(verdict == .unsupported("P2WSH witness script that is not multi/sortedmulti"))
        #expect(InputVerifier.verify(anyone, inputIndex: 5, spent: Self.second) == .invalid("input 5 is not an input of the transaction (2 inputs)"))
    }
}
