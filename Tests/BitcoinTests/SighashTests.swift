import Testing
@testable import Bitcoin

/// BIP-143 examples from the BIP text and BIP-341 keyPathSpending wallet vectors.
@Suite struct SighashTests {
    @Test func bip143NativeP2WPKH() throws {
        let tx = try Transaction(hex: TransactionTests.bip143Unsigned)
        let scriptCode = hex("76a9141d0f172a0ecb48aee1be1f2687d2963ae33f71a188ac")
        let digest = try tx.segwitV0SignatureHash(inputIndex: 1, scriptCode: scriptCode, amount: 600_000_000, hashType: .all)
        #expect(Hex.encode(digest) == "c37af31116d1b27caf68aae9e3ac82f1477929014d5b917657d0eb49478cb670")
        // The BIP's signature for that digest verifies under the BIP's key (independent ECDSA check).
        let sig = hex("304402203609e17b84f6a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc44a0220573a954c4518331561406f90300e8f3358f51928d43c212a8caed02de67eebee")
        let key = hex("025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee6357")
        #expect(ECDSA.check(publicKey: key, digest: digest, derSignature: sig) == .valid)
    }

    @Test func bip143P2SHP2WPKH() throws {
        let tx = try Transaction(hex: "0100000001db6b1b20aa0fd7b23880be2ecbd4a98130974cf4748fb66092ac4d3ceb1a54770100000000feffffff02b8b4eb0b000000001976a914a457b684d7f0d539a46a45bbc043f35b59d0d96388ac0008af2f000000001976a914fd270b1ee6abcaea97fea7ad0402e8bd8ad6d77c88ac92040000")
        let digest = try tx.segwitV0SignatureHash(inputIndex: 0, scriptCode: hex("76a91479091972186c449eb1ded22b78e40d009bdf008988ac"),
                                                  amount: 1_000_000_000, hashType: .all)
        #expect(Hex.encode(digest) == "64f3b0f4dd2bb3aa1ce8566d220cc74dda9df97d8490cc81d89d735c92e59fb6")
    }

    /// SIGHASH_SINGLE on an input with no matching output commits to a zero output hash (BIP-143 P2WSH example).
    @Test func bip143SingleWithoutOutput() throws {
        let tx = try Transaction(hex: "0100000002fe3dc9208094f3ffd12645477b3dc56f60ec4fa8e6f5d67c565d1c6b9216b36e0000000000ffffffff0815cf020f013ed6cf91d29f4202e8a58726b1ac6c79da47c23d1bee0a6925f80000000000ffffffff0100f2052a010000001976a914a30741f8145e5acadf23f751864167f32e0963f788ac00000000")
        let script = hex("21026dccc749adc2a9d0d89497ac511f760f45c47dc5ed9cf352a58ac706453880aeadab210255a9626aebf5e29c0e6538428ba0d1dcf6ca98ffdf086aa8ced5e0d0215ea465ac")
        let digest = try tx.segwitV0SignatureHash(inputIndex: 1, scriptCode: script, amount: 4_900_000_000, hashType: .single)
        #expect(Hex.encode(digest) == "82dde6e4f1e94d02c2b7ad03d2115d691f48d064e9d52f58194a6637e4194391")
        #expect(throws: SighashError.inputIndexOutOfRange(2, inputs: 2)) {
            try tx.segwitV0SignatureHash(inputIndex: 2, scriptCode: script, amount: 0, hashType: .all)
        }
    }

    struct KeyPathCase: Sendable, CustomTestStringConvertible {
        let index: Int
        let hashType: UInt8
        let sigHash: String
        let witnessSignature: String
        var testDescription: String { "input \(index) hashType \(hashType)" }
    }

    static func keyPathCases() throws -> (Transaction, [TxOutput], [KeyPathCase]) {
        let root = try #require(try VectorFile.json("bip341_wallet_vectors.json") as? [String: Any])
        let spending = try #require((root["keyPathSpending"] as? [[String: Any]])?.first)
        let given = try #require(spending["given"] as? [String: Any])
        let tx = try Transaction(hex: try #require(given["rawUnsignedTx"] as? String))
        let utxos = try #require(given["utxosSpent"] as? [[String: Any]])
        let prevouts = try utxos.map { u in
            TxOutput(value: Int64(try #require(u["amountSats"] as? Int)),
                     scriptPubKey: hex(try #require(u["scriptPubKey"] as? String)))
        }
        let inputs = try #require(spending["inputSpending"] as? [[String: Any]])
        let cases = try inputs.map { entry in
            let g = try #require(entry["given"] as? [String: Any])
            let i = try #require(entry["intermediary"] as? [String: Any])
            let e = try #require(entry["expected"] as? [String: Any])
            return KeyPathCase(index: try #require(g["txinIndex"] as? Int), hashType: UInt8(try #require(g["hashType"] as? Int)),
                               sigHash: try #require(i["sigHash"] as? String),
                               witnessSignature: try #require((e["witness"] as? [String])?.first))
        }
        return (tx, prevouts, cases)
    }

    @Test func bip341KeyPathSighashes() throws {
        let (tx, prevouts, cases) = try Self.keyPathCases()
        #expect(cases.count == 7)
        for c in cases {
            let digest = try tx.taprootSignatureHash(inputIndex: c.index, prevouts: prevouts,
                                                     hashType: SighashType(rawValue: c.hashType))
            #expect(Hex.encode(digest) == c.sigHash, "\(c.testDescription)")
            // The vector's witness signature verifies under the spent output's key (program bytes 2…33).
            let sig = hex(c.witnessSignature)
            let program = Array(prevouts[c.index].scriptPubKey[2...])
            #expect(Schnorr.check(publicKey: program, message: digest, signature: Array(sig.prefix(64))) == .valid,
                    "\(c.testDescription)")
            #expect(sig.count == (c.hashType == 0 ? 64 : 65))
        }
    }

    @Test func bip341Errors() throws {
        let (tx, prevouts, _) = try Self.keyPathCases()
        #expect(throws: SighashError.prevoutCount(given: 1, inputs: 9)) {
            try tx.taprootSignatureHash(inputIndex: 0, prevouts: [prevouts[0]], hashType: .default)
        }
        #expect(throws: SighashError.undefinedHashType(SighashType(rawValue: 0x04))) {
            try tx.taprootSignatureHash(inputIndex: 0, prevouts: prevouts, hashType: SighashType(rawValue: 0x04))
        }
        #expect(throws: SighashError.singleWithoutOutput(input: 3)) {
            try tx.taprootSignatureHash(inputIndex: 3, prevouts: prevouts, hashType: .single)
        }
    }
}
