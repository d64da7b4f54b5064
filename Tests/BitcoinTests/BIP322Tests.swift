import Testing
@testable import Bitcoin

/// BIP-322: virtual transaction hashes (bip322_tx_hashes.json), the simple-form vectors of
/// bitcoin/bips bip-0322/basic-test-vectors.json and generated-test-vectors.json (copied below), and
/// fixtures signed here (multisig order, high S, sighash types).
@Suite struct BIP322Tests {
    struct HashVector: Sendable { let message, address, messageHash, toSpend, toSign: String }

    static func hashVectors() throws -> [HashVector] {
        let root = try #require(try VectorFile.json("bip322_tx_hashes.json") as? [String: Any])
        let list = try #require(root["tx_hashes"] as? [[String: String]])
        return list.map { HashVector(message: $0["message"] ?? "", address: $0["address"] ?? "",
                                     messageHash: $0["message_hash"] ?? "", toSpend: $0["to_spend_tx_hash"] ?? "",
                                     toSign: $0["to_sign_tx_hash"] ?? "") }
    }

    @Test(arguments: try hashVectors().indices) func virtualTransactionHashes(index: Int) throws {
        let v = try Self.hashVectors()[index]
        let message = Array(v.message.utf8)
        #expect(Hex.encode(BIP322.messageHash(message)) == v.messageHash)
        let address = try Address.parse(v.address)
        let spend = BIP322.toSpend(scriptPubKey: address.scriptPubKey, message: message)
        #expect(spend.txidHex == v.toSpend)
        #expect(BIP322.toSign(toSpend: spend, witness: []).txidHex == v.toSign)
    }

    struct Simple: Sendable, CustomTestStringConvertible {
        let message, address, signature: String
        var testDescription: String { "\(address) \"\(message)\"" }
    }

