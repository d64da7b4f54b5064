import Foundation
import GRDB

/// A chained record that is not a transaction: a fact another module keeps (a chain snapshot, a setting), written
/// as that module's canonical text. The ledger chains and protects it; the module parses it.
public struct Document: Sendable, Equatable {
    public let id: Int64
    public let date: LedgerDate
    /// Lowercase `[a-z][a-z0-9-]*`, the owning module's name for this kind of fact.
    public let kind: String
    public let naturalKey: String?
    public let batch: Int64?
    public let body: String

    public init(id: Int64, date: LedgerDate, kind: String, naturalKey: String?, batch: Int64?, body: String) {
        (self.id, self.date, self.kind, self.naturalKey, self.batch, self.body) = (id, date, kind, naturalKey, batch, body)
    }
}

extension LedgerWriter {
    /// Appends a document to the chain. Returns its journal id.
    @discardableResult
    public func record(date: LedgerDate, kind: String, naturalKey: String? = nil, batch: Int64? = nil,
                       body: String) throws -> Int64 {
        try writePending()
        return try run {
            let id = head.id + 1
            let bytes = CanonicalForm.document(id: id, date: date.description, kind: kind, naturalKey: naturalKey,
                                               batch: batch, body: body)
            let hash = CanonicalForm.chain(previous: head.hash, record: bytes)
            try db.execute(sql: """
                INSERT INTO document(id, date, kind, natural_key, batch, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, date.description, kind, naturalKey, batch, body, Data(hash)])
            head = (id, hash)
            return id
        }
    }
}

/// Reading documents back (inside a read or a write).
public enum Documents {
    /// Every document of `kind`, in chain order.
    public static func all(_ db: Database, kind: String) throws -> [Document] {
        try Row.fetchAll(db, sql: "SELECT id, date, kind, natural_key, batch, body FROM document WHERE kind = ? ORDER BY id",
                         arguments: [kind]).map(document)
    }

    /// The document `id`, nil when there is none.
    public static func find(_ db: Database, id: Int64) throws -> Document? {
        try Row.fetchOne(db, sql: "SELECT id, date, kind, natural_key, batch, body FROM document WHERE id = ?",
                         arguments: [id]).map(document)
    }

    private static func document(_ row: Row) throws -> Document {
        Document(id: row["id"], date: try LedgerDate(row["date"] as String), kind: row["kind"],
                 naturalKey: row["natural_key"], batch: row["batch"], body: row["body"])
    }
}
