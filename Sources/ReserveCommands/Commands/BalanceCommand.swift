import ArgumentParser
import Ledger

/// `reserve balance [ACCOUNT-REGEX]`: balances by account, commodity and period, with book or market values.
struct BalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Show balances (amount and value) by account, optionally per period.",
        discussion: """
            Amounts in each commodity's units and values in the ledger's currency.
            ACCOUNT-REGEX matches anywhere in the account name, ignoring case (as in
            hledger); --depth N sums subaccounts into their parent at N components.
            With -p/--from/--to: what moved in the period. --by gives one row per
            account and period (quarters and years follow the ledger's fiscal year);
            with --historical each row is the balance at the period's end (hledger's
            -H). --value market values each commodity at its latest price on or before
            the date (DATE, else the end of the period or range, else today) and gives
            the price's date; book (the default) is the value as booked and revalued.

            Fields (csv, json): [period, period_end,] account, commodity, amount_minor,
            amount, value_minor, value, value_basis (book or market), price_date.

            Examples:
              reserve balance Assets:Reserve --at 2026-06-30
              reserve balance electricity -p FY2025-26 --by quarter
              reserve balance cold --by month --historical -p FY2025-26
              reserve balance reserve --depth 2 --value market=2026-06-30
              reserve balance --commodity BTC --format csv > balances.csv
            """
    )

    @Argument(help: "Regular expression for account names, e.g. Assets:Reserve or electricity (default: all).")
    var account: String?

    @Option(help: "Balances at the end of this date (YYYY-MM-DD).")
    var at: String?

    @OptionGroup var dates: PeriodOptions

    @Option(help: "Group by period: month, quarter or fiscal-year (quarters and years follow the fiscal year).")
    var by: String?

    @Flag(help: "Balances at the end of each period (everything before included), not what moved in it.")
    var historical = false

    @Option(help: "Show account names down to this many components, subaccounts summed in.")
    var depth: Int?

    @Option(help: "Only this commodity.")
    var commodity: String?

    @Option(help: ArgumentHelp("book (as booked, the default), or market[=DATE] (at the latest price on or before DATE).",
                               valueName: "basis"))
    var value: String = "book"

    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        if at != nil && (dates.from != nil || dates.to != nil || dates.period != nil) {
            throw CommandFailure(.usage, "--at cannot be combined with -p/--period or --from/--to")
        }
        let basis = try ValueBasis(value)
        var query = BalanceQuery(commodity: commodity)
        query.accounts = try QuerySupport.filter(account, depth: depth)
        let grouping = try by.map { by in
            guard let g = PeriodGrouping(rawValue: by) else {
                throw CommandFailure(.usage, "--by: \"\(by)\" is not month, quarter or fiscal-year")
            }
            return g
        }
        let atDate = try at.map { try LedgerAccess.date($0, option: "--at") }
        let ledger = try LedgerAccess.open(database, .read)
        let span = try dates.span(fiscalYearStart: ledger.settings.fiscalYearStart)
        query.from = span?.first
        query.to = atDate ?? span?.last
        if historical && grouping == nil { query.from = nil }
        let rows = try LedgerAccess.run {
            if historical, let grouping { return try ledger.historicalBalances(query, grouping: grouping) }
            query.grouping = grouping
            return try ledger.balances(query)
        }
        if rows.isEmpty { try QuerySupport.explainEmpty(ledger, query.accounts!, span: span, what: "balances") }
        let valuation = try BalanceValuation(ledger: ledger, basis: basis,
                                             defaultDate: query.to ?? LedgerAccess.today(ledger))
        let records = try rows.map { try valuation.record($0, grouped: grouping != nil, table: format == .table) }
        valuation.reportStalePrices()
        let columns = records.first?.fields.map(\.0)
            ?? BalanceValuation.columns(grouped: grouping != nil, table: format == .table, market: basis.isMarket)
        LedgerAccess.print(records, as: format, columns: columns)
    }
}
