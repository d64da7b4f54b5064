import Bitcoin
import Foundation
import Ledger
import Testing
@testable import Treasury

@Suite struct ImportPayoutTests {
    @Test func cashPayoutWithFeeBooksGrossIncomeAndTheRoundingResidue() throws {
        let f = try ImportFixture()
        let csv = try f.file("p.csv", payoutsCSV([
            ["2026-03-01T00:12:05Z", "f2pool", "guddu-1", "0.00012345", ImportFixture.hot, txid(1), "0", "0.00000617"],
        ], fee: true))
        let outcome = try f.importer.importPayouts(csv: csv)
        #expect(outcome.errors == [])
        #expect(outcome.counts == BatchCounts(new: 1))
        let batch = try #require(outcome.batch)
        // 12345 sats × 28,500,000.00 PKR = 3,518.325 PKR → 351832 paisa (half to even);
        // 617 sats → 175.845 PKR → 17584; the income leg takes −(351832 + 17584) although 12962 sats alone is 369417.
        let postings = try f.postings(batch: batch)
        #expect(postings.count == 1)
        #expect(postings[0].map(\.0) == ["Assets:Reserve:Hot", "Expenses:PoolFees:F2pool", "Income:Mining:Guddu-1"])
        #expect(postings[0].map(\.2) == [12_345, 617, -12_962])
        #expect(postings[0].map(\.3) == [351_832, 17_584, -369_416])
    }

