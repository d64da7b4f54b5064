import Foundation
import GRDB

/// Which transactions `reserve print` writes: those with a posting to a matching account, in a date span.
public struct PrintQuery: Sendable {
    public var accounts: AccountFilter
    public var span: DateSpan?

    public init(accounts: AccountFilter, span: DateSpan? = nil) {
        self.accounts = accounts
        self.span = span
    }
}

extension JournalExport {
    /// Writes the matching transactions as the export writes them (same lines, whole transactions), in date
    /// order then booking order, as hledger's `print`; returns how many it wrote.
    @discardableResult
    public static func printEntries(_ ledger: LedgerStore, dialect: Dialect, query: PrintQuery, to handle: FileHandle) throws -> Int {
        var sink = Sink(handle: handle)
        let count = try ledger.read { db -> Int in
            let writer = try JournalWriter(db: db, dialect: dialect, functional: ledger.settings.functionalCurrency)
            let ids = try query.accounts.accountIDs(db)
            guard !ids.isEmpty else { return 0 }
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if query.accounts.pattern != nil {
                conditions.append("t.id IN (SELECT txn_id FROM posting WHERE account_id IN (\(ids.map(String.init).joined(separator: ","))))")
            }
            if let first = query.span?.first { conditions.append("t.date >= ?"); arguments += [first.description] }
            if let last = query.span?.last { conditions.append("t.date <= ?"); arguments += [last.description] }
            let txns = try Row.fetchCursor(db, sql: """
                SELECT t.id, t.date, t.narration FROM txn t
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY t.date, t.id
                """, arguments: arguments)
            let postings = try db.makeStatement(sql: """
                SELECT account_id, commodity, amount, value FROM posting WHERE txn_id = ? ORDER BY line
                """)
            var count = 0
            while let t = try txns.next() {
                let id: Int64 = t[0]
                var lines = writer.entryHeader(id: id, date: t[1], narration: t[2])
                for p in try Row.fetchAll(postings, arguments: [id]) {
                    lines += writer.posting(account: writer.names[p[0]] ?? "Unknown:Account", commodity: p[1],
                                           amount: p[2], value: p[3])
                }
                try sink.append((count == 0 ? "" : "\n") + lines)
                count += 1
            }
            return count
        }
        try sink.flush()
        return count
    }
}
