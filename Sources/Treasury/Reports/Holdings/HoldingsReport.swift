import GRDB
import Ledger

/// What the reserve holds at a date: each wallet's BTC (`Assets:Reserve:*`) valued at that date's price, the
/// change since an earlier date, and where the coins came from; pool receivables beside them.
public struct HoldingsReport: Sendable {
    /// One BTC account's figures.
    public struct Line: Sendable, Equatable {
        public var account: String
        public var sats: Int64
        public var value: Int64
        public var satsSince: Int64?
        public var valueSince: Int64?
        /// Net BTC from mining: booked in transactions with a mining income or pool receivable leg.
        public var mined: Int64
        /// Everything else, net: transfers between wallets, spends, fees, opening balances.
        public var transferred: Int64
    }

    public var at: LedgerDate
    public var since: LedgerDate?
    public var price: (date: LedgerDate, price: Int64)
    public var priceSince: (date: LedgerDate, price: Int64)?
    public var wallets: [Line]
    public var receivables: [Line]
    public var currency: String
    public var scale: Int
    /// The reserve's BTC from the end of `since` (or the ledger's start) to `at`, step by step.
    public var movement: BTCMovement

    /// Computes the report from per-day aggregates: the ledger's `account_day` (balances) and `report_mined_day`
    /// (origin). Throws `ReportError.noPrice` without a BTC price on or before `at` (or `since`).
    public static func compute(_ store: LedgerStore, at: LedgerDate, since: LedgerDate? = nil) throws -> HoldingsReport {
        let context = try ReportContext(store)
        if let since, since > at { throw ReportError.invalidRange(from: since, to: at) }
        guard let price = try context.btcPrice(onOrBefore: at) else {
            throw ReportError.noPrice(currency: context.currency, date: at)
        }
        let (rows, movement) = try store.read { db in
            (try lines(db, at: at, since: since), try BTCMovement.compute(db, since: since, at: at))
        }
        // A price at `since` is needed only when something was held then (no BTC is worth nothing at any price).
        var priceSince: (date: LedgerDate, price: Int64)?
        if let since {
            priceSince = try context.btcPrice(onOrBefore: since)
            if priceSince == nil && rows.contains(where: { ($0.satsSince ?? 0) != 0 }) {
                throw ReportError.noPrice(currency: context.currency, date: since)
            }
        }
        func valued(_ raw: RawLine) throws -> Line {
            let value = try Valuation.value(amount: raw.sats, price: price.price, amountScale: 8)
            let valueSince = try raw.satsSince.map { s in
                try Valuation.value(amount: s, price: priceSince?.price ?? 0, amountScale: 8)
            }
            return Line(account: raw.account, sats: raw.sats, value: value, satsSince: raw.satsSince,
                        valueSince: valueSince, mined: raw.mined, transferred: raw.sats - raw.mined)
        }
        let all = try rows.map(valued)
        return HoldingsReport(at: at, since: since, price: price, priceSince: priceSince,
                              wallets: all.filter { $0.account.hasPrefix("Assets:Reserve:") },
                              receivables: all.filter { !$0.account.hasPrefix("Assets:Reserve:") },
                              currency: context.currency, scale: context.scale, movement: movement)
    }

    struct RawLine {
        var account: String
        var sats: Int64
        var satsSince: Int64?
        var mined: Int64
    }

    static let btcAccounts = "(a.name GLOB 'Assets:Reserve:*' OR a.name GLOB 'Assets:Receivable:Pool:*')"

    static func lines(_ db: Database, at: LedgerDate, since: LedgerDate?) throws -> [RawLine] {
        var result: [String: RawLine] = [:]
        let balances = try Row.fetchAll(db, sql: """
            SELECT a.name, sum(d.amount), sum(CASE WHEN d.date <= ? THEN d.amount ELSE 0 END)
            FROM account_day d JOIN account a ON a.id = d.account_id
            WHERE \(btcAccounts) AND d.commodity = 'BTC' AND d.date <= ?
            GROUP BY a.name
            """, arguments: [(since ?? at).description, at.description])
        for row in balances {
            let name: String = row[0]
            result[name] = RawLine(account: name, sats: row[1], satsSince: since == nil ? nil : row[2], mined: 0)
        }
        // Coins from mining: the aggregate kept as transactions are sealed (ReportSchema).
        let mined = try Row.fetchAll(db, sql: """
            SELECT a.name, sum(m.amount) FROM report_mined_day m JOIN account a ON a.id = m.account_id
            WHERE m.date <= ? GROUP BY a.name
            """, arguments: [at.description])
        for row in mined {
            let name: String = row[0]
            result[name, default: RawLine(account: name, sats: 0, satsSince: since == nil ? nil : 0, mined: 0)].mined = row[1]
        }
        return result.values.sorted { $0.account < $1.account }
    }

    /// The reserve total: every wallet's BTC and value.
    public var totalSats: Int64 { wallets.reduce(0) { $0 + $1.sats } }
    public var totalValue: Int64 { wallets.reduce(0) { $0 + $1.value } }
}
