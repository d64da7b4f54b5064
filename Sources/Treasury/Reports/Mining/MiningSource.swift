import GRDB
import Ledger

/// Reads the mining report's inputs: daily mining income and pool fees per site (from the ledger), power bills
/// (from `power_bill`), and site figures.
struct MiningSource {
    struct Day {
        var component: String
        var date: LedgerDate
        var figures: MiningFigures
    }

    /// A power bill in functional minor units, to be spread over its inclusive period.
    struct Bill {
        var component: String
        var start: LedgerDate
        var end: LedgerDate
        var wh: Int64
        var cost: Int64
        var marginal: Int64?

        /// Each day's share of energy and cost within `from...to`: day k of n carries
        /// `round(total*k/n) - round(total*(k-1)/n)`, so the shares of all n days sum to the bill exactly.
        func spread(from lo: LedgerDate, to hi: LedgerDate) -> [(LedgerDate, MiningFigures)] {
            let n = end.dayNumber - start.dayNumber + 1
            var result: [(LedgerDate, MiningFigures)] = []
            var date = start
            for k in 1...n {
                if date >= lo && date <= hi {
                    var f = MiningFigures()
                    f.energyWh = ReportMath.cumulativeShare(wh, days: k, of: n) - ReportMath.cumulativeShare(wh, days: k - 1, of: n)
                    f.cost = ReportMath.cumulativeShare(cost, days: k, of: n) - ReportMath.cumulativeShare(cost, days: k - 1, of: n)
                    f.marginalCost = marginal.map {
                        ReportMath.cumulativeShare($0, days: k, of: n) - ReportMath.cumulativeShare($0, days: k - 1, of: n)
                    }
                    result.append((date, f))
                }
                guard let next = date.adding(days: 1) else { break }
                date = next
            }
            return result
        }
    }

    /// Mining income accounts by id -> site component; electricity accounts likewise.
    let mining: [Int64: String]
    let electricity: [Int64: String]
    let specs: [String: [SiteSpec]]
    let names: [String: String]
    let firstDate: LedgerDate?
    let lastDate: LedgerDate?

    init(_ db: Database, site: String?) throws {
        var names: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, account_component FROM site") { names[row[1]] = row[0] }
        let wanted = site.map { s in names.first { $0.value == s }?.key ?? Identifiers.accountComponent(s) }
        func accounts(_ prefix: String) throws -> [Int64: String] {
            var result: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM account WHERE name GLOB ?", arguments: [prefix + "*"]) {
                let name: String = row[1]
                let component = String(name.dropFirst(prefix.count))
                if component.contains(":") { continue }
                if let wanted, component != wanted { continue }
                result[row[0]] = component
            }
            return result
        }
        mining = try accounts("Income:Mining:")
        electricity = try accounts("Expenses:Electricity:")
        if let site, let wanted, !mining.values.contains(wanted), !electricity.values.contains(wanted) {
            throw ReportError.unknownSite(site)
        }
        specs = try SiteSpecs.all(db)
        self.names = names
        let ids = SQLList.ids(Array(mining.keys) + Array(electricity.keys))
        let range = ids.isEmpty ? nil : try Row.fetchOne(db, sql: """
            SELECT min(date), max(date) FROM account_day WHERE account_id IN (\(ids))
            """)
        var first: LedgerDate? = try (range?[0] as String?).map(LedgerDate.init)
        var last: LedgerDate? = try (range?[1] as String?).map(LedgerDate.init)
        if let row = try Row.fetchOne(db, sql: "SELECT min(period_start), max(period_end) FROM power_bill"),
           let s: String = row[0], let e: String = row[1] {
            let (s, e) = (try LedgerDate(s), try LedgerDate(e))
            first = first.map { min($0, s) } ?? s
            last = last.map { max($0, e) } ?? e
        }
        firstDate = first
        lastDate = last
    }

    func siteName(_ component: String) -> String { names[component] ?? component }

    /// Daily mining income from the per-account daily totals, and pool fees from their per-day aggregate
    /// (ReportSchema).
    func days(_ db: Database, from lo: LedgerDate, to hi: LedgerDate) throws -> [Day] {
        var result: [Day] = []
        if !mining.isEmpty {
            for row in try Row.fetchAll(db, sql: """
                SELECT account_id, date, amount, value FROM account_day
                WHERE account_id IN (\(SQLList.ids(Array(mining.keys)))) AND commodity = 'BTC' AND date BETWEEN ? AND ?
                """, arguments: [lo.description, hi.description]) {
                var f = MiningFigures()
                f.minedSats = -(row[2] as Int64)
                f.revenue = -(row[3] as Int64)
                result.append(Day(component: mining[row[0]] ?? "", date: try LedgerDate(row[1] as String), figures: f))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT account_id, date, amount, value FROM report_pool_fee_day
                WHERE account_id IN (\(SQLList.ids(Array(mining.keys)))) AND date BETWEEN ? AND ?
                """, arguments: [lo.description, hi.description]) {
                var f = MiningFigures()
                f.poolFeeSats = row[2]
                f.poolFeeValue = row[3]
                result.append(Day(component: mining[row[0]] ?? "", date: try LedgerDate(row[1] as String), figures: f))
            }
        }
        return result
    }

    /// Bills overlapping `from...to` whose transaction was not reversed, valued as booked (functional currency);
    /// the marginal part takes the same share of the value as of the amount.
    func bills(_ db: Database, from lo: LedgerDate, to hi: LedgerDate) throws -> [Bill] {
        guard !electricity.isEmpty else { return [] }
        var result: [Bill] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT p.account_id, b.period_start, b.period_end, b.wh, b.amount, b.marginal_amount, p.value
            FROM power_bill b JOIN posting p ON p.txn_id = b.txn_id
            WHERE p.account_id IN (\(SQLList.ids(Array(electricity.keys))))
              AND b.period_end >= ? AND b.period_start <= ?
              AND NOT EXISTS (SELECT 1 FROM txn r WHERE r.reverses = b.txn_id)
            """, arguments: [lo.description, hi.description]) {
            let amount: Int64 = row[4]
            let value: Int64 = row[6]
            let marginal: Int64? = row[5]
            result.append(Bill(component: electricity[row[0]] ?? "", start: try LedgerDate(row[1] as String),
                               end: try LedgerDate(row[2] as String), wh: row[3], cost: value,
                               marginal: marginal.flatMap { ReportMath.ratio(value, times: $0, over: amount) }))
        }
        return result
    }
}
