import GRDB

/// The ledger's configuration tables recomputed from their chained documents (`ConfigurationRecords`): `verify`
/// runs these after its own checks, before other modules'.
enum ConfigurationChecks {
    static let all: [DerivedTableCheck] = [settings, commodities, accounts, batches]

    /// The latest document of each natural key of `kind` (or of the kind, when keys are absent), by key.
    static func latest(_ db: Database, kind: String) throws -> [String: [String: String?]] {
        var out: [String: [String: String?]] = [:]
        for d in try Documents.all(db, kind: kind) { out[d.naturalKey ?? ""] = ConfigurationRecords.fields(d.body) }
        return out
    }

    static func show(_ fields: [String: String?]?) -> String {
        guard let fields else { return "none" }
        return fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value ?? "NULL")" }.joined(separator: " ")
    }

    /// Compares the rows of `table` (by key) with the latest documents (by natural key).
    static func compare(table: String, keyName: String, stored: [String: [String: String?]],
                        chained: [String: [String: String?]]) -> DerivedDifference? {
        for key in Set(stored.keys).union(chained.keys).sorted() where stored[key] != chained[key] {
            return DerivedDifference(table: table, key: "\(keyName)=\(key)", expected: show(chained[key]), found: show(stored[key]))
        }
        return nil
    }

    static let settings = DerivedTableCheck(table: "setting") { db in
        let documents = try Documents.all(db, kind: ConfigurationRecords.settingKind)
        var stored: [String: String?] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") { stored[row["key"]] = row["value"] as String }
        guard let last = documents.last else {
            return DerivedDifference(table: "setting", key: "all", expected: "a chained setting document", found: show(stored))
        }
        let chained = ConfigurationRecords.fields(last.body)
        for key in Set(stored.keys).union(chained.keys).sorted() where stored[key] != chained[key] {
            return DerivedDifference(table: "setting", key: "key=\(key)", expected: chained[key].map { $0 ?? "NULL" } ?? "none",
                                     found: stored[key].map { $0 ?? "NULL" } ?? "none")
        }
        return nil
    }

    static let commodities = DerivedTableCheck(table: "commodity") { db in
        var stored: [String: [String: String?]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, scale FROM commodity") {
            stored[row["code"]] = ["code": row["code"] as String, "scale": String(row["scale"] as Int64)]
        }
        return compare(table: "commodity", keyName: "code", stored: stored, chained: try latest(db, kind: ConfigurationRecords.commodityKind))
    }

    static let accounts = DerivedTableCheck(table: "account") { db in
        var stored: [String: [String: String?]] = [:]
        var closes: [String: [String: String?]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, type, open_date, close_date, metadata FROM account") {
            let name: String = row["name"]
            stored[name] = ["name": name, "type": row["type"] as String, "open": row["open_date"] as String,
                            "metadata": row["metadata"] as String?]
            if let close: String = row["close_date"] { closes[name] = ["name": name, "close": close] }
        }
        if let d = compare(table: "account", keyName: "name", stored: stored, chained: try latest(db, kind: ConfigurationRecords.accountKind)) {
            return d
        }
        return compare(table: "account", keyName: "closed", stored: closes, chained: try latest(db, kind: ConfigurationRecords.accountCloseKind))
    }

    static let batches = DerivedTableCheck(table: "import_batch") { db in
        var stored: [String: [String: String?]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM import_batch") {
            stored[String(row["id"] as Int64)] = ConfigurationRecords.fields(ConfigurationRecords.batchBody(row))
        }
        return compare(table: "import_batch", keyName: "id", stored: stored, chained: try latest(db, kind: ConfigurationRecords.batchKind))
    }
}
