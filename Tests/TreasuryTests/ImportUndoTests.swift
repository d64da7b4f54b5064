import Foundation
import GRDB
import Ledger
import Testing
@testable import Treasury

/// `import undo` of batches larger than one undo page (512): every transaction reversed exactly once, balances back
/// to zero, keys released, the file importable again, the chain valid.
@Suite struct ImportUndoTests {
    /// `n` payouts with fees over 28 days to two wallets, a quarter of them on one day to one address.
    static func rows(_ n: Int, amount: (Int) -> String = { "0.\(String(format: "%08d", 1_000 + $0))" }) -> String {
        payoutsCSV((0..<n).map { i in
            ["2026-03-\(String(format: "%02d", 1 + i % 28))T10:00:00+05:00", "f2pool", "guddu-\(1 + i % 3)", amount(i),
             i % 4 == 0 ? ImportFixture.cold : ImportFixture.hot, txid(100_000 + i), String(i % 3), "0.00000100"]
        }, fee: true)
    }

    @Test func undoOfThousandsOfRowsBooksEachReversalOnceAndReleasesTheKeys() throws {
        let f = try ImportFixture()
        let n = 3_001
        let csv = try f.file("p.csv", ImportUndoTests.rows(n))
        let first = try f.importer.importPayouts(csv: csv)
        #expect(first.counts == BatchCounts(new: n))
        let batch = try #require(first.batch)
        let held = try f.store.balances().filter { $0.account == "Assets:Reserve:Hot" }.map(\.amount)
        // Σ (1000 + i) sats over the 2250 hot rows (i % 4 ≠ 0) of 0..<3001.
        let hotIndexes = (0..<n).filter { $0 % 4 != 0 }
        #expect(held == [Int64(hotIndexes.reduce(0) { $0 + 1_000 + $1 })])

        let undo = try f.importer.undo(batch: batch, reason: "wrong file")
        #expect(undo.reversed == n)
        #expect(try f.count("natural_key") == 0)
        #expect(try f.count("reserve_output") == 0)
        #expect(try f.store.balances().allSatisfy { $0.amount == 0 && $0.value == 0 })
        try f.store.read { db in
            // Each original reversed by exactly one transaction that negates each of its postings, on its date.
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM txn t JOIN txn r ON r.reverses = t.id AND r.date = t.date
                WHERE t.batch = ? AND r.source = 'reversal' AND r.narration = 'Reversal of ' || t.id || ': undo of import batch \(batch): wrong file'
                """, arguments: [batch]) == n)
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM txn t JOIN txn r ON r.reverses = t.id
                JOIN posting p ON p.txn_id = t.id JOIN posting q ON q.txn_id = r.id AND q.line = p.line
                WHERE t.batch = ? AND (q.account_id <> p.account_id OR q.commodity <> p.commodity
                  OR q.amount <> -p.amount OR q.value <> -p.value)
                """, arguments: [batch]) == 0)
            // Newest original first: reversal ids run in the opposite order of the originals'.
            let order = try Int64.fetchAll(db, sql: "SELECT reverses FROM txn WHERE reverses IS NOT NULL ORDER BY id")
            #expect(order == order.sorted(by: >))
        }

        let again = try f.importer.importPayouts(csv: csv)
        #expect(again.counts == BatchCounts(new: n))
        #expect(try f.count("natural_key") == n)
        // A second undo reverses only the re-import; the first batch has nothing live left.
        #expect(try f.importer.undo(batch: try #require(again.batch), reason: "again").reversed == n)
        #expect(try f.importer.undo(batch: batch, reason: "nothing left").reversed == 0)
        #expect(try f.importer.importPayouts(csv: csv).counts == BatchCounts(new: n))
        let report = try f.store.verify()
        #expect(report.isValid, "\(report.failures)")
        #expect(report.transactions == 5 * n)  // three imports, two undos
    }
}
