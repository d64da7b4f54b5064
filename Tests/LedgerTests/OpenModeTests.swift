import Foundation
import GRDB
import TestSupport
import Testing
@testable import Ledger

/// The one open path: reading writes nothing, an older ledger is upgraded only by a writer, a busy ledger is
/// reported as such, and a failed create leaves no file.
@Suite struct OpenModeTests {
    typealias F = LedgerFixtures

    /// What a read must not change: the file's bytes and modification time, and the directory's entries.
    struct Fingerprint: Equatable {
        let bytes: Data
        let modified: Date?
        let entries: [String]

        init(_ path: String) throws {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        }
    }

    /// A ledger of the Ledger module's migrations with one booking, closed; returns its path.
    static func ledger(in directory: TemporaryDirectory, migrations: [LedgerMigration] = LedgerSchema.migrations) throws -> String {
        let path = directory.path("ledger.sqlite")
        let store = try LedgerStore.create(at: path, settings: LedgerSettings(), commodities: try F.commodities(),
                                           migrations: migrations)
        try store.write { w in
            try w.addPrice(date: F.date("2026-03-01"), base: "BTC", quote: "PKR", price: 2_850_000_000)
            try w.book(TransactionDraft(date: F.date("2026-03-02"), narration: "payout", postings: [
                PostingDraft("Assets:Reserve:Cold", "BTC", 12_345),
                PostingDraft("Income:Mining:Hydro", "BTC", -12_345, value: .balancing)]))
        }
        return path
    }

    /// SQLite's schema cookie, read without leaving a -shm (a plain read-only connection would make one).
    static func schemaCookie(_ path: String) throws -> Int {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: Sidecars.immutableURI(path), configuration: config)
            .read { try Int.fetchOne($0, sql: "PRAGMA schema_version") } ?? -1
    }

    /// A migration added after the ledger was made (an "older version" made it without this one).
    static let later = LedgerMigration("test-later-v1") { db in
        try db.execute(sql: "CREATE TABLE later_note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
    }

    @Test func creatingLeavesOneCheckpointedFile() throws {
        let directory = try TemporaryDirectory("open-create")
        let path = try Self.ledger(in: directory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["ledger.sqlite"])
        // The main file alone is the ledger: opened immutable, it has the booking.
        let store = try LedgerStore.open(at: path, mode: .read)
        #expect(try store.verify().transactions == 1)
    }

    @Test func readingChangesNoByteAndLeavesNoFile() throws {
        let directory = try TemporaryDirectory("open-read")
        let path = try Self.ledger(in: directory)
        let before = try Fingerprint(path)
        let cookie = try Self.schemaCookie(path)
        for _ in 0..<3 {
            let store = try LedgerStore.open(at: path, mode: .read)
            #expect(try store.verify().isValid)
            #expect(try store.accounts().count == 2)
        }
        #expect(try Fingerprint(path) == before)
        #expect(try Self.schemaCookie(path) == cookie)
    }

    /// The cause of "schema_version rises by 2 on every run": GRDB's WAL set-up created and dropped a table whenever
    /// the -wal file was missing. A writer that writes nothing now leaves the schema alone.
    @Test func openingForWritingDoesNotTouchTheSchema() throws {
        let directory = try TemporaryDirectory("open-write")
        let path = try Self.ledger(in: directory)
        let cookie = try Self.schemaCookie(path)
        for _ in 0..<3 { _ = try LedgerStore.open(at: path, mode: .write).settings }
        #expect(try Self.schemaCookie(path) == cookie)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["ledger.sqlite"])
    }

    @Test func anOlderLedgerIsRefusedByReadersAndUpgradedOnceByAWriter() throws {
        let directory = try TemporaryDirectory("open-upgrade")
        let path = try Self.ledger(in: directory)
        let newer = LedgerSchema.migrations + [Self.later]
        let n = LedgerSchema.migrations.count
        let before = try Fingerprint(path)
        #expect(throws: LedgerError.needsUpgrade(path: path, from: n, to: n + 1)) {
            try LedgerStore.open(at: path, mode: .read, migrations: newer)
        }
        #expect(try Fingerprint(path) == before)

        let steps = StepLog()
        let upgraded = try LedgerStore.open(at: path, mode: .write, migrations: newer, willApply: steps.record)
        #expect(upgraded.upgrade == SchemaUpgrade(from: n, to: n + 1))
        #expect(steps.entries == ["\(n + 1)/\(n + 1) test-later-v1"])
        try upgraded.read { db in try db.execute(sql: "SELECT count(*) FROM later_note") }
        #expect(try upgraded.verify().isValid)

        #expect(try LedgerStore.open(at: path, mode: .write, migrations: newer).upgrade == nil)
        #expect(try LedgerStore.open(at: path, mode: .read, migrations: newer).verify().transactions == 1)
    }

    @Test func aSecondWriterGivesUpAfterItsWait() throws {
        let directory = try TemporaryDirectory("open-busy")
        let path = try Self.ledger(in: directory)
        let holder = try LedgerStore.open(at: path, mode: .write)
        try holder.write { _ in
            let start = Date()
            #expect(throws: LedgerError.busy(path: path, pid: nil, waitedSeconds: 0.3)) {
                try LedgerStore.open(at: path, mode: .write, wait: 0.3)
            }
            #expect(Date().timeIntervalSince(start) >= 0.25)
            // The holder's pid is beside the ledger while its transaction is open (this process's own is not reported).
            #expect(FileManager.default.fileExists(atPath: path + ".writer"))
            // A reader is not held up by a writer.
            let reader = try LedgerStore.open(at: path, mode: .read, wait: 0).verify()
            #expect(reader.isValid)
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".writer"))
        #expect(LedgerError.busy(path: "l.sqlite", pid: 42, waitedSeconds: 1).description
                == "l.sqlite: another process is writing this ledger (pid 42); gave up after waiting 1 s")
    }

    @Test func aCreateThatFailsMidwayLeavesNoFile() throws {
        let directory = try TemporaryDirectory("open-create-fails")
        let path = directory.path("ledger.sqlite")
        struct Interrupted: Error {}
        let failing = LedgerSchema.migrations + [LedgerMigration("test-interrupted") { _ in throw Interrupted() }]
        #expect(throws: Interrupted.self) {
            try LedgerStore.create(at: path, settings: LedgerSettings(), commodities: try F.commodities(), migrations: failing)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
        // A temporary file left by a killed create (a pid that no longer runs) is removed by the next one.
        let stale = directory.path(".ledger.sqlite.init-2147483000")
        #expect(FileManager.default.createFile(atPath: stale, contents: Data("half".utf8)))
        _ = try Self.ledger(in: directory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["ledger.sqlite"])
        #expect(throws: LedgerError.ledgerExists(path: path)) {
            try LedgerStore.create(at: path, settings: LedgerSettings(), commodities: try F.commodities())
        }
    }

    @Test func immutableURIEscapesWhatSQLiteWouldRead() {
        #expect(Sidecars.immutableURI("/tmp/a b/l?#%.sqlite") == "file:///tmp/a b/l%3f%23%25.sqlite?immutable=1")
        #expect(Sidecars.immutableURI("rel/l.sqlite") == "file:rel/l.sqlite?immutable=1")
    }
}

/// Records the migration steps an upgrade reports.
final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    var entries: [String] { lock.lock(); defer { lock.unlock() }; return list }
    func record(_ index: Int, _ total: Int, _ name: String) {
        lock.lock(); defer { lock.unlock() }
        list.append("\(index)/\(total) \(name)")
    }
}
