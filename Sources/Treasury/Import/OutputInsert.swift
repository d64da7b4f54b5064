#if canImport(GRDBSQLite)
internal import GRDBSQLite
#else
internal import SQLite3
#endif
import GRDB

/// The `reserve_output` insert of an import, prepared once and bound through the SQLite C API: GRDB's
/// per-call argument conversion cost more than the insert itself. Failures are GRDB `DatabaseError`s.
final class OutputInsert {
    private static let sql = """
        INSERT INTO reserve_output(txid, vout, wallet, script_pubkey, amount, txn_id, batch) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    /// SQLITE_TRANSIENT: SQLite copies bound text and blobs before the bind call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    init(_ db: Database) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the connection is closed", sql: OutputInsert.sql)
        }
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, OutputInsert.sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                                sql: OutputInsert.sql)
        }
        handle = prepared
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Inserts one output; the statement is reset for the next one whether or not this one succeeded.
    func run(txid: String, vout: UInt32?, wallet: String, script: [UInt8], amount: Int64, txnID: Int64, batch: Int64) throws {
        bind(1, txid)
        if let vout { sqlite3_bind_int64(handle, 2, Int64(vout)) } else { sqlite3_bind_null(handle, 2) }
        bind(3, wallet)
        script.withUnsafeBytes { _ = sqlite3_bind_blob(handle, 4, $0.baseAddress, Int32($0.count), OutputInsert.transient) }
        sqlite3_bind_int64(handle, 5, amount)
        sqlite3_bind_int64(handle, 6, txnID)
        sqlite3_bind_int64(handle, 7, batch)
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
                                message: String(cString: sqlite3_errmsg(connection)), sql: OutputInsert.sql)
        }
    }

    private func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    _ = sqlite3_bind_text(handle, index, base, Int32(chars.count), OutputInsert.transient)
                } else {
                    _ = sqlite3_bind_text(handle, index, "", 0, OutputInsert.transient)
                }
            }
        }
    }
}