    /// Valid simple-form signatures from the BIP's JSON vectors (basic and generated).
    static let validSimple: [Simple] = [
        Simple(message: "", address: "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l",
               signature: "smpAkcwRAIgM2gBAQqvZX15ZiysmKmQpDrG83avLIT492QBzLnQIxYCIBaTpOaD20qRlEylyxFSeEA2ba9YOixpX8z46TSDtS40ASECx/EgAxlkQpQ9hYjgGu6EBCPMVPwVIVJqO4XCsMvViHI="),
        Simple(message: "", address: "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l",
               signature: "smpAkgwRQIhAPkJ1Q4oYS0htvyuSFHLxRQpFAY56b70UvE7Dxazen0ZAiAtZfFz1S6T6I23MWI2lK/pcNTWncuyL8UL+oMdydVgzAEhAsfxIAMZZEKUPYWI4BruhAQjzFT8FSFSajuFwrDL1Yhy"),
        Simple(message: "Hello World", address: "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l",
               signature: "smpAkcwRAIgZRfIY3p7/DoVTty6YZbWS71bc5Vct9p9Fia83eRmw2QCICK/ENGfwLtptFluMGs2KsqoNSk89pO7F29zJLUx9a/sASECx/EgAxlkQpQ9hYjgGu6EBCPMVPwVIVJqO4XCsMvViHI="),
        Simple(message: "Hello World", address: "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l",
               signature: "smpAkgwRQIhAOzyynlqt93lOKJr+wmmxIens//zPzl9tqIOua93wO6MAiBi5n5EyAcPScOjf1lAqIUIQtr3zKNeavYabHyR8eGhowEhAsfxIAMZZEKUPYWI4BruhAQjzFT8FSFSajuFwrDL1Yhy"),
        Simple(message: "This will be a p2wsh 3-of-3 multisig BIP 322 signed message",
               address: "bc1qp0ahvfh83088w49k405szqgg4f3pptr7p2g06tdxfjcd40z4lh4q95lsz9",
               signature: "smpBQBHMEQCIFX9aaqPJWq2Ff2kpen5bFDTid+ehgUOpHV0LfjncXy4AiA3GNicF7aKPzdpa9PCpmaYQs3pHd+qbvvhXdxOCKCAMAFIMEUCIQD/ELXg6CNYyUQijCg96JtgvgjZb9dsl1Ctof4QAeyTcQIgVM/1AAblFl/DCt6A1gJg+T/i2qU5SQD09+chFJzolRwBSDBFAiEAlqRfSFyWNVQhvaCnmeV5tyneiCWMTcFbuujoD/pFa3wCIGnZjfQb8NolSYq9asV+ZeBSkCGHJcqnaV4JYS5MYPEGAWlTIQJ1aLEfEi/4p7wcV+XHZCBVvGGJZ7L3v+jhH+mZA8lN0yECCovfec+kIdllXpKCgA8RX/HZ2x5yHOtCSKP8/sf6pnwhAwxSng6kCgCXXSAmJOOZFdr3vdK3HzGqCFloOHgc5fM6U64="),
        Simple(message: "No prefix fallback", address: "bc1pss0zhytly75awhm6x2hhvd5lnzv3vssgrf9axfheq8ldyzn88ges79fler",
               signature: "AUCJYOwOjxYAvatTAGYaVlNXBVyFuc4MwNQkOuK2tl8xhfKDONd0NjfYyNSYcRqeCp8hsAnCEPHAVEkO9h6vbQ/R"),
        Simple(message: "ESHJI7MWUL64AXHBI42L3UR4QA", address: "bc1qkntwc3c4dzxh9xh6875l03fn3vkk023jgak3u7",
               signature: "AkcwRAIgCYHF/vn67iZX5WBimh84kqD6pTME6eNCMGhfFnnwCNECIAF3nMCk/RfLit+uv8a8FgfQIw0f0ASE21GSz7rX17PsASEDTA2vM8bOtUFgvenSDUmvkq7aWNwoTB0CMiM6carHY1s="),
        Simple(message: "TPIZPITUIHEUHO5ACOL6W6MBVD", address: "bc1p9cyuceaazr8cz46mvgkzl94wy397mwpqsrk84su37t72jvkg6wzqv52nfp",
               signature: "AUBay6NwR4LEYedkTG+vE9F7C0RTOCB5NH6ZAqf+3hudjHIkOzSZk1jW/5Kt0wRKX3llJ25os+0qktdou4/Y8516"),
        Simple(message: "GDU6AXT64O5ZS4AHHXK5JETYRM", address: "bc1qa8xp82hejuydq8d9yc44s662ras5ncr98gxz3n53s6vklwgrczrqc4fqtn",
               signature: "BABIMEUCIQCLKarc4DfTq5bmqPVjRZ/qBvRPy886P2dM1tDK/92WIgIgN7y495rkp5FPcpjohhl8Knmo9rf63tPLGIVo8PKE81ABSDBFAiEAz2U1cppenj2Kbg8DkS3wXMmAN4jvZvsP/PdcCI1akogCIFlrCbW2+GbMRkvObV2utVdHYBxIJhM6DJlv1NIwViXBAUdSIQJx+IVtFfezY//G7PB/9/Z2fWatDxm5+M0195sX3Y1qoyECvDKp35BSlVD2TFqMPy7MlXJrqGl3nkQAgo51DfiRIqlSrg=="),
        Simple(message: "BSAWAJZ2EQJD2TYPE7XJM4C7UT", address: "bc1qel33n4j8luylanep3rhfdkkwsvz2pjvjvle4ttt4v8v74ur74fuqjrp0uw",
               signature: "BQBHMEQCIFT0+Kbu1NAAJvWikhuw20MSB3LHCbMHgcNlMI2y38CnAiBKzu+vWiUofSZ6z7efpiAg9NhnAFgzrLJ7NVw4yY9I0gFHMEQCIFB1YEnj+Rvy18vUU7CADhSgoC9DyTqKH35q+uND4ZXEAiA9ISDpX9EA5gUvkTPBVQpEO+6pET87I4XhckdBmbZWwAFHMEQCIC8vcyfV3kOLDUI+ZaqFnS7psT11aFt+CW+jU2We7VYXAiA3zPurejZx5jSrUE/q9FI+B/idy8zRHAFmxo511LMjqwFpUyECZL28ba/0fLUUb9CUm2BWh/pDPpQa/ivbd4vKZWqBiSohAx3wAIvD9FNoBhSIQcli5257Nf7ePVqSFOQDze7XlHJVIQIYUTRV97qnh0yX/U36NKWtXEqbdW0jmlMmBDyeRbC87lOu"),
    ]

