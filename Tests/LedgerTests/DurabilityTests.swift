import Foundation
import GRDB
import TestSupport
import Testing
@testable import Ledger

/// Commits are durable (WAL with `synchronous = FULL`), and `LedgerStore.backup(to:)` copies the committed state.
@Suite struct DurabilityTests {
    typealias F = LedgerFixtures

    /// SQLite's `synchronous` levels: 1 NORMAL, 2 FULL.
    static func synchronous(_ store: LedgerStore) throws -> Int? {
        try store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
    }

    @Test func writersAndReadersRunWALWithFullSync() throws {
        let directory = try TemporaryDirectory("durability")
        let path = try OpenModeTests.ledger(in: directory)
        let writer = try LedgerStore.open(at: path, mode: .write)
        #expect(try Self.synchronous(writer) == 2)
        #expect(try writer.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        let reader = try LedgerStore.open(at: path, mode: .read)
        #expect(try Self.synchronous(reader) == 2)
    }

    @Test func aBackupCopiesTheCommittedStateOnly() throws {
        let directory = try TemporaryDirectory("durability")
        let path = try OpenModeTests.ledger(in: directory)
        let writer = try LedgerStore.open(at: path, mode: .write)
        let source = try LedgerStore.open(at: path, mode: .read)
        let committed = try source.verify()
        let copy = directory.path("copy.sqlite")
        try writer.write { w in
            try w.book(TransactionDraft(date: F.date("2026-03-03"), narration: "late", postings: [
                PostingDraft("Assets:Reserve:Cold", "BTC", 1),
                PostingDraft("Income:Mining:Hydro", "BTC", -1, value: .balancing)]))
            #expect(try source.backup(to: copy) == copy)
        }
        let report = try LedgerStore.open(at: copy, mode: .read).verify(expectHead: committed.headHash)
        #expect(report.isValid)
        #expect(report.transactions == 1 && report.prices == 1)
        #expect(report.headHash == committed.headHash)
        #expect(try source.verify().transactions == 2)
        // Nothing but the copy was left beside it; a second backup to the same name is refused.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".backup-") }.isEmpty)
        #expect(throws: LedgerError.ledgerExists(path: copy)) { try source.backup(to: copy) }
    }
}
