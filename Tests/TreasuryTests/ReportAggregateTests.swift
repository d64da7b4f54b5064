import Foundation
import GRDB
import Ledger
import Testing
@testable import Treasury

/// The report aggregates kept while booking: an import's transactions are counted when its batch is recorded, other
/// transactions as they are sealed; either way each exactly once, equal to a recomputation from the postings.
@Suite struct ReportAggregateTests {
    typealias Row3 = [String]

    /// Holder account, day and mined sats, for non-zero days.
    func mined(_ store: LedgerStore) throws -> [Row3] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.name, d.date, d.amount FROM report_mined_day d JOIN account a ON a.id = d.account_id
                WHERE d.amount <> 0 ORDER BY 1, 2
                """).map { [$0[0], $0[1], String($0[2] as Int64)] }
        }
    }

    /// Mining account, day, fee sats and fee value, for non-zero days.
    func fees(_ store: LedgerStore) throws -> [Row3] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.name, d.date, d.amount, d.value FROM report_pool_fee_day d JOIN account a ON a.id = d.account_id
                WHERE d.amount <> 0 OR d.value <> 0 ORDER BY 1, 2
                """).map { [$0[0], $0[1], String($0[2] as Int64), String($0[3] as Int64)] }
        }
    }

    /// The aggregates recomputed from every posting, as the first migration fills them.
    func recomputed(_ store: LedgerStore) throws -> (mined: [Row3], fees: [Row3]) {
        try store.read { db in
            let mined = try Row.fetchAll(db, sql: """
                SELECT a.name, x.date, sum(x.amount) FROM (\(ReportSchema.minedRows(date: "t.date", join: "JOIN txn t ON t.id = p.txn_id", where: "true"))) x
                JOIN account a ON a.id = x.account_id GROUP BY 1, 2 HAVING sum(x.amount) <> 0 ORDER BY 1, 2
                """).map { [$0[0], $0[1], String($0[2] as Int64)] }
            let fees = try Row.fetchAll(db, sql: """
                SELECT a.name, x.date, sum(x.amount), sum(x.value) FROM (\(ReportSchema.feeRows(date: "t.date", join: "JOIN txn t ON t.id = f.txn_id", where: "true"))) x
                JOIN account a ON a.id = x.account_id GROUP BY 1, 2 HAVING sum(x.amount) <> 0 OR sum(x.value) <> 0 ORDER BY 1, 2
                """).map { [$0[0], $0[1], String($0[2] as Int64), String($0[3] as Int64)] }
            return (mined, fees)
        }
    }

    func expectConsistent(_ store: LedgerStore) throws {
        let again = try recomputed(store)
        #expect(try mined(store) == again.mined)
        #expect(try fees(store) == again.fees)
    }

    @Test func importDirectBookingUndoAndLateBatchMemberAreEachCountedOnce() throws {
        let f = try ImportFixture()
        let store = try LedgerStore.open(at: f.path, migrations: BookSchema.migrations)
        let importer = Importer(store: store, wallets: f.wallets)
        let csv = try f.file("p.csv", payoutsCSV([
            ["2026-03-01T00:12:05Z", "f2pool", "guddu-1", "0.00012345", ImportFixture.hot, txid(1), "0", "0.00000617"],
            ["2026-03-01T10:00:00Z", "f2pool", "guddu-1", "0.001", ImportFixture.hot, txid(2), "1", "0.00001"],
            ["2026-03-02T10:00:00Z", "f2pool", "guddu-2", "0.002", ImportFixture.cold, txid(3), "0", "0"],
        ], fee: true))
        let outcome = try importer.importPayouts(csv: csv)
        #expect(outcome.errors == [])
        let batch = try #require(outcome.batch)
        // Fees: 617 sats → 17,584 paisa and 1,000 sats → 28,500 paisa at PKR 28,500,000.00 per BTC.
        #expect(try mined(store) == [["Assets:Reserve:Cold", "2026-03-02", "200000"], ["Assets:Reserve:Hot", "2026-03-01", "112345"]])
        #expect(try fees(store) == [["Income:Mining:Guddu-1", "2026-03-01", "1617", "46084"]])
        try expectConsistent(store)

        // A transaction of no batch is counted as it is sealed.
        try store.book(TransactionDraft(date: LedgerDate(year: 2026, month: 3, day: 1)!, narration: "payout", postings: [
            PostingDraft("Assets:Reserve:Hot", "BTC", 1_000), PostingDraft("Income:Mining:Guddu-1", "BTC", -1_000, value: .balancing),
        ]))
        #expect(try mined(store) == [["Assets:Reserve:Cold", "2026-03-02", "200000"], ["Assets:Reserve:Hot", "2026-03-01", "113345"]])

        // Undo books reversals (no batch): the batch's figures go away, the direct booking stays.
        _ = try importer.undo(batch: batch, reason: "test")
        #expect(try mined(store) == [["Assets:Reserve:Hot", "2026-03-01", "1000"]])
        #expect(try fees(store) == [])
        try expectConsistent(store)

        // A transaction naming a batch already recorded is counted as it is sealed, not lost.
        try store.write { w in
            _ = try w.book(TransactionDraft(date: LedgerDate(year: 2026, month: 3, day: 3)!, narration: "late", postings: [
                PostingDraft("Assets:Reserve:Cold", "BTC", 5_000), PostingDraft("Expenses:PoolFees:F2pool", "BTC", 100),
                PostingDraft("Income:Mining:Guddu-2", "BTC", -5_100, value: .balancing),
            ], batch: batch))
        }
        #expect(try mined(store) == [["Assets:Reserve:Cold", "2026-03-03", "5000"], ["Assets:Reserve:Hot", "2026-03-01", "1000"]])
        #expect(try fees(store) == [["Income:Mining:Guddu-2", "2026-03-03", "100", "2850"]])
        try expectConsistent(store)
    }

    /// A dry run and a rejected file leave the aggregates untouched (their transactions roll back with them).
    @Test func rolledBackImportLeavesNoAggregates() throws {
        let f = try ImportFixture()
        let store = try LedgerStore.open(at: f.path, migrations: BookSchema.migrations)
        let importer = Importer(store: store, wallets: f.wallets)
        let csv = try f.file("p.csv", payoutsCSV([
            ["2026-03-01T10:00:00Z", "f2pool", "guddu-1", "0.001", ImportFixture.hot, txid(1), "0"],
            ["2026-03-01T11:00:00Z", "f2pool", "guddu-1", "0.001", ImportFixture.stranger, txid(2), "0"],
        ]))
        #expect(try importer.importPayouts(csv: csv).errorCount == 1)
        #expect(try importer.importPayouts(csv: csv, options: ImportOptions(dryRun: true)).batch == nil)
        #expect(try mined(store) == [])
        try expectConsistent(store)
    }
}
