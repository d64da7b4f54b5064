import Foundation
import GRDB

extension LedgerStore {
    /// Creates a new ledger file with every migration of `migrations`; refuses when a file exists at `path`.
    ///
    /// Atomic: the ledger is built in `.NAME.init-PID` beside the target, checkpointed and closed (no -wal left),
    /// then linked into place, so a kill at any moment leaves no file at `path` or a complete ledger. A failure
    /// removes the temporary file; one left by a killed `init` is removed by the next.
    public static func create(at path: String, settings: LedgerSettings, commodities: [Commodity],
                              migrations: [LedgerMigration] = LedgerSchema.migrations) throws -> LedgerStore {
        guard !FileManager.default.fileExists(atPath: path) else { throw LedgerError.ledgerExists(path: path) }
        try settings.validate()
        let staging = StagingFile(for: path)
        staging.removeStale()
        do {
            try mapDatabaseErrors {
                let queue = try DatabaseQueue(path: staging.path, configuration: configuration(readonly: false, wait: 0))
                let journal = try queue.writeWithoutTransaction { db in
                    try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
                guard journal == "wal" else { throw LedgerError.database("\(path): SQLite refused WAL mode (\(journal ?? "?"))") }
                try initialise(queue, settings: settings, commodities: commodities, migrations: migrations)
                try queue.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
                try queue.close()
            }
            try staging.install()
        } catch {
            staging.remove()
            throw error
        }
        return try open(at: path, mode: .write, migrations: migrations, wait: 0)
    }
}

/// The temporary file a new ledger (or a backup) is built in: `.NAME.init-PID` (`.NAME.backup-PID`) in the
/// target's directory (same file system, so it can be linked into place).
struct StagingFile {
    let target: String
    let path: String
    private let directory: String
    private let prefix: String

    init(for target: String, purpose: String = "init") {
        self.target = target
        let url = URL(fileURLWithPath: target)
        directory = url.deletingLastPathComponent().path
        prefix = "." + url.lastPathComponent + "." + purpose + "-"
        path = (directory as NSString).appendingPathComponent(prefix + String(getpid()))
    }

    /// Puts the finished file at the target: `link` refuses an existing target (unlike `rename`); where the file
    /// system has no hard links, `rename` after a last check. Then syncs the directory so the new name is durable.
    func install() throws {
        if link(path, target) == 0 {
            unlink(path)
        } else if errno == EEXIST {
            throw LedgerError.ledgerExists(path: target)
        } else {
            guard !FileManager.default.fileExists(atPath: target) else { throw LedgerError.ledgerExists(path: target) }
            guard rename(path, target) == 0 else {
                throw LedgerError.database("\(target): cannot create (\(String(cString: strerror(errno))))")
            }
        }
        let fd = open(directory, O_RDONLY)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    /// Flushes the finished file to the disk before it is linked into place.
    func syncFile() throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw LedgerError.database("\(target): cannot sync the new file (\(reason)); nothing was written")
        }
        close(fd)
    }

    /// Removes the temporary file and any -wal/-shm SQLite left beside it.
    func remove() {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// Removes temporary files of the same target left by an `init` whose process is gone.
    func removeStale() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) else { continue }
            unlink((directory as NSString).appendingPathComponent(name))
        }
    }
}
