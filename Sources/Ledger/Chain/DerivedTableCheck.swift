import GRDB

/// The first row where a derived table and what the chain gives for it differ.
public struct DerivedDifference: Sendable, Equatable, CustomStringConvertible {
    public let table: String
    /// The row's key, as `column=value` pairs.
    public let key: String
    /// What the chained records give for the row (`none`: the row should not exist).
    public let expected: String
    /// What the table holds (`none`: the row is missing).
    public let found: String

    public init(table: String, key: String, expected: String, found: String) {
        (self.table, self.key, self.expected, self.found) = (table, key, expected, found)
    }

    public var description: String {
        "table \(table), \(key): expected \(expected), found \(found) (derived data differs from the chained records)"
    }
}

/// A check of one table that is not itself chained: `verify ledger` recomputes it from chained records and reports
/// the first difference. Modules register theirs by passing them to ``LedgerStore/verify(expectHead:derived:)``.
public struct DerivedTableCheck: Sendable {
    public let table: String
    public let run: @Sendable (Database) throws -> DerivedDifference?

    public init(table: String, run: @escaping @Sendable (Database) throws -> DerivedDifference?) {
        self.table = table
        self.run = run
    }

    /// A check by SQL: `expected` recomputes the rows from chained records, `stored` reads the table, both with the
    /// same columns in the same order, the first `keyColumns` of them the row's key. Duplicate rows count (a row
    /// stored twice differs from one expected once): each side is grouped with its multiplicity.
    public static func sql(table: String, keyColumns: Int, expected: String, stored: String) -> DerivedTableCheck {
        DerivedTableCheck(table: table) { db in
            try firstDifference(db, table: table, keyColumns: keyColumns, expected: expected, stored: stored)
        }
    }

    static func firstDifference(_ db: Database, table: String, keyColumns: Int, expected: String,
                                stored: String) throws -> DerivedDifference? {
        let columns = try db.makeStatement(sql: expected).columnNames
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let counted = { (sql: String) in "SELECT \(list), count(*) AS n FROM (\(sql)) GROUP BY \(list)" }
        let keys = columns.prefix(keyColumns).map { "\"\($0)\"" }.joined(separator: ", ")
        let probe = """
            SELECT \(keys) FROM (SELECT * FROM (\(counted(expected))) EXCEPT SELECT * FROM (\(counted(stored))))
            UNION SELECT \(keys) FROM (SELECT * FROM (\(counted(stored))) EXCEPT SELECT * FROM (\(counted(expected))))
            ORDER BY \(keys) LIMIT 1
            """
        guard let key = try Row.fetchOne(db, sql: probe) else { return nil }
        let match = columns.prefix(keyColumns).map { "\"\($0)\" IS ?" }.joined(separator: " AND ")
        let arguments = StatementArguments(key.databaseValues)
        func rows(_ sql: String) throws -> String {
            let found = try Row.fetchAll(db, sql: "SELECT * FROM (\(sql)) WHERE \(match)", arguments: arguments)
            guard !found.isEmpty else { return "none" }
            return found.map { row in
                zip(columns, row.databaseValues).dropFirst(keyColumns).map { "\($0)=\(show($1))" }.joined(separator: " ")
            }.joined(separator: "; ")
        }
        let keyText = zip(columns, key.databaseValues).map { "\($0)=\(show($1))" }.joined(separator: " ")
        return DerivedDifference(table: table, key: keyText, expected: try rows(expected), found: try rows(stored))
    }

    /// A value as text for a message: blobs in hex, NULL as `NULL`.
    static func show(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let v): return String(v)
        case .double(let v): return String(v)
        case .string(let s): return s
        case .blob(let d): return Hex.lower(d)
        }
    }
}