    @Test(arguments: validSimple) func validSimpleSignatures(v: Simple) {
        let (result, format) = MessageVerifier.verify(address: v.address, message: v.message, signature: v.signature)
        #expect(result == .valid, "\(v.testDescription): \(result)")
        #expect(format == .bip322Simple)
        // The same signature without the `smp` prefix (pre-2026 encoding) is accepted too.
        if v.signature.hasPrefix("smp") {
            #expect(MessageVerifier.verify(address: v.address, message: v.message, signature: String(v.signature.dropFirst(3))).result == .valid)
        }
    }

    struct Failing: Sendable, CustomTestStringConvertible {
        let description, message, address, signature: String
        let status: VerificationStatus
        var testDescription: String { description }
    }

    /// The BIP's error vectors, each with the status this verifier gives.
    static let failing: [Failing] = [
        Failing(description: "invalid base64 encoding", message: "", address: "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l",
                signature: "not-valid-base64!!!", status: .malformed),
        Failing(description: "empty signature", message: "", address: "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l",
                signature: "", status: .malformed),
        Failing(description: "wrong message", message: "Wrong message that was not signed", address: "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l",
                signature: validSimple[0].signature, status: .invalid),
        Failing(description: "wrong address", message: "", address: "bc1qp0ahvfh83088w49k405szqgg4f3pptr7p2g06tdxfjcd40z4lh4q95lsz9",
                signature: validSimple[0].signature, status: .invalid),
        Failing(description: "empty witness stack", message: "", address: "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l",
                signature: "smpAA==", status: .invalid),
        Failing(description: "wrong message for p2wsh 3-of-3", message: "This is not the message that was signed",
                address: "bc1qp0ahvfh83088w49k405szqgg4f3pptr7p2g06tdxfjcd40z4lh4q95lsz9", signature: validSimple[4].signature, status: .invalid),
        Failing(description: "invalid signature prefix", message: "", address: "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l",
                signature: "fooAA==", status: .malformed),
        Failing(description: "full form is not verified", message: "incorrect prefix",
                address: "bc1pyrgrm6cu6n54jrvkdjd9rvyd3xfyu84s2623awu2srn6mxhscwpsm5644w",
                signature: "fulAUDZwFXUp+adN+/UZj5dVrGAbB3zKs1Vcalz5fCF9srxS63eSWNGvH1NYbrBkPt1BJDUyWUz9zgUxfc63/QheT6M", status: .unsupported),
        Failing(description: "wrong message p2tr", message: "IHUVDIXOZV7EE7RU6CP7JUS57N", address: "bc1p9cyuceaazr8cz46mvgkzl94wy397mwpqsrk84su37t72jvkg6wzqv52nfp",
                signature: validSimple[7].signature, status: .invalid),
        Failing(description: "wrong signer p2tr", message: "TPIZPITUIHEUHO5ACOL6W6MBVD", address: "bc1pr72av8sh7qc2ssxs8w0hlj0cl82g2q2dvypngzgsrmd4plml84ksmfyv0q",
                signature: validSimple[7].signature, status: .invalid),
        Failing(description: "wrong signer p2wpkh", message: "ESHJI7MWUL64AXHBI42L3UR4QA", address: "bc1qx3f9s3scavc92s3g2fhwzqzn7qucd37ez03jpf",
                signature: validSimple[6].signature, status: .invalid),
        Failing(description: "wrong signer 2-of-2", message: "GDU6AXT64O5ZS4AHHXK5JETYRM", address: "bc1qcfden7aelf249fdvq7qjkdus5fehgfvnlx8u6fs8ll08jjejfw6qslr6nd",
                signature: validSimple[8].signature, status: .invalid),
        Failing(description: "full p2wpkh signature without prefix", message: "YGIAANMREUXLFRI4HIEOCE4T23", address: "bc1qkwzsslep5elkuat4608v7tpntpr3d9n7w5cwwq",
                signature: "AgAAAAABAaVatLF3wpACTG5XowFYPJPv65lgTlZypjUV9d1DNduCAAAAAADgBwAAAQAAAAAAAAAAAWoCRzBEAiB+SJdR6bVLpv5+kK8pOXSUDS24rU53YkTQEvelQJ22uwIgEfqM8eYTupu4LtA0Tz7z1LIbhpP2PrUxWEt9osnrxFEBIQMasC7JaIHbbAUt1kU81yx7S4QHScnEDBs4GsdHDPMPSuAHAAA=",
                status: .unsupported),
    ]

