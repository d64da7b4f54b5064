import ArgumentParser
import Ledger
import Treasury

/// `reserve report mining [--by month|quarter|fiscal-year] [--from DATE] [--to DATE] [--site SITE]`
struct ReportMiningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mining",
        abstract: "Mining economics per site and period: BTC mined, revenue, power cost, break-even price and tariff.",
        discussion: """
            Per site and period: BTC mined and its revenue at each day's price, pool
            fees, energy and its cost (bills spread evenly over their days),
            break-even BTC price and tariff, margins; with a site's hashrate and
            power (`reserve site set`), efficiency and hashprice.

            Examples:
              reserve report mining
              reserve report mining --by fiscal-year
              reserve report mining --site Sui --by quarter --format csv
              reserve report mining --from 2026-01-01 --html mining.html
            """)

    @Option(help: "Period: month, quarter or fiscal-year.")
    var by: String = "month"

    @Option(help: "First day (YYYY-MM-DD; default: the first mining or bill day).")
    var from: String?

    @Option(help: "Last day (YYYY-MM-DD; default: the last mining or bill day).")
    var to: String?

    @Option(help: "Only this site.")
    var site: String?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        guard let by = PeriodGrouping(rawValue: by) else {
            throw CommandFailure(.usage, "--by \(by): expected month, quarter or fiscal-year")
        }
        let store = try ReportRunner.open(output.database)
        let from = try ReportRunner.date(from, option: "--from")
        let to = try ReportRunner.date(to, option: "--to")
        try ReportRunner.ordered(from, "--from", to, "--to")
        let report = try ReportRunner.run { try MiningReport.compute(store, by: by, from: from, to: to, site: site) }
        try ReportRunner.print(report.document(), output, extra: [("site", site.map { .text($0) } ?? .null)])
        if let html = output.html {
            let monthly = by == .month ? report
                : try ReportRunner.run { try MiningReport.compute(store, by: .month, from: report.from, to: report.to, site: site) }
            try ReportRunner.writeHTML(try ReportRunner.page(store, asOf: report.to, mining: monthly,
                                                              extra: by == .month ? [] : [report.document()]), to: html)
        }
    }
}
