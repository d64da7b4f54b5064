import Foundation
import GRDB

/// How a command opens a ledger: `.read` never writes the file (SQLite read-only; a ledger that needs an upgrade is
/// refused); `.write` takes part in locking and first brings the file up to every migration.
public enum LedgerOpenMode: Sendable {
    case read, write
}

/// An upgrade an open applied: the schema went from `from` applied migrations to `to`.
public struct SchemaUpgrade: Sendable, Equatable {
    public let from: Int
    public let to: Int
}

extension LedgerStore {
    /// Opens the existing ledger at `path`, the one way in for every command.
    ///
    /// `migrations` is the book's complete list, oldest first (a program's list: Treasury's `BookSchema.migrations`;
    /// this module alone: ``LedgerSchema/migrations``). Its schema number is how many of them the file has.
    /// - `.read`: SQLite read-only, no lock taken and nothing written; a file checkpointed and not open elsewhere
    ///   (no -wal content, no -shm) is opened `immutable`, so a read-only copy or mount needs no -shm beside it.
    ///   Throws ``LedgerError/needsUpgrade(path:from:to:)`` when a migration is missing.
    /// - `.write`: waits up to `wait` seconds for another writer (then ``LedgerError/busy(path:pid:waitedSeconds:)``),
    ///   applies the missing migrations (telling `willApply(step, of, name)` before each) and records it in ``upgrade``.
    public static func open(at path: String, mode: LedgerOpenMode = .write,
                            migrations: [LedgerMigration] = LedgerSchema.migrations, wait: Double = 30,
                            willApply: (@Sendable (Int, Int, String) -> Void)? = nil) throws -> LedgerStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw LedgerError.notALedger(path: path, reason: "no such file; create one with `reserve init`")
        }
        switch mode {
        case .read:
            let files = Sidecars(path)
            do {
                return try openReading(path, immutable: files.checkpointed && !files.sharedMemory,
                                       migrations: migrations, wait: wait)
            } catch let error as DatabaseError where files.checkpointed && files.sharedMemory && Sidecars.cannotShare(error) {
                // The -shm beside the file cannot be used (a stale one of another user, in a read-only directory),
                // but the main file holds every commit: read it alone.
                return try openReading(path, immutable: true, migrations: migrations, wait: wait)
            } catch let error as DatabaseError {
                throw LedgerError.notALedger(path: path, reason: error.message ?? error.description)
            }
        case .write:
            return try openWriting(path, migrations: migrations, wait: wait, willApply: willApply)
        }
    }

    private static func openReading(_ path: String, immutable: Bool, migrations: [LedgerMigration],
                                    wait: Double) throws -> LedgerStore {
        let queue = try DatabaseQueue(path: immutable ? Sidecars.immutableURI(path) : path,
                                      configuration: configuration(readonly: true, wait: wait))
        let settings: LedgerSettings = try queue.read { db in
            let done = try applied(db, migrations, path: path)
            guard done.count == migrations.count else {
                throw LedgerError.needsUpgrade(path: path, from: done.count, to: migrations.count)
            }
            return try readSettings(db, path: path)
        }
        return LedgerStore(database: queue, settings: settings, path: path, mode: .read, waitSeconds: wait)
    }

    private static func openWriting(_ path: String, migrations: [LedgerMigration], wait: Double,
                                    willApply: (@Sendable (Int, Int, String) -> Void)?) throws -> LedgerStore {
        let queue: DatabaseQueue
        var upgrade: SchemaUpgrade?
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(readonly: false, wait: wait))
            // Wait for the write lock now, before any work, so a busy ledger is reported before an import starts.
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: "ROLLBACK")
            }
            let done = try queue.read { db in try applied(db, migrations, path: path) }
            if done.count < migrations.count {
                let total = migrations.count
                try LedgerSchema.migrator(migrations, willApply: { index, name in willApply?(index + 1, total, name) })
                    .migrate(queue)
                upgrade = SchemaUpgrade(from: done.count, to: total)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw LedgerError.busy(path: path, pid: WriterMark.activePid(path), waitedSeconds: wait)
        } catch let error as DatabaseError where [.SQLITE_READONLY, .SQLITE_PERM].contains(error.resultCode) {
            throw LedgerError.database("\(path): cannot write to this ledger (\(error.message ?? error.description))")
        } catch let error as DatabaseError {
            throw LedgerError.notALedger(path: path, reason: error.message ?? error.description)
        }
        let settings = try mapDatabaseErrors { try queue.read { db in try readSettings(db, path: path) } }
        return LedgerStore(database: queue, settings: settings, path: path, mode: .write, upgrade: upgrade, waitSeconds: wait)
    }

    /// The names of `migrations` the file has; throws `notALedger` when it has not even the ledger's first.
    private static func applied(_ db: Database, _ migrations: [LedgerMigration], path: String) throws -> [String] {
        let names = try LedgerSchema.migrator(migrations).appliedIdentifiers(db)
        guard let first = LedgerSchema.migrations.first, names.contains(first.name) else {
            throw LedgerError.notALedger(path: path, reason: "no ledger tables")
        }
        return migrations.map(\.name).filter(names.contains)
    }
}

/// The -wal and -shm files SQLite keeps beside a WAL-mode ledger.
struct Sidecars {
    /// No -wal file, or an empty one: the main file holds every commit.
    let checkpointed: Bool
    /// A -shm file exists: a connection has (or had, before a crash) the ledger open.
    let sharedMemory: Bool

    init(_ path: String) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.int64Value
        checkpointed = (size ?? 0) == 0
        sharedMemory = FileManager.default.fileExists(atPath: path + "-shm")
    }

    /// Errors of a read-only connection that cannot create or use the -shm file.
    static func cannotShare(_ error: DatabaseError) -> Bool {
        [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_IOERR].contains(error.resultCode)
    }

    /// `file:PATH?immutable=1`: SQLite reads the file with no lock and no -shm, trusting it not to change.
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for c in path {
            switch c {
            case "%": encoded += "%25"
            case "?": encoded += "%3f"
            case "#": encoded += "%23"
            default: encoded.append(c)
            }
        }
        // An absolute path gets an empty authority (`file:///…`), so one starting with `//` is not read as a host.
        return (path.hasPrefix("/") ? "file://" : "file:") + encoded + "?immutable=1"
    }
}
