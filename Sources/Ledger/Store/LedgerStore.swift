import CSQLiteTuning
import Foundation
import GRDB

/// A double-entry ledger in one SQLite file: the book of record.
///
/// Create with ``create(at:settings:commodities:migrations:)`` (atomic: built beside the target, then renamed into
/// place); open with ``open(at:mode:migrations:wait:willApply:)``, the one way in, which checks (read) or brings
/// (write) the file up to every migration of `migrations`. Write through ``write(_:)`` (one SQLite transaction),
/// read through ``read(_:)``.
public final class LedgerStore: Sendable {
    /// The GRDB queue: other modules may run their own SQL through it (same file, same transactions).
    public let database: DatabaseQueue
    public let settings: LedgerSettings
    /// The file, or nil for a ledger in memory.
    public let path: String?
    public let mode: LedgerOpenMode
    /// Set when this open upgraded the file (a writing open of a ledger made by an older version).
    public let upgrade: SchemaUpgrade?
    /// How long a write waits for another writer's lock, in seconds.
    let waitSeconds: Double

    init(database: DatabaseQueue, settings: LedgerSettings, path: String?, mode: LedgerOpenMode,
         upgrade: SchemaUpgrade? = nil, waitSeconds: Double = 0) {
        self.database = database
        self.settings = settings
        self.path = path
        self.mode = mode
        self.upgrade = upgrade
        self.waitSeconds = waitSeconds
    }

    /// A writer checkpoints as it closes, so the main file alone holds every commit (readers of a read-only copy
    /// need no -wal); if a reader still holds an old snapshot after a second, the WAL keeps the rest, as SQLite
    /// intends.
    deinit {
        guard mode == .write, path != nil else { return }
        try? database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 1000")
            _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Process-wide SQLite settings, applied once before the first connection:
    /// - allocation statistics off: they take a global mutex on every allocation (9% of booking's instructions);
    /// - statement journals in memory up to 16 MiB instead of 64 KiB: once one statement's journal (a large
    ///   import's, or a daily-totals fold's) spilled to a file, every later statement of the transaction journalled
    ///   its pages there by system call: a dozen `pwrite` calls per imported row (1M payouts: 18 s of system
    ///   time out of 54 s), 600k at 200,000 bookings;
    /// - `file:` URIs accepted (an immutable read-only open).
    /// Each returns SQLITE_MISUSE, harmlessly, when SQLite was already initialised by other code.
    private static let processTuning: (Int32, Int32, Int32) = (
        reserve_sqlite_disable_memstatus(), reserve_sqlite_set_statement_journal_spill(16 << 20),
        reserve_sqlite_enable_uri()
    )

    /// A connection's settings. WAL mode is set once, when the file is created, and persists in the file: GRDB's
    /// own `journalMode = .wal` set-up creates and drops a table whenever the -wal file is missing or empty (that
    /// is, on every run), which wrote to the file on every open, reads included (schema_version +2 each run).
    static func configuration(readonly: Bool, wait: Double) -> Configuration {
        _ = processTuning
        var config = Configuration()
        config.readonly = readonly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(max(0, wait))
        // 40 MiB of page cache: a large booking's randomly placed natural keys mostly stay cached instead of
        // being spilled and re-read mid-transaction, and a 1M-row import peaks at 88 MiB (48 MiB: 95 MiB,
        // no faster; issue 6 asks ≤ 100 MB).
        // synchronous = FULL: with WAL, NORMAL syncs the -wal only at checkpoints, so a power loss can take back
        // imports that had reported success; FULL syncs it at every commit (docs/ledger.md, "Durability").
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -40960")
        }
        return config
    }

    /// A ledger in memory (tests, dry runs).
    public static func inMemory(settings: LedgerSettings, commodities: [Commodity],
                                migrations: [LedgerMigration] = LedgerSchema.migrations) throws -> LedgerStore {
        try settings.validate()
        _ = processTuning
        var config = Configuration()
        config.foreignKeysEnabled = true
        let queue = try mapDatabaseErrors { try DatabaseQueue(configuration: config) }
        try initialise(queue, settings: settings, commodities: commodities, migrations: migrations)
        return LedgerStore(database: queue, settings: settings, path: nil, mode: .write)
    }

