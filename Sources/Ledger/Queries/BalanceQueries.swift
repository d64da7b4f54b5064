import GRDB

/// One line of a balance report: an account's holding of one commodity (and its value) over a period.
public struct BalanceRow: Hashable, Sendable {
    /// The period label (`2026-03`, `FY2025-26 Q3`, `FY2025-26`), nil for a point-in-time balance.
    public let period: String?
    public let account: String
    public let commodity: String
    public let amount: Int64
    /// Functional-currency minor units, as booked (and revalued).
    public let value: Int64
    /// The last day of the period (grouped reports), nil otherwise.
    public var periodEnd: LedgerDate? = nil
}

/// What a balance report covers.
public struct BalanceQuery: Sendable {
    /// An account or a parent of accounts (`Assets:Reserve`); nil for all.
    public var prefix: String?
    public var commodity: String?
    /// First day included (nil: from the beginning).
    public var from: LedgerDate?
    /// Last day included (nil: everything).
    public var to: LedgerDate?
    public var grouping: PeriodGrouping?
    /// Accounts by regular expression and depth (applied with `prefix` when both are set).
    public var accounts: AccountFilter?

    public init(prefix: String? = nil, commodity: String? = nil, from: LedgerDate? = nil, to: LedgerDate? = nil,
                grouping: PeriodGrouping? = nil) {
        self.prefix = prefix
        self.commodity = commodity
        self.from = from
        self.to = to
        self.grouping = grouping
    }
}

/// Balances computed in SQL from the per-account daily totals (never a scan of postings).
enum BalanceQueries {
    static func amount(_ db: Database, account: String, commodity: String, at date: LedgerDate) throws -> Int64 {
        try Int64.fetchOne(db, sql: """
            SELECT coalesce(sum(d.amount), 0) FROM account_day d JOIN account a ON a.id = d.account_id
            WHERE (a.name = ? OR a.name GLOB ?) AND d.commodity = ? AND d.date <= ?
            """, arguments: [account, account + ":*", commodity, date.description]) ?? 0
    }

    static func balances(_ db: Database, _ q: BalanceQuery, fiscalYearStart: Int) throws -> [BalanceRow] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let filter = q.accounts, filter.pattern != nil {
            let ids = try filter.accountIDs(db)
            guard !ids.isEmpty else { return [] }
            conditions.append("a.id IN (\(ids.map(String.init).joined(separator: ",")))")
        }
        if let prefix = q.prefix {
            conditions.append("(a.name = ? OR a.name GLOB ?)")
            arguments += [prefix, prefix + ":*"]
        }
        if let c = q.commodity { conditions.append("d.commodity = ?"); arguments += [c] }
        if let f = q.from { conditions.append("d.date >= ?"); arguments += [f.description] }
        if let t = q.to { conditions.append("d.date <= ?"); arguments += [t.description] }
        let period = q.grouping.map { $0.sqlLabel(column: "d.date", fiscalYearStart: fiscalYearStart) } ?? "NULL"
        let sql = """
            SELECT \(period) AS period, a.name, d.commodity, sum(d.amount), sum(d.value), max(d.date)
            FROM account_day d JOIN account a ON a.id = d.account_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            GROUP BY period, a.name, d.commodity
            HAVING sum(d.amount) <> 0 OR sum(d.value) <> 0
            ORDER BY period, a.name, d.commodity
            """
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments).map { r in
            // A period's last day, from any day in it.
            let end = try q.grouping.map { $0.span(containing: try LedgerDate(r[5]), fiscalYearStart: fiscalYearStart).last }
            return BalanceRow(period: r[0], account: r[1], commodity: r[2], amount: r[3], value: r[4], periodEnd: end ?? nil)
        }
        guard let filter = q.accounts, filter.depth != nil else { return rows }
        return try clipped(rows, filter)
    }
}
