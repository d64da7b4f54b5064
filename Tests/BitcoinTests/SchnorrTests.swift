import Testing
@testable import Bitcoin

/// Every row of BIP-340's test-vectors.csv (verification, and signing where a secret key is given).
@Suite struct SchnorrTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let index: String, secretKey: String, publicKey: String, auxRand: String
        let message: String, signature: String, expected: Bool, comment: String
        var testDescription: String { "BIP-340 vector \(index)" }
    }

    static func rows() throws -> [Row] {
        let text = try VectorFile.text("bip340_test_vectors.csv")
        let lines = text.split(separator: "\r\n").dropFirst()
        return lines.map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(index: f[0], secretKey: f[1], publicKey: f[2], auxRand: f[3], message: f[4], signature: f[5],
                       expected: f[6] == "TRUE", comment: f.count > 7 ? f[7] : "")
        }
    }

    @Test func allRowsPresent() throws {
        let rows = try Self.rows()
        #expect(rows.count == 19)
        #expect(rows.filter(\.expected).count == 9)
    }

    @Test(arguments: try rows()) func verify(row: Row) {
        let result = Schnorr.check(publicKey: hex(row.publicKey), message: hex(row.message), signature: hex(row.signature))
        #expect((result == .valid) == row.expected, "\(row.testDescription): \(row.comment) → \(result)")
        if !row.expected {
            #expect(result != .valid)
        }
    }

    @Test(arguments: try rows().filter { !$0.secretKey.isEmpty }) func signingReproducesSignature(row: Row) {
        let key = TestKey(secret: hex(row.secretKey))
        #expect(Hex.encode(key.xOnlyPublicKey.bytes) == row.publicKey.lowercased())
        let sig = key.signSchnorr(message: hex(row.message), auxRand: hex(row.auxRand))
        #expect(Hex.encode(sig) == row.signature.lowercased(), "\(row.testDescription)")
    }

    @Test func vector5KeyNotOnCurveIsMalformed() throws {
        let row = try #require(try Self.rows().first { $0.index == "5" })
        #expect(Schnorr.check(publicKey: hex(row.publicKey), message: hex(row.message), signature: hex(row.signature))
                == .badPublicKey(.notOnCurve))
        #expect(SchnorrCheck.badPublicKey(.notOnCurve).result.status == .malformed)
    }

    @Test func lengthsCheckedBeforeC() {
        let key = TestKey(seed: 3)
        let msg: [UInt8] = [1, 2, 3]
        let sig = key.signSchnorr(message: msg)
        let pk = key.xOnlyPublicKey.bytes
        #expect(Schnorr.check(publicKey: pk, message: msg, signature: sig) == .valid)
        #expect(Schnorr.check(publicKey: pk, message: msg, signature: Array(sig.dropLast())) == .badSignatureLength(63))
        #expect(Schnorr.check(publicKey: pk, message: msg, signature: sig + [0]) == .badSignatureLength(65))
        #expect(Schnorr.check(publicKey: Array(pk.dropLast()), message: msg, signature: sig) == .badPublicKey(.invalidLength(31)))
        #expect(Schnorr.check(publicKey: key.publicKey.compressed, message: msg, signature: sig) == .badPublicKey(.invalidLength(33)))
        #expect(Schnorr.check(publicKey: pk, message: [1, 2, 4], signature: sig) == .mismatch)
        #expect(Schnorr.check(publicKey: pk, message: msg + [0], signature: sig) == .mismatch)
        #expect(Schnorr.check(publicKey: TestKey(seed: 4).xOnlyPublicKey.bytes, message: msg, signature: sig) == .mismatch)
    }

    @Test func emptyAndLongMessages() {
        let key = TestKey(seed: 5)
        for msg in [[UInt8](), [UInt8](repeating: 0xab, count: 1000)] {
            let sig = key.signSchnorr(message: msg)
            #expect(Schnorr.isValidSignature(sig, for: msg, publicKey: key.xOnlyPublicKey))
        }
    }
}