    @Test(arguments: failing) func failingSignatures(v: Failing) {
        let result = MessageVerifier.verify(address: v.address, message: v.message, signature: v.signature).result
        #expect(!result.isValid)
        #expect(result.status == v.status, "\(v.description): \(result)")
    }

    // MARK: fixtures signed here

    static let keys = (0..<3).map { TestKey(seed: 300 + $0) }

    static func address(_ payload: AddressPayload) -> Address { Address(payload: payload) }

    @Test func ownP2WPKHAndP2TR() {
        let k = Self.keys[0]
        let wpkh = Self.address(try! .p2wpkh(key: k.publicKey))
        let tr = Self.address(.p2tr(outputKey: k.taprootOutputKey))
        #expect(MessageVerifier.verify(address: wpkh, message: Array("hi".utf8), signature: k.bip322SimpleP2WPKH(message: "hi")).result == .valid)
        #expect(MessageVerifier.verify(address: tr, message: Array("hi".utf8), signature: k.bip322SimpleP2TR(message: "hi")).result == .valid)
        #expect(MessageVerifier.verify(address: tr, message: Array("hi".utf8), signature: k.bip322SimpleP2TR(message: "hi", hashType: .all)).result == .valid)
        #expect(MessageVerifier.verify(address: wpkh, message: Array("hj".utf8), signature: k.bip322SimpleP2WPKH(message: "hi")).result.status == .invalid)
        #expect(MessageVerifier.verify(address: tr, message: Array("hj".utf8), signature: k.bip322SimpleP2TR(message: "hi")).result.status == .invalid)
        #expect(MessageVerifier.verify(address: wpkh, message: Array("hi".utf8), signature: "smp" + k.bip322SimpleP2WPKH(message: "hi")).result == .valid)
    }

    /// P2SH-wrapped segwit in simple form: the redeem script is implied by the witness.
    @Test func nestedSegwit() throws {
        let k = Self.keys[2]
        let nested = Self.address(try! .p2shP2wpkh(key: k.publicKey))
        let sig = k.bip322SimpleP2WPKHNested(message: "m")
        #expect(MessageVerifier.verify(address: nested, message: Array("m".utf8), signature: sig).result == .valid)
        #expect(MessageVerifier.verify(address: nested, message: Array("n".utf8), signature: sig).result.status == .invalid)
        let other = Self.address(try! .p2shP2wpkh(key: Self.keys[1].publicKey))
        #expect(MessageVerifier.verify(address: other, message: Array("m".utf8), signature: sig).result.status == .invalid)

        let keys = Self.keys
        let script = MultisigScriptTestSupport.multi(2, keys.map(\.publicKey))
        let shwsh = Self.address(.p2sh(redeemScript: [0x00, 0x20] + Hashes.sha256(script)))
        let multi = TestKey.bip322SimpleMultisig(message: "m", script: script, signers: [keys[0], keys[2]], nested: true)
        #expect(MessageVerifier.verify(address: shwsh, message: Array("m".utf8), signature: multi).result == .valid)
    }

