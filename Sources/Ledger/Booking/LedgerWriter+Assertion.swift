import Foundation
import GRDB

extension LedgerWriter {
    /// Checks that `account` (with its subaccounts) holds `amount` of `commodity` at the end of `date`,
    /// then records the assertion in the journal. A failed check throws `assertionFailed`, recording nothing.
    @discardableResult
    public func assertBalance(account: String, commodity: String, date: LedgerDate, amount: Int64) throws -> Int64 {
        try run {
            guard let info = accounts[account] else { throw LedgerError.unknownAccount(account) }
            _ = try scale(of: commodity)
            try settleDailyTotals()
            let actual = try BalanceQueries.amount(db, account: account, commodity: commodity, at: date)
            guard actual == amount else {
                throw LedgerError.assertionFailed(account: account, commodity: commodity, date: date,
                                                  expected: amount, actual: actual)
            }
            let id = head.id + 1
            let bytes = CanonicalForm.assertion(id: id, date: date.description, account: account,
                                                commodity: commodity, amount: amount)
            let hash = CanonicalForm.chain(previous: head.hash, record: bytes)
            try db.execute(sql: """
                INSERT INTO balance_assertion(id, date, account_id, commodity, amount, hash) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, date.description, info.id, commodity, amount, Data(hash)])
            head = (id, hash)
            assertions.append((id, account, commodity, date))
            return id
        }
    }

    /// Refuses postings that would change a recorded assertion (same commodity, the asserted account or
    /// under it, dated on or before the assertion).
    func checkAssertions(_ draft: TransactionDraft) throws {
        for a in assertions where draft.date <= a.date {
            var net: Int64 = 0
            for p in draft.postings where p.commodity == a.commodity && AccountName.isUnder(p.account, prefix: a.account) {
                net = net &+ p.amount
            }
            if net != 0 { throw LedgerError.breaksAssertion(id: a.id, account: a.account, commodity: a.commodity, date: a.date) }
        }
    }

    /// Books, for each balance-sheet account holding a non-functional commodity, the value change that
    /// carries it at `date`'s price, against `gainAccount` (default `Income:Revaluation`). The postings
    /// have amount 0 and a value only, so no holding changes; an empty account ends at zero value.
    /// Returns the transaction id, or nil when every account is already at that value.
    @discardableResult
    public func revalue(at date: LedgerDate, gainAccount: String = "Income:Revaluation") throws -> Int64? {
        let functional = settings.functionalCurrency
        let rows = try run {
            try settleDailyTotals()
            return try Row.fetchAll(db, sql: """
                SELECT a.name, d.commodity, sum(d.amount), sum(d.value) FROM account_day d
                JOIN account a ON a.id = d.account_id
                WHERE a.type IN ('asset', 'liability') AND d.commodity <> ? AND d.date <= ?
                GROUP BY a.name, d.commodity ORDER BY a.name, d.commodity
                """, arguments: [functional, date.description])
        }
        var postings: [PostingDraft] = []
        var gains: [String: Int64] = [:]
        for row in rows {
            let account: String = row[0], commodity: String = row[1], amount: Int64 = row[2], current: Int64 = row[3]
            let target = amount == 0 ? 0 : try value(of: amount, commodity, on: date)
            let (delta, o) = target.subtractingReportingOverflow(current)
            if o { throw LedgerError.money(.arithmeticOverflow(operation: "revaluation of \(account)")) }
            guard delta != 0 else { continue }
            postings.append(PostingDraft(account, commodity, 0, value: .explicit(delta), metadata: "revaluation"))
            let (g, o2) = (gains[commodity] ?? 0).subtractingReportingOverflow(delta)
            if o2 { throw LedgerError.money(.arithmeticOverflow(operation: "revaluation total")) }
            gains[commodity] = g
        }
        guard !postings.isEmpty else { return nil }
        for (commodity, g) in gains.sorted(by: { $0.key < $1.key }) where g != 0 {
            postings.append(PostingDraft(gainAccount, commodity, 0, value: .explicit(g), metadata: "revaluation"))
        }
        if postings.count < 2 { return nil }
        return try book(TransactionDraft(date: date, narration: "Revaluation at \(date) prices", postings: postings,
                                         source: "revaluation"))
    }
}