    /// Ledgers store each payout's content hash and re-imports compare it: it stays the hash of this exact text.
    @Test func contentHashIsOfTheCanonicalText() throws {
        let f = try ImportFixture()
        let csv = try f.file("p.csv", payoutsCSV([
            ["2026-03-01T05:12:05+05:00", "f2pool", "guddu-1", "0.00012345", ImportFixture.hot, txid(1).uppercased(), "7", "0.00000617"],
            ["2026-03-02", "f2pool", "Guddu-2", "1", ImportFixture.cold, txid(2), "0", ""],
        ], fee: true))
        let outcome = try f.importer.importPayouts(csv: csv)
        #expect(outcome.errors == [])
        let stored = try f.store.read { db in try String.fetchAll(db, sql: "SELECT metadata FROM txn WHERE batch = ? ORDER BY id", arguments: [outcome.batch]) }
        let hot = Hex.encode(try Address.parse(ImportFixture.hot).scriptPubKey)
        let cold = Hex.encode(try Address.parse(ImportFixture.cold).scriptPubKey)
        #expect(stored == [
            ImportSession.fingerprint("payout", "paid_at=2026-03-01T00:12:05Z;pool=f2pool;site=guddu-1;amount=12345;fee=617;script=\(hot);txid=\(txid(1));vout=7"),
            ImportSession.fingerprint("payout", "paid_at=2026-03-02;pool=f2pool;site=Guddu-2;amount=100000000;fee=0;script=\(cold);txid=\(txid(2));vout=0"),
        ])
    }

    @Test func rowsInAnyDateOrder() throws {
        let f = try ImportFixture()
        let csv = try f.file("p.csv", payoutsCSV([
            ["2026-03-05", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(1), "0"],
            ["2026-03-02", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(2), "0"],
        ]))
        #expect(try f.importer.importPayouts(csv: csv).counts == BatchCounts(new: 2))
        let opened = try f.store.accounts().first { $0.name == "Income:Mining:Guddu-2" }?.opened
        #expect(opened?.description == "2026-03-02")
        let earlier = try f.importer.importPayouts(csv: try f.file("q.csv", payoutsCSV([
            ["2026-03-01", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(3), "0"],
        ])))
        #expect(earlier.errors.first?.message == "account Assets:Reserve:Hot was opened on 2026-03-02 by an earlier import; this record is dated 2026-03-01, before it")
    }

    /// Accounts checked open for one record are not taken as open for a later record of the same accounts dated
    /// before their open date.
    @Test func recordBeforeAnAccountsOpenDateIsRefusedAfterOneOnOrAfterIt() throws {
        let f = try ImportFixture()
        #expect(try f.importer.importPayouts(csv: try f.file("p.csv", payoutsCSV([
            ["2026-03-04", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(1), "0"],
        ]))).counts == BatchCounts(new: 1))
        let mixed = try f.importer.importPayouts(csv: try f.file("q.csv", payoutsCSV([
            ["2026-03-04", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(2), "0"],
            ["2026-03-06", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(3), "0"],
            ["2026-03-03", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(4), "0"],
        ])))
        #expect(mixed.counts == BatchCounts(new: 2, rejected: 1))
        #expect(mixed.errors.map(\.line) == [4])
        #expect(mixed.errors.first?.message == "account Assets:Reserve:Hot was opened on 2026-03-04 by an earlier import; this record is dated 2026-03-03, before it")
    }

    @Test func accountNeededMidFileOpensOnTheFilesEarliestDate() throws {
        let f = try ImportFixture()
        #expect(try f.importer.importPayouts(csv: try f.file("p.csv", payoutsCSV([
            ["2026-03-02", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(1), "0"],
        ]))).counts == BatchCounts(new: 1))
        // Row 2 is the first to need a new account: it is opened on row 1's date, the earliest of the file.
        let later = try f.importer.importPayouts(csv: try f.file("q.csv", payoutsCSV([
            ["2026-03-03", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(2), "0"],
            ["2026-03-06", "f2pool", "guddu-3", "0.1", ImportFixture.hot, txid(3), "0"],
        ])))
        #expect(later.errors == [])
        #expect(later.counts == BatchCounts(new: 2))
        let opened = try f.store.accounts().first { $0.name == "Income:Mining:Guddu-3" }?.opened
        #expect(opened?.description == "2026-03-03")
    }

    @Test func outputAlreadyRecordedRejectsTheRowAndTheFile() throws {
        let f = try ImportFixture()
        try f.store.write { w in
            try w.db.execute(sql: """
                INSERT INTO reserve_output(txid, vout, wallet, script_pubkey, amount, txn_id) VALUES (?, 0, 'hot', x'00', 1, 1)
                """, arguments: [txid(1)])
        }
        let outcome = try f.importer.importPayouts(csv: try f.file("p.csv", payoutsCSV([
            ["2026-03-02", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(1), "0"],
            ["2026-03-02", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid(2), "0"],
        ])))
        #expect(outcome.errors.map(\.message) == ["output \(txid(1)):0 is already recorded as a reserve output"])
        #expect(outcome.errors.map(\.line) == [2])
        #expect(outcome.counts == BatchCounts(new: 1, rejected: 1))
        #expect(outcome.batch == nil)
        #expect(try f.count("reserve_output") == 1)
    }

    /// Payouts are written 16 at a time (`ImportSession.deferred`): an output refused in the middle of a group is still
    /// reported at its own line, and nothing is written.
    @Test func outputRefusedInsideAWriteGroupIsReportedAtItsLine() throws {
        let f = try ImportFixture()
        try f.store.write { w in
            try w.db.execute(sql: """
                INSERT INTO reserve_output(txid, vout, wallet, script_pubkey, amount, txn_id) VALUES (?, 0, 'hot', x'00', 1, 1)
                """, arguments: [txid(20)])
        }
        let rows = (1...40).map { ["2026-03-02", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid($0), "0"] }
        let outcome = try f.importer.importPayouts(csv: try f.file("p.csv", payoutsCSV(rows)))
        #expect(outcome.errors.map(\.message) == ["output \(txid(20)):0 is already recorded as a reserve output"])
        #expect(outcome.errors.map(\.line) == [21])
        #expect(outcome.counts.new + outcome.counts.rejected == 40)
        #expect(outcome.batch == nil)
        #expect(try f.count("reserve_output") == 1)
        #expect(try f.count("txn") == 0)
    }

    /// A duplicate is found whether its first occurrence still waits in the write group (3 rows before) or was
    /// written with an earlier group (30 rows before).
    @Test func duplicatesAreFoundInsideAndAcrossWriteGroups() throws {
        let f = try ImportFixture()
        var rows = (1...40).map { ["2026-03-02", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid($0), "0"] }
        rows[8] = rows[5]
        rows[38] = rows[7]
        let outcome = try f.importer.importPayouts(csv: try f.file("p.csv", payoutsCSV(rows)))
        #expect(outcome.errors.map(\.line) == [10, 40])
        #expect(outcome.errors.map(\.message) == [
            "duplicate key payout:\(txid(6)):0 inside this file (first on line 7)",
            "duplicate key payout:\(txid(8)):0 inside this file (first on line 9)",
        ])
        #expect(outcome.counts == BatchCounts(new: 38, rejected: 2))
        #expect(try f.count("txn") == 0)
    }

    /// A transaction the database refuses while its group is written is reported at the line of its record, and the
    /// import stops there.
    @Test func transactionRefusedInsideAWriteGroupIsReportedAtItsLine() throws {
        let f = try ImportFixture()
        try f.store.database.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON main.txn WHEN NEW.natural_key = 'payout:\(txid(20)):0'
                BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
                """)
        }
        let rows = (1...40).map { ["2026-03-02", "f2pool", "guddu-2", "0.1", ImportFixture.hot, txid($0), "0"] }
        let outcome = try f.importer.importPayouts(csv: try f.file("p.csv", payoutsCSV(rows)))
        #expect(outcome.errors.map(\.message) == ["the ledger refused this record: refused by the database: refused for the test"])
        #expect(outcome.errors.map(\.line) == [21])
        #expect(outcome.batch == nil)
        #expect(try f.count("txn") == 0)
        #expect(try f.count("reserve_output") == 0)
    }

    @Test func accrualPayoutSettlesTheReceivable() throws {
        let f = try ImportFixture(basis: ["braiins": .accrual])
        let csv = try f.file("p.csv", payoutsCSV([
            ["2026-03-02", "braiins", "guddu-1", "0.5", ImportFixture.cold, txid(2), "1"],
        ]))
        let outcome = try f.importer.importPayouts(csv: csv)
        let postings = try f.postings(batch: try #require(outcome.batch))
        #expect(postings[0].map(\.0) == ["Assets:Reserve:Cold", "Assets:Receivable:Pool:Braiins"])
        #expect(postings[0].map(\.3) == [1_425_000_000, -1_425_000_000])
    }

    @Test func feeOnAnAccrualPoolIsAnError() throws {
        let f = try ImportFixture(basis: ["braiins": .accrual])
        let csv = try f.file("p.csv", payoutsCSV([
            ["2026-03-02", "braiins", "guddu-1", "0.5", ImportFixture.cold, txid(2), "1", "0.001"],
        ], fee: true))
        let outcome = try f.importer.importPayouts(csv: csv)
        #expect(outcome.errors.map(\.description) == [
            "\(csv):2: fee_btc: pool braiins is on accrual basis: its fees are in its earnings, so payouts carry no fee_btc",
        ])
    }

    @Test func reimportBooksNothingAndAConflictIsAnError() throws {
        let f = try ImportFixture()
        let rows = [
            ["2026-03-01T10:00:00+05:00", "f2pool", "guddu-1", "0.1", ImportFixture.hot, txid(3), "0"],
            ["2026-03-02T10:00:00+05:00", "f2pool", "guddu-1", "0.2", ImportFixture.hot, txid(4), "0"],
        ]
        let csv = try f.file("p.csv", payoutsCSV(rows))
        #expect(try f.importer.importPayouts(csv: csv).counts == BatchCounts(new: 2))
        let again = try f.importer.importPayouts(csv: csv)
        #expect(again.counts == BatchCounts(alreadyBooked: 2))
        #expect(again.batch != nil)
        var changed = rows
        changed[1][3] = "0.25"
        changed.append(["2026-03-03", "f2pool", "guddu-1", "0.3", ImportFixture.hot, txid(5), "0"])
        let before = try f.fingerprint()
        let conflict = try f.importer.importPayouts(csv: try f.file("q.csv", payoutsCSV(changed)))
        #expect(conflict.counts == BatchCounts(new: 1, alreadyBooked: 1, conflicting: 1))
        #expect(conflict.batch == nil)
        #expect(conflict.errors.count == 1)
        #expect(conflict.errors.first?.line == 3)
        #expect(conflict.errors.first?.message.hasPrefix("conflict: payout:\(txid(4)):0 is already booked") == true)
        #expect(try f.fingerprint() == before)
    }

    @Test func undoThenReimportOfTheCorrectedFile() throws {
        let f = try ImportFixture()
        let wrong = try f.file("p.csv", payoutsCSV([["2026-03-01", "f2pool", "guddu-1", "0.1", ImportFixture.hot, txid(6), "0"]]))
        let first = try f.importer.importPayouts(csv: wrong)
        let batch = try #require(first.batch)
        let undo = try f.importer.undo(batch: batch, reason: "wrong amount")
        #expect(undo.reversed == 1)
        #expect(try f.count("reserve_output") == 0)
        let fixed = try f.file("p2.csv", payoutsCSV([["2026-03-01", "f2pool", "guddu-1", "0.15", ImportFixture.hot, txid(6), "0"]]))
        let second = try f.importer.importPayouts(csv: fixed)
        #expect(second.counts == BatchCounts(new: 1))
        let balances = try f.store.balances().filter { $0.account == "Assets:Reserve:Hot" }
        #expect(balances.map(\.amount) == [15_000_000])
    }

    @Test func dryRunWritesNothingAndListsRecords() throws {
        let f = try ImportFixture()
        let csv = try f.file("p.csv", payoutsCSV([["2026-03-01", "f2pool", "guddu-1", "0.1", ImportFixture.hot, txid(7), "0"]]))
        let before = try f.fingerprint()
        var seen: [ImportedRecord] = []
        var options = ImportOptions(dryRun: true)
        options.onRecord = { seen.append($0) }
        let outcome = try f.importer.importPayouts(csv: csv, options: options)
        #expect(outcome.counts == BatchCounts(new: 1))
        #expect(outcome.batch == nil)
        #expect(seen.map(\.status) == [.new])
        #expect(seen.first?.key == "payout:\(txid(7)):0")
        #expect(try f.fingerprint() == before)
    }

    @Test func f2poolPayoutsHaveNoVoutAndAreKeyedByPayoutID() throws {
        let f = try ImportFixture()
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/pools/f2pool-transactions.json").path
        let outcome = try f.importer.importPayouts(f2pool: sample, pool: "f2pool", site: "guddu-1")
        #expect(outcome.errors == [])
        #expect(outcome.counts == BatchCounts(new: 1))
        #expect(outcome.notes.count == 1)
        let vout = try f.store.read { db in try Int64?.fetchOne(db, sql: "SELECT vout FROM reserve_output") }
        #expect(vout == .some(nil))
        let postings = try f.postings(batch: try #require(outcome.batch))
        #expect(postings[0].map(\.2) == [2_432_588, -2_432_588])
        // 2,432,588 sats × 28,500,000.00 PKR → 693,287.58 PKR exactly.
        #expect(postings[0].map(\.3) == [69_328_758, -69_328_758])
        #expect(try f.importer.importPayouts(f2pool: sample, pool: "f2pool", site: "guddu-1").counts == BatchCounts(alreadyBooked: 1))
    }
}