    /// Applies `migrations` to a new, empty database and records the settings and commodities.
    static func initialise(_ queue: DatabaseQueue, settings: LedgerSettings, commodities: [Commodity],
                           migrations: [LedgerMigration]) throws {
        guard commodities.contains(where: { $0.code == settings.functionalCurrency }) else {
            throw LedgerError.invalidSetting(key: "functional_currency", value: settings.functionalCurrency,
                                             reason: "not among the ledger's commodities")
        }
        try mapDatabaseErrors {
            try LedgerSchema.migrator(migrations).migrate(queue)
            try queue.write { db in
                var pairs: [(String, String)] = [
                    ("functional_currency", settings.functionalCurrency), ("time_zone", settings.timeZone),
                    ("fiscal_year_start", String(settings.fiscalYearStart)),
                    ("max_price_age_days", String(settings.maxPriceAgeDays)),
                    ("schema_version", LedgerSchema.schemaVersion),
                ]
                pairs += settings.extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                for (k, v) in pairs { try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?)", arguments: [k, v]) }
                try ConfigurationRecords.recordSettings(db)
                for c in commodities {
                    try db.execute(sql: "INSERT INTO commodity(code, scale) VALUES (?, ?)", arguments: [c.code, c.scale])
                    try ConfigurationRecords.append(db, date: ConfigurationRecords.today, kind: ConfigurationRecords.commodityKind,
                                                    naturalKey: c.code, body: ConfigurationRecords.commodityBody(code: c.code, scale: c.scale))
                }
            }
        }
    }

    static func readSettings(_ db: Database, path: String) throws -> LedgerSettings {
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") { values[row["key"]] = row["value"] }
        func required(_ key: String) throws -> String {
            guard let v = values.removeValue(forKey: key) else {
                throw LedgerError.notALedger(path: path, reason: "setting \(key) missing")
            }
            return v
        }
        let currency = try required("functional_currency")
        let zone = try required("time_zone")
        let fyText = try required("fiscal_year_start")
        let ageText = try required("max_price_age_days")
        _ = try required("schema_version")
        guard let fy = Int(fyText), let age = Int(ageText) else {
            throw LedgerError.notALedger(path: path, reason: "malformed numeric setting")
        }
        let settings = LedgerSettings(functionalCurrency: currency, timeZone: zone, fiscalYearStart: fy,
                                      maxPriceAgeDays: age, extra: values)
        try settings.validate()
        return settings
    }

    /// Runs `body` in one immediate SQLite transaction: everything it writes commits together or not at all.
    /// A thrown error rolls the whole transaction back. Waits up to the open's `wait` for another writer, then
    /// throws ``LedgerError/busy(path:pid:waitedSeconds:)``.
    @discardableResult
    public func write<T>(_ body: (LedgerWriter) throws -> T) throws -> T {
        try mapWriteErrors {
            try database.writeWithoutTransaction { db in
                var result: T?
                var mark: WriterMark?
                defer { mark?.remove() }
                try db.inTransaction(.immediate) {
                    mark = path.map(WriterMark.init)
                    let writer = try LedgerWriter(db: db, settings: settings)
                    result = try body(writer)
                    try writer.settleDailyTotals()
                    return .commit
                }
                guard let result else { throw LedgerError.database("transaction produced no result") }
                return result
            }
        }
    }

    /// `mapDatabaseErrors`, with a lock held past the wait reported as another writer (and its pid when known).
    func mapWriteErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && path != nil {
            throw LedgerError.busy(path: path!, pid: WriterMark.activePid(path!), waitedSeconds: waitSeconds)
        } catch let error as DatabaseError {
            throw LedgerError(error)
        }
    }

    /// Runs `body` with a read-only view of the ledger.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try LedgerStore.mapDatabaseErrors { try database.read(body) }
    }

    /// Rethrows GRDB errors as `LedgerError` (triggers and constraints as `.refusedByDatabase`).
    static func mapDatabaseErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw LedgerError(error)
        }
    }
}

extension LedgerError {
    init(_ error: DatabaseError) {
        let message = error.message ?? error.description
        if error.resultCode == .SQLITE_CONSTRAINT {
            self = .refusedByDatabase(message)
        } else {
            self = .database(message)
        }
    }
}
