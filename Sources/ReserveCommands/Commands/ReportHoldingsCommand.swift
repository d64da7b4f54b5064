import ArgumentParser
import Ledger
import Treasury

/// `reserve report holdings [--at DATE] [--since DATE]`
struct ReportHoldingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holdings",
        abstract: "BTC per wallet and account, valued at a date's price; change since a date; origin of the coins.",
        discussion: """
            BTC per wallet and account, valued at the price of the report date in
            the ledger's currency; --since adds each row's change since that date.

            Examples:
              reserve report holdings
              reserve report holdings --at 2026-06-30 --since 2025-07-01
              reserve report holdings --format csv > holdings.csv
            """)

    @Option(help: "Report date (YYYY-MM-DD; default: the last transaction's date).")
    var at: String?

    @Option(help: "Also show the change since this date (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Warn when the price used is older than this many days before --at (default: the ledger's, 3).")
    var maxPriceAge: Int?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let store = try ReportRunner.open(output.database)
        let at = try ReportRunner.date(at, option: "--at") ?? ReportRunner.lastDate(store)
        let since = try ReportRunner.date(since, option: "--since")
        try ReportRunner.ordered(since, "--since", at, "--at")
        let report = try ReportRunner.run { try HoldingsReport.compute(store, at: at, since: since) }
        try ReportRunner.print(report.document(), output, extra: ReportRunner.staleness(store, price: report.price.date, at: at, maxAge: maxPriceAge))
        if let html = output.html {
            let start = LedgerDate(year: at.year - 1, month: at.month, day: 1) ?? at
            let history = try ReportRunner.run { try HoldingsHistory.compute(store, from: start, to: at) }
            try ReportRunner.writeHTML(try ReportRunner.page(store, asOf: at, holdings: report, history: history), to: html)
        }
    }
}
