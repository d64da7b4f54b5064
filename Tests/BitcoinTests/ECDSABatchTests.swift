import Testing
@testable import Bitcoin

/// Batch verification: every row checked, results in input order whatever the number of workers.
@Suite struct ECDSABatchTests {
    static let key = TestKey(seed: 21)

    struct Row: Sendable {
        let digest: [UInt8]
        let signature: [UInt8]
        let expected: Bool
    }

    static let rows: [Row] = (0..<120).map { i in
        let digest = Hashes.sha256(Array("row \(i)".utf8))
        let sig = key.signECDSA(digest: digest)
        // Every third row carries the signature of the previous digest: it must fail, in place.
        let wrong = Hashes.sha256(Array("row \(i - 1)".utf8))
        return i % 3 == 0 ? Row(digest: wrong, signature: sig, expected: false) : Row(digest: digest, signature: sig, expected: true)
    }

    @Test(arguments: [1, 2, 3, 7, 200]) func orderKept(workers: Int) {
        let pk = Self.key.publicKey.compressed
        let results = BatchVerifier.map(Self.rows, workers: workers) { row in
            ECDSA.check(publicKey: pk, digest: row.digest, derSignature: row.signature) == .valid
        }
        #expect(results == Self.rows.map(\.expected))
    }

    @Test func emptyAndSingle() {
        #expect(BatchVerifier.map([Int](), workers: 4) { $0 * 2 } == [])
        #expect(BatchVerifier.map([21], workers: 4) { $0 * 2 } == [42])
        #expect(BatchVerifier.map(Array(0..<1000), workers: 2) { $0 &* 3 } == (0..<1000).map { $0 &* 3 })
    }
}