    /// BIP-322's required rules: every signature uses SIGHASH_ALL (or Taproot's default).
    @Test func onlySighashAll() {
        let k = Self.keys[0]
        let wpkh = Self.address(try! .p2wpkh(key: k.publicKey))
        let tr = Self.address(.p2tr(outputKey: k.taprootOutputKey))
        for type in [SighashType.none, .single, .allAnyoneCanPay] {
            #expect(MessageVerifier.verify(address: wpkh, message: Array("m".utf8),
                                           signature: k.bip322SimpleP2WPKH(message: "m", hashType: type)).result.status == .invalid)
            #expect(MessageVerifier.verify(address: tr, message: Array("m".utf8),
                                           signature: k.bip322SimpleP2TR(message: "m", hashType: type)).result.status == .invalid)
        }
    }

    @Test func p2trExplicitDefaultHashTypeIsRefused() throws {
        let k = Self.keys[0]
        let tr = Self.address(.p2tr(outputKey: k.taprootOutputKey))
        let witness = try WitnessStack.decode(Base64.decode(k.bip322SimpleP2TR(message: "hi")) ?? [])
        let padded = Base64.encode(WitnessStack.encode([witness[0] + [0x00]]))
        #expect(MessageVerifier.verify(address: tr, message: Array("hi".utf8), signature: padded).result.status == .malformed)
    }

    @Test func highSIsNonStandard() throws {
        let k = Self.keys[1]
        let wpkh = Self.address(try! .p2wpkh(key: k.publicKey))
        let witness = try WitnessStack.decode(Base64.decode(k.bip322SimpleP2WPKH(message: "hi")) ?? [])
        let der = Array(witness[0].dropLast())
        let high = TestKey.highS(der: der) + [0x01]
        let sig = Base64.encode(WitnessStack.encode([high, witness[1]]))
        let result = MessageVerifier.verify(address: wpkh, message: Array("hi".utf8), signature: sig).result
        #expect(result == .nonStandard("s is above n/2 (high S)"))
        let witnessHigh = try WitnessStack.decode(Base64.decode(sig) ?? [])
        #expect(BIP322.verifySimple(address: wpkh, message: Array("hi".utf8), witness: witnessHigh, allowHighS: true) == .valid)
    }

    /// 2-of-3 `multi` in script order, out of order, with a repeated signer, and as `sortedmulti`.
    @Test func multisigOrderedMatching() throws {
        let keys = Self.keys
        let script = MultisigScriptTestSupport.multi(2, keys.map(\.publicKey))
        let addr = Self.address(.p2wsh(witnessScript: script))
        let msg = "cold storage proof"
        func verify(_ signers: [TestKey]) -> VerificationResult {
            MessageVerifier.verify(address: addr, message: Array(msg.utf8),
                                   signature: TestKey.bip322SimpleMultisig(message: msg, script: script, signers: signers)).result
        }
        #expect(verify([keys[0], keys[1]]) == .valid)
        #expect(verify([keys[0], keys[2]]) == .valid)
        #expect(verify([keys[1], keys[2]]) == .valid)
        #expect(verify([keys[1], keys[0]]).status == .invalid)  // CHECKMULTISIG needs script order
        #expect(verify([keys[0], keys[0]]).status == .invalid)  // one key cannot sign twice
        #expect(verify([keys[0]]).status == .invalid)           // too few signatures
        #expect(verify([keys[0], TestKey(seed: 999)]).status == .invalid)

        let sorted = keys.map(\.publicKey).sorted { $0.compressed.lexicographicallyPrecedes($1.compressed) }
        let sortedScript = MultisigScriptTestSupport.multi(2, sorted)
        let sortedAddr = Self.address(.p2wsh(witnessScript: sortedScript))
        let signers = sorted.prefix(2).compactMap { pk in keys.first { $0.publicKey == pk } }
        let sig = TestKey.bip322SimpleMultisig(message: msg, script: sortedScript, signers: signers)
        #expect(MessageVerifier.verify(address: sortedAddr, message: Array(msg.utf8), signature: sig).result == .valid)
        // The same witness does not prove the unsorted script's address.
        #expect(MessageVerifier.verify(address: addr, message: Array(msg.utf8), signature: sig).result.status == .invalid)
    }

    @Test func multisigDummyMustBeEmpty() throws {
        let keys = Self.keys
        let script = MultisigScriptTestSupport.multi(1, [keys[0].publicKey])
        let addr = Self.address(.p2wsh(witnessScript: script))
        let good = TestKey.bip322SimpleMultisig(message: "m", script: script, signers: [keys[0]])
        var witness = try WitnessStack.decode(Base64.decode(good) ?? [])
        witness[0] = [0x00]
        let result = MessageVerifier.verify(address: addr, message: Array("m".utf8), signature: Base64.encode(WitnessStack.encode(witness))).result
        #expect(result.status == .invalid)
    }

    @Test func uninterpretedScriptsAreInconclusive() {
        let k = Self.keys[0]
        // P2WSH whose script is a single-key CHECKSIG: not multisig.
        let script = [0x21] + k.publicKey.compressed + [0xac]
        let addr = Self.address(.p2wsh(witnessScript: script))
        let sig = Base64.encode(WitnessStack.encode([[0x30], script]))
        let result = MessageVerifier.verify(address: addr, message: Array("m".utf8), signature: sig).result
        #expect(result.status == .inconclusive)
        // Taproot script path (two stack items, the last not an annex).
        let tr = Self.address(.p2tr(outputKey: k.taprootOutputKey))
        let scriptPath = Base64.encode(WitnessStack.encode([[UInt8](repeating: 1, count: 64), [0x51], [0xc0] + k.xOnlyPublicKey.bytes]))
        #expect(MessageVerifier.verify(address: tr, message: Array("m".utf8), signature: scriptPath).result.status == .inconclusive)
    }

    @Test func multisigScriptParsing() throws {
        let keys = Self.keys.map(\.publicKey)
        let script = MultisigScriptTestSupport.multi(2, keys)
        let parsed = try MultisigScript(script: script)
        #expect(parsed.threshold == 2)
        #expect(parsed.keys == keys)
        #expect(parsed.script == script)
        #expect(throws: MultisigScriptError.badThreshold(m: 3, n: 2, keys: 2)) {
            try MultisigScript(script: MultisigScriptTestSupport.multi(3, Array(keys.prefix(2))))
        }
        #expect(throws: MultisigScriptError.notMultisig) { try MultisigScript(script: Array(script.dropLast()) + [0xac]) }
        var badKey = script
        badKey[2] = 0x05
        #expect(throws: MultisigScriptError.badKey(index: 0)) { try MultisigScript(script: badKey) }
        var wrongN = script
        wrongN[wrongN.count - 2] = 0x54
        #expect(throws: MultisigScriptError.badThreshold(m: 2, n: 4, keys: 3)) { try MultisigScript(script: wrongN) }
    }
}

/// Builds `OP_m <keys> OP_n OP_CHECKMULTISIG` by hand, independently of ``MultisigScript/script``.
enum MultisigScriptTestSupport {
    static func multi(_ m: Int, _ keys: [PublicKey]) -> [UInt8] {
        var s: [UInt8] = [UInt8(0x50 + m)]
        for k in keys { s += [0x21] + k.compressed }
        return s + [UInt8(0x50 + keys.count), 0xae]
    }
}
