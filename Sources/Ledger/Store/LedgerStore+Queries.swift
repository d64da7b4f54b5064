import GRDB

extension LedgerStore {
    /// Balances by account prefix, commodity, date range and period, computed in SQL.
    public func balances(_ query: BalanceQuery = BalanceQuery()) throws -> [BalanceRow] {
        try read { db in try BalanceQueries.balances(db, query, fiscalYearStart: settings.fiscalYearStart) }
    }

    /// The postings of `account` (and its subaccounts) with running balances per commodity.
    public func register(account: String, from: LedgerDate? = nil, to: LedgerDate? = nil) throws -> [RegisterRow] {
        try read { db in try RegisterQueries.register(db, account: account, from: from, to: to) }
    }

    /// The latest price of `base` in `quote` on or before `date` (reports use this, without an age limit).
    public func price(base: String, quote: String, onOrBefore date: LedgerDate) throws -> (date: LedgerDate, price: Int64)? {
        try read { db in try PriceQueries.latest(db, base: base, quote: quote, onOrBefore: date) }
    }

    /// A booked transaction with its postings.
    public func transaction(_ id: Int64) throws -> BookedTransaction {
        try read { db in
            guard let t = try JournalQueries.transaction(db, id: id) else { throw LedgerError.unknownTransaction(id) }
            return t
        }
    }

    /// Commodities and their scales.
    public func commodities() throws -> [Commodity] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, scale FROM commodity ORDER BY code").map { try Commodity($0[0], scale: $0[1]) }
        }
    }

    /// Accounts, by name.
    public func accounts() throws -> [AccountRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, type, open_date, close_date FROM account ORDER BY name").map { r in
                let closeText: String? = r[3]
                guard let type = AccountType(rawValue: r[1]) else { throw LedgerError.database("account \(r[0] as String): bad type") }
                return AccountRecord(name: r[0], type: type, opened: try LedgerDate(r[2]), closed: try closeText.map(LedgerDate.init))
            }
        }
    }

    /// Books one transaction in its own SQLite transaction.
    @discardableResult
    public func book(_ draft: TransactionDraft) throws -> Int64 {
        try write { try $0.book(draft) }
    }

    /// Books many transactions in one SQLite transaction (all or nothing).
    @discardableResult
    public func book(_ drafts: [TransactionDraft]) throws -> [Int64] {
        try write { try $0.book(drafts) }
    }
}

/// An account as listed.
public struct AccountRecord: Hashable, Sendable {
    public let name: String
    public let type: AccountType
    public let opened: LedgerDate
    public let closed: LedgerDate?
}

extension LedgerStore {
    /// The register of the accounts `query` matches (empty when none does).
    public func register(_ query: RegisterQuery) throws -> [RegisterRow] {
        try read { db in try RegisterQueries.register(db, query) }
    }

    /// Balances at the end of each period (hledger's `-H`); see ``BalanceQueries/historical(_:_:grouping:fiscalYearStart:)``.
    public func historicalBalances(_ query: BalanceQuery, grouping: PeriodGrouping) throws -> [BalanceRow] {
        try read { db in try BalanceQueries.historical(db, query, grouping: grouping, fiscalYearStart: settings.fiscalYearStart) }
    }

    /// The first and last dates of the journal (transactions and balance assertions), nil when it is empty:
    /// the span reports cover when no dates are given, as hledger takes its journal's span.
    public func journalSpan() throws -> DateSpan? {
        try read { db in try BalanceQueries.journalSpan(db) }
    }
}
