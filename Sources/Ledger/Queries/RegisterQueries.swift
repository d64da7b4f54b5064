import GRDB

/// One posting of an account's register, with the running balance of its commodity.
public struct RegisterRow: Hashable, Sendable {
    public let transaction: Int64
    public let date: LedgerDate
    public let narration: String
    public let account: String
    public let commodity: String
    public let amount: Int64
    public let value: Int64
    public let runningAmount: Int64
    public let runningValue: Int64
}

enum RegisterQueries {
    static func register(_ db: Database, account: String, from: LedgerDate?, to: LedgerDate?) throws -> [RegisterRow] {
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM account WHERE name = ? OR name GLOB ?",
                                     arguments: [account, account + ":*"])
        guard !ids.isEmpty else { throw LedgerError.unknownAccount(account) }
        var conditions = ["p.account_id IN (\(ids.map(String.init).joined(separator: ",")))"]
        var arguments: StatementArguments = []
        if let to { conditions.append("t.date <= ?"); arguments += [to.description] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.id, t.date, t.narration, a.name, p.commodity, p.amount, p.value,
              sum(p.amount) OVER w, sum(p.value) OVER w
            FROM posting p JOIN txn t ON t.id = p.txn_id JOIN account a ON a.id = p.account_id
            WHERE \(conditions.joined(separator: " AND "))
            WINDOW w AS (PARTITION BY p.commodity ORDER BY t.date, t.id, p.line)
            ORDER BY t.date, t.id, p.line
            """, arguments: arguments)
        return try rows.compactMap { r in
            let date = try LedgerDate(r[1])
            if let from, date < from { return nil }
            return RegisterRow(transaction: r[0], date: date, narration: r[2], account: r[3], commodity: r[4],
                               amount: r[5], value: r[6], runningAmount: r[7], runningValue: r[8])
        }
    }
}
