import GRDB

/// One posting of an account's register, with the running balance of its commodity.
public struct RegisterRow: Hashable, Sendable {
    public let transaction: Int64
    public let date: LedgerDate
    public let narration: String
    /// The account, clipped to the query's depth.
    public let account: String
    public let commodity: String
    public let amount: Int64
    public let value: Int64
    /// Running totals of this commodity's amount and value over the rows so far (and, for a historical
    /// register, everything before its first date).
    public let runningAmount: Int64
    public let runningValue: Int64
    /// The posting's outpoint (`txid:vout`) when it is an on-chain output, else the transaction's natural key
    /// (import key), nil when the transaction has none.
    public var key: String? = nil
}

/// What a register covers: matching accounts, a date span, and whether running totals start from zero at the
/// span's first day (hledger's default) or carry everything before it (`--historical`).
public struct RegisterQuery: Sendable {
    public var accounts: AccountFilter
    public var span: DateSpan?
    public var historical: Bool

    public init(accounts: AccountFilter, span: DateSpan? = nil, historical: Bool = false) {
        self.accounts = accounts
        self.span = span
        self.historical = historical
    }
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

    /// The postings of the matching accounts in date order (then booking order, then line), with running totals
    /// per commodity summed in checked Int64 arithmetic. Empty when no account matches.
    static func register(_ db: Database, _ q: RegisterQuery) throws -> [RegisterRow] {
        let ids = try q.accounts.accountIDs(db)
        guard !ids.isEmpty else { return [] }
        var conditions = ["p.account_id IN (\(ids.map(String.init).joined(separator: ",")))"]
        var arguments: StatementArguments = []
        let first = q.span?.first
        if let last = q.span?.last { conditions.append("t.date <= ?"); arguments += [last.description] }
        if let first, !q.historical { conditions.append("t.date >= ?"); arguments += [first.description] }
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT t.id, t.date, t.narration, t.natural_key, a.name, p.commodity, p.amount, p.value, p.metadata
            FROM posting p JOIN txn t ON t.id = p.txn_id JOIN account a ON a.id = p.account_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY t.date, t.id, p.line
            """, arguments: arguments)
        var totals: [String: (amount: Int64, value: Int64)] = [:]
        var out: [RegisterRow] = []
        while let r = try cursor.next() {
            let commodity: String = r[5], amount: Int64 = r[6], value: Int64 = r[7]
            let before = totals[commodity] ?? (0, 0)
            let now = (try MoneyMath.add(before.amount, amount, "running balance of \(commodity)"),
                       try MoneyMath.add(before.value, value, "running value of \(commodity)"))
            totals[commodity] = now
            let dateText: String = r[1]
            if let first, dateText < first.description { continue }
            out.append(RegisterRow(transaction: r[0], date: try LedgerDate(dateText), narration: r[2],
                                   account: q.accounts.clip(r[4]), commodity: commodity, amount: amount, value: value,
                                   runningAmount: now.0, runningValue: now.1, key: key(naturalKey: r[3], metadata: r[8])))
        }
        return out
    }

    /// `txid:vout` for a posting of an on-chain transaction (`tx:` key, `vout=N` metadata), else the natural key.
    static func key(naturalKey: String?, metadata: String?) -> String? {
        guard let naturalKey else { return nil }
        if naturalKey.hasPrefix("tx:"), let metadata, metadata.hasPrefix("vout="),
           let vout = Int(metadata.dropFirst(5).prefix { $0 != ";" }) {
            return String(naturalKey.dropFirst(3)) + ":\(vout)"
        }
        return naturalKey
    }
}
