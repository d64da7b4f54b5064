import ArgumentParser
import Ledger
import Treasury

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

    @OptionGroup var output: OutputOptions

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
        // Full records in every format: the table renderer shows the text of each amount, right-aligned with separators.
        let records = try rows.map { try valuation.record($0, grouped: grouping != nil, table: false) }
        valuation.reportStalePrices()
        var columns = BalanceValuation.columns(grouped: grouping != nil, table: false, market: basis.isMarket)
        if output.format == .table {
            columns.removeAll { $0 == "period_end" || $0 == "value_basis" || (!basis.isMarket && $0 == "price_date") }
        }
        // The total of an ungrouped listing: values add up when every row has one (one currency), amounts when every
        // row is in one commodity.
        var total: OutputRecord?
        if grouping == nil, !records.isEmpty {
            let values = records.compactMap { $0.fields.first { $0.0 == "value_minor" }?.1.int }
            let amounts = records.compactMap { $0.fields.first { $0.0 == "amount_minor" }?.1.int }
            let commodities = Set(rows.map(\.commodity))
            let scales = try LedgerAccess.scales(ledger)
            let functional = ledger.settings.functionalCurrency
            var fields: [(String, FieldValue)] = []
            for name in columns {
                switch name {
                case "account": fields.append((name, .string("Total")))
                case "commodity": fields.append((name, commodities.count == 1 ? .string(commodities.first!) : .null))
                case "amount_minor": fields.append((name, commodities.count == 1 ? .int(amounts.reduce(0, +)) : .null))
                case "amount": fields.append((name, commodities.count == 1
                    ? .string(LedgerAccess.format(amounts.reduce(0, +), commodities.first!, scales: scales)) : .null))
                case "value_minor": fields.append((name, values.count == records.count ? .int(values.reduce(0, +)) : .null))
                case "value": fields.append((name, values.count == records.count
                    ? .string(LedgerAccess.format(values.reduce(0, +), functional, scales: scales)) : .null))
                default: fields.append((name, .null))
                }
            }
            total = OutputRecord(fields)
        }
        func text(_ d: LedgerDate?) -> FieldValue { d.map { .string($0.description) } ?? .null }
        CommandDocument(command: "balance",
                        parameters: [("account", account.map(FieldValue.string) ?? .null), ("at", text(atDate)),
                                     ("from", text(query.from)), ("to", text(query.to)), ("by", by.map(FieldValue.string) ?? .null),
                                     ("commodity_filter", commodity.map(FieldValue.string) ?? .null),
                                     ("historical", .bool(historical)),
                                     ("currency", .string(ledger.settings.functionalCurrency)),
                                     ("value_basis", .string(basis.isMarket ? "market" : "book"))],
                        rows: records, total: total, columns: columns)
            .print(output.format, layout: output.layout)
    }
}
