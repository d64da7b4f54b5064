#if canImport(GRDBSQLite)
internal import GRDBSQLite
#else
internal import SQLite3
#endif
import GRDB

/// A statement prepared once per write and bound through the SQLite C API: the booking and import hot
/// paths, where GRDB's per-call argument conversion would cost more than SQLite's own work.
/// Bind every parameter before each `run`. Errors surface as GRDB `DatabaseError`s with SQLite's
/// extended code and message; the statement is reset either way, ready for the next row.
public final class RawStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    private let sql: String

    public init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else { throw LedgerError.database("the connection is closed") }
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.handle = prepared
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Bound text and blobs, copied here and bound without SQLite's own copy: they stay put until the
    /// statement is rebound, since every use binds all its parameters before stepping.
    private let arena = BindArena()

    public func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    public func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    public func bind(_ index: Int32, _ text: String?) {
        guard var text else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { utf8 in
            _ = sqlite3_bind_text(handle, index, arena.copy(UnsafeRawBufferPointer(utf8)), Int32(utf8.count), RawStatement.static)
        }
    }

    public func bind(_ index: Int32, blob: [UInt8]) {
        blob.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(handle, index, arena.copy(bytes), Int32(bytes.count), RawStatement.static)
        }
    }

    /// Steps the statement to completion and resets it for the next use.
    public func run() throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let extended = sqlite3_extended_errcode(connection)
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(handle)
            arena.rewind()
            throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: sql)
        }
        sqlite3_reset(handle)
        arena.rewind()
    }

    /// Steps a one-column query: its first row's integer, or nil when it returns no row; then resets.
    func int64() throws -> Int64? {
        defer { sqlite3_reset(handle); arena.rewind() }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
                                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
    }

    /// SQLITE_STATIC: SQLite reads bound text and blobs in place (from the arena) instead of copying them.
    private static let `static` = unsafeBitCast(0, to: sqlite3_destructor_type.self)
}

/// Bump-allocated bytes for one statement's bindings. A full block is retired, not freed, so earlier
/// bindings stay valid; retired blocks go when the next execution starts afresh.
private final class BindArena {
    private var block: UnsafeMutableRawPointer
    private var capacity: Int
    private var used = 0
    private var retired: [UnsafeMutableRawPointer] = []

    init() {
        capacity = 1024
        block = .allocate(byteCount: capacity, alignment: 8)
    }

    deinit {
        block.deallocate()
        for r in retired { r.deallocate() }
    }

    /// A stable copy of `bytes` (a valid pointer even when empty, as SQLite reads NULL as SQL NULL).
    func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutableRawPointer {
        if used + bytes.count > capacity {
            retired.append(block)
            capacity = max(capacity * 2, bytes.count)
            block = .allocate(byteCount: capacity, alignment: 8)
            used = 0
        }
        let start = block + used
        if let base = bytes.baseAddress, !bytes.isEmpty { start.copyMemory(from: base, byteCount: bytes.count) }
        used += bytes.count
        return start
    }

    /// Makes the space reusable once the statement has run (its next execution rebinds everything).
    func rewind() {
        used = 0
        guard !retired.isEmpty else { return }
        for r in retired { r.deallocate() }
        retired.removeAll()
    }
}
