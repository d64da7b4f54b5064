import GRDB
import Ledger

/// Mining economics per site and period: BTC mined and its revenue at each day's price, pool fees, energy and
/// its cost (bills spread evenly over their days), break-even BTC price and tariff, margins (also on marginal
/// cost), and with a site's hashrate and power, efficiency and hashprice.
public struct MiningReport: Sendable {
    public struct Line: Sendable, Equatable {
        public var period: String
        public var site: String
        public var figures: MiningFigures
    }

    public var grouping: PeriodGrouping
    public var from: LedgerDate
    public var to: LedgerDate
    public var lines: [Line]
    public var total: MiningFigures
    public var currency: String
    public var scale: Int
    /// Average BTC price per period (mean of the daily prices in the functional currency), for the charts.
    public var averagePrice: [String: Int64]

    /// Computes the report over `from...to` (default: the ledger's first to last mining or bill day).
    public static func compute(_ store: LedgerStore, by grouping: PeriodGrouping, from: LedgerDate? = nil,
                               to: LedgerDate? = nil, site: String? = nil) throws -> MiningReport {
        let context = try ReportContext(store)
        if let from, let to, from > to { throw ReportError.invalidRange(from: from, to: to) }
        let fy = store.settings.fiscalYearStart
        return try store.read { db in
            let source = try MiningSource(db, site: site)
            guard let lo = from ?? source.firstDate ?? to else { throw ReportError.noMiningData }
            let hi = to ?? source.lastDate ?? lo
            var cells: [String: [String: MiningFigures]] = [:]  // component -> period -> figures
            func label(_ d: LedgerDate) -> String { grouping.label(of: d, fiscalYearStart: fy) }
            for day in try source.days(db, from: lo, to: hi) {
                cells[day.component, default: [:]][label(day.date), default: MiningFigures()].add(day.figures)
            }
            for bill in try source.bills(db, from: lo, to: hi) {
                for (date, share) in bill.spread(from: lo, to: hi) {
                    cells[bill.component, default: [:]][label(date), default: MiningFigures()].add(share)
                }
            }
            // Days and installed capacity: every day of the range, for every site with figures in that period, at
            // the figures in force on each day.
            var days: [String: Int64] = [:]
            var capacity: [String: [String: (ths: Int64, kw: Int64)]] = [:]  // component -> period -> day sums
            var d = lo
            while d <= hi {
                let period = label(d)
                days[period, default: 0] += 1
                for (component, specs) in source.specs {
                    guard let spec = SiteSpecs.inForce(specs, on: d) else { continue }
                    let sum = capacity[component, default: [:]][period, default: (0, 0)]
                    capacity[component, default: [:]][period] = (sum.ths + spec.hashrateTHs, sum.kw + spec.powerKW)
                }
                guard let next = d.adding(days: 1) else { break }
                d = next
            }
            var lines: [Line] = []
            var total = MiningFigures()
            for (component, periods) in cells {
                for (period, var f) in periods {
                    let n = days[period] ?? 0
                    f.days = n
                    if let installed = capacity[component]?[period] {
                        f.thsDays = installed.ths
                        f.kwDays = installed.kw
                    }
                    lines.append(Line(period: period, site: source.siteName(component), figures: f))
                    total.add(f)
                }
            }
            lines.sort { ($0.period, $0.site) < ($1.period, $1.site) }
            let prices = try Row.fetchAll(db, sql: """
                SELECT date, price FROM price WHERE base = 'BTC' AND quote = ? AND date BETWEEN ? AND ?
                """, arguments: [context.currency, lo.description, hi.description])
            var sums: [String: (Int64, Int64)] = [:]
            for row in prices {
                let date = try LedgerDate(row[0] as String)
                let p: Int64 = row[1]
                sums[label(date), default: (0, 0)].0 += p
                sums[label(date), default: (0, 0)].1 += 1
            }
            let average = sums.compactMapValues { ReportMath.ratio($0.0, times: 1, over: $0.1) }
            return MiningReport(grouping: grouping, from: lo, to: hi, lines: lines, total: total,
                                currency: context.currency, scale: context.scale, averagePrice: average)
        }
    }
}
