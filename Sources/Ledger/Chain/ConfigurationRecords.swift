import Foundation
import GRDB

/// The ledger's configuration as chained documents (`ledger-v8-chained-configuration`): every fact a figure depends on
/// that is not a journal record — the settings, each commodity and its scale, each account's type and open and close
/// dates, each import batch — is written to the chain when it is made, so `verify ledger` recomputes the tables from
/// the chain (`ConfigurationChecks`). A change is a new document, never an edit: the latest `setting` document holds
/// all the settings; an account's `account-close` document follows its `account`.
///
/// Bodies are `key=value` fields joined by `;` (values escaped: `\` `;` `=` and LF as `\\` `\;` `\=` `\n`), keys in a
/// fixed order.
public enum ConfigurationRecords {
    public static let settingKind = "setting"
    public static let commodityKind = "commodity"
    public static let accountKind = "account"
    public static let accountCloseKind = "account-close"
    public static let batchKind = "import-batch"

    /// `key=value;…` with each value escaped.
    public static func body(_ fields: [(String, String?)]) -> String {
        fields.map { "\($0.0)=\(escape($0.1))" }.joined(separator: ";")
    }

    /// The fields of a body written by `body` (NULL values come back nil).
    public static func fields(_ body: String) -> [String: String?] {
        var out: [String: String?] = [:]
        var key = "", value = "", inValue = false, escaped = false, isNull = false
        func finish() { if !key.isEmpty || inValue { out[key] = isNull ? nil : value }; key = ""; value = ""; inValue = false; isNull = false }
        for c in body {
            if escaped {
                let decoded: Character = c == "n" ? "\n" : c == "N" ? "\u{0}" : c
                if decoded == "\u{0}" { isNull = true } else if inValue { value.append(decoded) } else { key.append(decoded) }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "=" && !inValue {
                inValue = true
            } else if c == ";" {
                finish()
            } else if inValue {
                value.append(c)
            } else {
                key.append(c)
            }
        }
        finish()
        return out
    }

    static func escape(_ value: String?) -> String {
        guard let value else { return "\\N" }
        var out = ""
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case "=": out += "\\="
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// The settings as stored, one body (keys sorted).
    static func settingsBody(_ db: Database) throws -> String {
        body(try Row.fetchAll(db, sql: "SELECT key, value FROM setting ORDER BY key").map { ($0["key"], $0["value"]) })
    }

    static func commodityBody(code: String, scale: Int) -> String { body([("code", code), ("scale", String(scale))]) }

    static func accountBody(name: String, type: String, open: String, metadata: String?) -> String {
        body([("name", name), ("type", type), ("open", open), ("metadata", metadata)])
    }

    static func closeBody(name: String, close: String) -> String { body([("name", name), ("close", close)]) }

    static func batchBody(_ row: Row) -> String {
        body([("id", String(row["id"] as Int64)), ("kind", row["kind"]), ("file_name", row["file_name"]),
              ("file_sha256", row["file_sha256"]), ("new", String(row["new_count"] as Int64)),
              ("already_booked", String(row["already_booked_count"] as Int64)),
              ("conflicting", String(row["conflicting_count"] as Int64)), ("rejected", String(row["rejected_count"] as Int64)),
              ("imported_at", row["imported_at"])])
    }

    /// Appends a document from outside a `LedgerWriter` (migrations, creation): reads the head, chains, inserts.
    /// Never call it inside a write that has a writer: the writer keeps the head in memory.
    @discardableResult
    public static func append(_ db: Database, date: LedgerDate, kind: String, naturalKey: String? = nil,
                              body: String) throws -> Int64 {
        let head = try LedgerWriter.readHead(db)
        let id = head.id + 1
        let bytes = CanonicalForm.document(id: id, date: date.description, kind: kind, naturalKey: naturalKey, batch: nil, body: body)
        let hash = CanonicalForm.chain(previous: head.hash, record: bytes)
        try db.execute(sql: "INSERT INTO document(id, date, kind, natural_key, batch, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [id, date.description, kind, naturalKey, nil, body, Data(hash)])
        return id
    }

    /// Today's date in UTC, for configuration recorded outside a writer.
    public static var today: LedgerDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return LedgerDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// Chains the settings as they stand now (after a migration added one, say).
    /// No-op while the ledger is being created (its settings are not written yet: creation records them).
    public static func recordSettings(_ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM setting WHERE key = 'functional_currency')") == true else { return }
        try append(db, date: today, kind: settingKind, body: try settingsBody(db))
    }

    /// v8: chains the configuration as it stands (settings, commodities, accounts with their close dates, import
    /// batches): from the upgrade on, the chain vouches for it.
    static func chainExisting(_ db: Database) throws {
        try recordSettings(db)
        for row in try Row.fetchAll(db, sql: "SELECT code, scale FROM commodity ORDER BY code") {
            try append(db, date: today, kind: commodityKind, naturalKey: row["code"], body: commodityBody(code: row["code"], scale: row["scale"]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT name, type, open_date, close_date, metadata FROM account ORDER BY id") {
            let name: String = row["name"]
            try append(db, date: try LedgerDate(row["open_date"] as String), kind: accountKind, naturalKey: name,
                       body: accountBody(name: name, type: row["type"], open: row["open_date"], metadata: row["metadata"]))
            if let close: String = row["close_date"] {
                try append(db, date: try LedgerDate(close), kind: accountCloseKind, naturalKey: name, body: closeBody(name: name, close: close))
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM import_batch ORDER BY id") {
            try append(db, date: today, kind: batchKind, naturalKey: String(row["id"] as Int64), body: batchBody(row))
        }
    }
}
