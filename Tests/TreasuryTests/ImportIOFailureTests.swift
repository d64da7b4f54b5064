import Foundation
import GRDB
import Ledger
import Testing
@testable import Treasury

/// A ledger that cannot be written (SQLite's `max_page_count` capped on the connection: SQLITE_FULL as on a full
/// disk) and inputs that cannot be read: reported as such, never as bad data at a line; nothing written.
@Suite struct ImportIOFailureTests {
    static func payouts(_ n: Int) -> String {
        payoutsCSV((0..<n).map { i in
            ["2026-03-\(String(format: "%02d", 1 + i % 28))", "f2pool", "guddu-1", "0.001", ImportFixture.hot, txid(i + 1), "0"]
        })
    }

    /// Caps the ledger at its current size plus `extra` pages.
    static func cap(_ f: ImportFixture, extra: Int) throws {
        try f.store.database.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + extra)")
        }
    }

    @Test(arguments: [0, 3, 10, 40, 120])
    func diskFullDuringAnImportIsALedgerFailure(extra: Int) throws {
        let f = try ImportFixture()
        let csv = try f.file("p.csv", ImportIOFailureTests.payouts(4_000))
        let before = try f.fingerprint()
        try ImportIOFailureTests.cap(f, extra: extra)
        do {
            let outcome = try f.importer.importPayouts(csv: csv)
            Issue.record("expected a ledger failure, got \(outcome.counts) \(outcome.errors)")
        } catch let error as LedgerError {
            #expect(error.isStorageFailure)
            #expect(error.storageMessage == "database or disk is full")
        }
        try f.store.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        #expect(try f.fingerprint() == before)
        // The ledger is whole: the same file imports once there is room.
        #expect(try f.importer.importPayouts(csv: csv).counts == BatchCounts(new: 4_000))
    }

    @Test func diskFullInADeferredWriteGroupIsNotALostSavepoint() throws {
        let f = try ImportFixture()
        try ImportIOFailureTests.cap(f, extra: 2)
        #expect {
            try f.store.write { w in
                try w.deferringWrites(upTo: 64) {
                    for i in 0..<5_000 {
                        try w.book(TransactionDraft(date: LedgerDate(year: 2026, month: 3, day: 1)!, narration: "n\(i)", postings: [
                            PostingDraft("Assets:Cash", "PKR", 100), PostingDraft("Income:Other", "PKR", -100),
                        ], naturalKey: "k\(i)"))
                    }
                }
            }
        } throws: { error in
            guard let error = error as? LedgerError else { return false }
            return error.isStorageFailure && error.storageMessage == "database or disk is full"
        }
    }

    /// An interrupted write makes SQLite roll back the whole transaction, as a full disk can: the deferred write
    /// group's savepoint is gone, and the failure itself is reported (not `no such savepoint: pending_writes`).
    @Test func aTransactionSQLiteRolledBackIsReportedAsItsCause() throws {
        let f = try ImportFixture()
        let queue = f.store.database
        try queue.writeWithoutTransaction { db in
            db.add(function: DatabaseFunction("interrupt_now", argumentCount: 0, pure: false) { _ in
                queue.interrupt()
                return nil
            })
            try db.execute(sql: "CREATE TEMP TRIGGER interrupt_at_100 AFTER INSERT ON main.txn WHEN NEW.id = 100 BEGIN SELECT interrupt_now(); END")
        }
        #expect {
            try f.store.write { w in
                try w.deferringWrites(upTo: 64) {
                    for i in 0..<500 {
                        try w.book(TransactionDraft(date: LedgerDate(year: 2026, month: 3, day: 1)!, narration: "n\(i)", postings: [
                            PostingDraft("Assets:Cash", "PKR", 100), PostingDraft("Income:Other", "PKR", -100),
                        ]))
                    }
                }
            }
        } throws: { error in
            guard let error = error as? LedgerError else { return false }
            return error.isStorageFailure && error.storageMessage == "interrupted"
        }
        #expect(try f.count("txn") == 0)
    }

    @Test func directoryAndUnreadableInputsAreReadFailures() throws {
        let f = try ImportFixture()
        let directory = f.temporary.path("folder.csv")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        #expect(throws: ImportReadError(message: "\(directory): cannot read: it is a directory, not a file")) {
            try f.importer.importPayouts(csv: directory)
        }
        #if os(Linux)
        // Reading /proc/self/mem from offset 0 fails with EIO: a read error after a successful open.
        #expect(throws: ImportReadError(message: "/proc/self/mem: read failed: Input/output error")) {
            try f.importer.importPayouts(csv: "/proc/self/mem")
        }
        #endif
        #expect(throws: ImportReadError(message: "\(f.temporary.path("missing.csv")): cannot open: No such file or directory")) {
            try f.importer.importPayouts(csv: f.temporary.path("missing.csv"))
        }
    }
}
