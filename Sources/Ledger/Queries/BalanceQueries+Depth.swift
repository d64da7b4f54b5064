import GRDB

extension BalanceQueries {
    /// Rows with account names clipped to the filter's depth, the amounts of the accounts that merge summed
    /// (checked), zero rows dropped, in period, account, commodity order.
    static func clipped(_ rows: [BalanceRow], _ filter: AccountFilter) throws -> [BalanceRow] {
        struct Key: Hashable { let period: String?; let account: String; let commodity: String }
        var sums: [Key: (Int64, Int64, LedgerDate?)] = [:]
        for r in rows {
            let k = Key(period: r.period, account: filter.clip(r.account), commodity: r.commodity)
            let s = sums[k] ?? (0, 0, r.periodEnd)
            sums[k] = (try MoneyMath.add(s.0, r.amount, "balance of \(k.account)"),
                       try MoneyMath.add(s.1, r.value, "value of \(k.account)"), s.2)
        }
        return sums.filter { $0.value.0 != 0 || $0.value.1 != 0 }
            .map { BalanceRow(period: $0.key.period, account: $0.key.account, commodity: $0.key.commodity,
                              amount: $0.value.0, value: $0.value.1, periodEnd: $0.value.2) }
            .sorted { ($0.period ?? "", $0.periodEnd?.description ?? "", $0.account, $0.commodity)
                < ($1.period ?? "", $1.periodEnd?.description ?? "", $1.account, $1.commodity) }
    }

    /// First and last dates of transactions and balance assertions.
    static func journalSpan(_ db: Database) throws -> DateSpan? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT min(d), max(d) FROM (SELECT date AS d FROM txn UNION ALL SELECT date FROM balance_assertion)
            """), let a: String = row[0], let b: String = row[1] else { return nil }
        return try DateSpan(first: try LedgerDate(a), last: try LedgerDate(b))
    }

    /// End balances of every period from the query's first day (else the journal's first) to its last (else the
    /// journal's last): everything up to each period's end, as hledger's `balance -H` with `-M`/`-Q`/`-Y`. A row
    /// per account, commodity and period from the account's first posting on, for accounts not zero throughout.
    static func historical(_ db: Database, _ q: BalanceQuery, grouping: PeriodGrouping, fiscalYearStart: Int) throws
        -> [BalanceRow] {
        guard let journal = try journalSpan(db) else { return [] }
        let first = q.from ?? journal.first!
        let last = q.to ?? max(journal.last!, first)
        let periods = grouping.spans(from: first, to: last, fiscalYearStart: fiscalYearStart)
        guard let reportFirst = periods.first?.first, let reportLast = periods.last?.last else { return [] }
        // The period of each day, from SQL: days before the report are its opening ('').
        var conditions: [String] = ["d.date <= ?"]
        var arguments: StatementArguments = [reportLast.description]
        if let filter = q.accounts, filter.pattern != nil {
            let ids = try filter.accountIDs(db)
            guard !ids.isEmpty else { return [] }
            conditions.append("a.id IN (\(ids.map(String.init).joined(separator: ",")))")
        }
        if let prefix = q.prefix { conditions.append("(a.name = ? OR a.name GLOB ?)"); arguments += [prefix, prefix + ":*"] }
        if let c = q.commodity { conditions.append("d.commodity = ?"); arguments += [c] }
        let label = grouping.sqlLabel(column: "d.date", fiscalYearStart: fiscalYearStart)
        let rows = try Row.fetchAll(db, sql: """
            SELECT CASE WHEN d.date < ? THEN '' ELSE \(label) END AS period, a.name, d.commodity, sum(d.amount), sum(d.value)
            FROM account_day d JOIN account a ON a.id = d.account_id
            WHERE \(conditions.joined(separator: " AND "))
            GROUP BY period, a.name, d.commodity
            """, arguments: [reportFirst.description] + arguments)
        struct Key: Hashable { let account: String; let commodity: String }
        var flowsByPeriod: [String: [Key: (Int64, Int64)]] = [:]
        for r in rows {
            let k = Key(account: q.accounts?.clip(r[1]) ?? r[1], commodity: r[2])
            let s = flowsByPeriod[r[0] as String, default: [:]][k] ?? (0, 0)
            flowsByPeriod[r[0] as String, default: [:]][k] = (try MoneyMath.add(s.0, r[3]), try MoneyMath.add(s.1, r[4]))
        }
        var running: [Key: (Int64, Int64)] = flowsByPeriod[""] ?? [:]
        var byPeriod: [(DateSpan, String, [Key: (Int64, Int64)])] = []
        for span in periods {
            let name = grouping.label(of: span.first!, fiscalYearStart: fiscalYearStart)
            for (k, f) in flowsByPeriod[name] ?? [:] {
                let s = running[k] ?? (0, 0)
                running[k] = (try MoneyMath.add(s.0, f.0, "balance of \(k.account)"), try MoneyMath.add(s.1, f.1, "value of \(k.account)"))
            }
            byPeriod.append((span, name, running))
        }
        let shown = Set(byPeriod.flatMap { $0.2.filter { $0.value.0 != 0 || $0.value.1 != 0 }.keys })
        var out: [BalanceRow] = []
        for (span, name, balances) in byPeriod {
            for (k, b) in balances.sorted(by: { ($0.key.account, $0.key.commodity) < ($1.key.account, $1.key.commodity) })
            where shown.contains(k) {
                out.append(BalanceRow(period: name, account: k.account, commodity: k.commodity, amount: b.0, value: b.1,
                                      periodEnd: span.last))
            }
        }
        return out
    }
}
