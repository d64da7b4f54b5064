import CSQLiteTuning
import Foundation
import GRDB

/// A double-entry ledger in one SQLite file: the book of record.
///
/// Create with ``create(at:settings:commodities:extraMigrations:)``, open with ``open(at:extraMigrations:)``;
/// write through ``write(_:)`` (one SQLite transaction), read through ``read(_:)``.
public final class LedgerStore: Sendable {
    /// The GRDB queue: other modules may run their own SQL through it (same file, same transactions).
    public let database: DatabaseQueue
    public let settings: LedgerSettings

    private init(database: DatabaseQueue, settings: LedgerSettings) {
        self.database = database
        self.settings = settings
    }

    /// Process-wide SQLite settings, applied once before the first connection:
    /// - allocation statistics off: they take a global mutex on every allocation (9% of booking's instructions);
    /// - statement journals in memory up to 16 MiB instead of 64 KiB: once one statement's journal (a large
    ///   import's, or a daily-totals fold's) spilled to a file, every later statement of the transaction journalled
    ///   its pages there by system call: a dozen `pwrite` calls per imported row (1M payouts: 18 s of system
    ///   time out of 54 s), 600k at 200,000 bookings.
    /// Both return SQLITE_MISUSE, harmlessly, when SQLite was already initialised by other code.
    private static let processTuning: (Int32, Int32) = (
        reserve_sqlite_disable_memstatus(), reserve_sqlite_set_statement_journal_spill(16 << 20)
    )

    static func configuration() -> Configuration {
        _ = processTuning
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.journalMode = .wal
        // 40 MiB of page cache: a large booking's randomly placed natural keys mostly stay cached instead of
        // being spilled and re-read mid-transaction, and a 1M-row import peaks at 88 MiB (48 MiB: 95 MiB,
        // no faster; issue 6 asks ≤ 100 MB).
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -40960")
        }
        return config
    }

    /// Creates a new ledger file; refuses when a file exists at `path`.
    public static func create(at path: String, settings: LedgerSettings, commodities: [Commodity],
                              extraMigrations: [LedgerMigration] = []) throws -> LedgerStore {
        guard !FileManager.default.fileExists(atPath: path) else { throw LedgerError.ledgerExists(path: path) }
        try settings.validate()
        let queue = try mapDatabaseErrors { try DatabaseQueue(path: path, configuration: configuration()) }
        return try initialise(queue, settings: settings, commodities: commodities, extraMigrations: extraMigrations)
    }

    /// A ledger in memory (tests, dry runs).
    public static func inMemory(settings: LedgerSettings, commodities: [Commodity],
                                extraMigrations: [LedgerMigration] = []) throws -> LedgerStore {
        try settings.validate()
        _ = processTuning
        var config = Configuration()
        config.foreignKeysEnabled = true
        let queue = try mapDatabaseErrors { try DatabaseQueue(configuration: config) }
        return try initialise(queue, settings: settings, commodities: commodities, extraMigrations: extraMigrations)
    }

    private static func initialise(_ queue: DatabaseQueue, settings: LedgerSettings, commodities: [Commodity],
                                   extraMigrations: [LedgerMigration]) throws -> LedgerStore {
        guard commodities.contains(where: { $0.code == settings.functionalCurrency }) else {
            throw LedgerError.invalidSetting(key: "functional_currency", value: settings.functionalCurrency,
                                             reason: "not among the ledger's commodities")
        }
        try mapDatabaseErrors {
            try LedgerSchema.migrator(extra: extraMigrations).migrate(queue)
            try queue.write { db in
                var pairs: [(String, String)] = [
                    ("functional_currency", settings.functionalCurrency), ("time_zone", settings.timeZone),
                    ("fiscal_year_start", String(settings.fiscalYearStart)),
                    ("max_price_age_days", String(settings.maxPriceAgeDays)),
                    ("schema_version", LedgerSchema.schemaVersion),
                ]
                pairs += settings.extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                for (k, v) in pairs { try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?)", arguments: [k, v]) }
                for c in commodities {
                    try db.execute(sql: "INSERT INTO commodity(code, scale) VALUES (?, ?)", arguments: [c.code, c.scale])
                }
            }
        }
        return LedgerStore(database: queue, settings: settings)
    }

    /// Opens an existing ledger, applying any migration not yet applied (its own and `extraMigrations`).
    public static func open(at path: String, extraMigrations: [LedgerMigration] = []) throws -> LedgerStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw LedgerError.notALedger(path: path, reason: "no such file; create one with `reserve init`")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
            let isLedger = try queue.read { try $0.tableExists("setting") && $0.tableExists("txn") }
            guard isLedger else { throw LedgerError.notALedger(path: path, reason: "no ledger tables") }
            try LedgerSchema.migrator(extra: extraMigrations).migrate(queue)
        } catch let error as DatabaseError {
            throw LedgerError.notALedger(path: path, reason: error.message ?? error.description)
        }
        let settings = try mapDatabaseErrors {
            try queue.read { db in try readSettings(db, path: path) }
        }
        return LedgerStore(database: queue, settings: settings)
    }

    private static func readSettings(_ db: Database, path: String) throws -> LedgerSettings {
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
    /// A thrown error rolls the whole transaction back.
    @discardableResult
    public func write<T>(_ body: (LedgerWriter) throws -> T) throws -> T {
        try LedgerStore.mapDatabaseErrors {
            try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
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
