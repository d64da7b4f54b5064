import Foundation
import GRDB
import Ledger
import Testing
@testable import Treasury

@Suite struct ImportSnapshotTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/\(name)").path
    }

    @Test func scantxoutsetAttributesOutputsAndResolvesF2PoolVouts() throws {
        let f = try ImportFixture()
        // The F2Pool sample pays the cold address in 7d5b…7e6d without saying which vout.
        _ = try f.importer.importPayouts(f2pool: ImportSnapshotTests.fixture("pools/f2pool-transactions.json"), pool: "f2pool", site: "guddu-1")
        let asOf = try ISOTimestamp.parse("2026-03-31T23:00:00+05:00")
        let outcome = try f.importer.importSnapshot(ImportSnapshotTests.fixture("imports/scantxoutset.json"), asOf: asOf, height: nil)
        #expect(outcome.errors == [])
        #expect(outcome.counts == BatchCounts(new: 1))
        let rows = try f.store.read { db in
            try Row.fetchAll(db, sql: "SELECT s.height, s.as_of_date, u.wallet, u.amount FROM snapshot s JOIN snapshot_utxo u ON u.snapshot_id = s.id ORDER BY u.amount")
        }
        #expect(rows.map { $0[2] as String? } == ["cold", "hot"])
        #expect(rows.map { $0[3] as Int64 } == [2_432_588, 100_000_000])
        #expect(rows.first?[0] as Int64? == 939_120)
        #expect(rows.first?[1] as String? == "2026-03-31")
        let vout = try f.store.read { db in try Int64.fetchOne(db, sql: "SELECT vout FROM reserve_output") }
        #expect(vout == 1)
        let again = try f.importer.importSnapshot(ImportSnapshotTests.fixture("imports/scantxoutset.json"), asOf: asOf, height: nil)
        #expect(again.counts == BatchCounts(alreadyBooked: 1))
        let undo = try f.importer.undo(batch: try #require(outcome.batch), reason: "test")
        #expect(undo.snapshots == 1)
        #expect(try f.count("snapshot_utxo") == 0)
    }

    @Test func listunspentNeedsAHeight() throws {
        let f = try ImportFixture()
        let asOf = try ISOTimestamp.parse("2026-03-31")
        let missing = try f.importer.importSnapshot(ImportSnapshotTests.fixture("imports/listunspent.json"), asOf: asOf, height: nil)
        #expect(missing.errors.first?.column == "--height")
        let ok = try f.importer.importSnapshot(ImportSnapshotTests.fixture("imports/listunspent.json"), asOf: asOf, height: 939_120)
        #expect(ok.counts == BatchCounts(new: 1))
    }
}
