import ArgumentParser
import Ledger
import Treasury

/// `reserve balance [PREFIX]`: balances by account, commodity and period, with values.
struct BalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Show balances (amount and value) by account, optionally per period.",
        discussion: """
            Amounts in each commodity's units and values in the ledger's currency,
            subaccounts summed into their parent. --by gives one row per account and
            period; quarters and years follow the ledger's fiscal year.

            Examples:
              reserve balance Assets:Reserve --at 2026-06-30
              reserve balance Income --from 2025-07-01 --to 2026-06-30 --by quarter
              reserve balance --commodity BTC --format csv > balances.csv
            """
    )

    @Argument(help: "An account or parent account, e.g. Assets:Reserve (default: all).")
    var prefix: String?

    @Option(help: "Balances at the end of this date (YYYY-MM-DD).")
    var at: String?

    @Option(help: "First date included (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Last date included (YYYY-MM-DD).")
    var to: String?

    @Option(help: "Group by period: month, quarter or fiscal-year (quarters and years follow the fiscal year).")
    var by: String?

    @Option(help: "Only this commodity.")
    var commodity: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        if at != nil && (from != nil || to != nil) {
            throw CommandFailure(.usage, "--at cannot be combined with --from/--to")
        }
        var query = BalanceQuery(prefix: prefix, commodity: commodity)
        if let by {
            guard let grouping = PeriodGrouping(rawValue: by) else {
                throw CommandFailure(.usage, "--by: \"\(by)\" is not month, quarter or fiscal-year")
            }
            query.grouping = grouping
        }
        if let from { query.from = try LedgerAccess.date(from, option: "--from") }
        if let end = to ?? at { query.to = try LedgerAccess.date(end, option: at != nil ? "--at" : "--to") }
        try ReportRunner.ordered(query.from, "--from", query.to, "--to")
        let ledger = try LedgerAccess.open(database, .read)
        let scales = try LedgerAccess.scales(ledger)
        let functional = ledger.settings.functionalCurrency
        let rows = try LedgerAccess.run { try ledger.balances(query) }
        var columns = ["account", "commodity", "amount_minor", "amount", "value_minor", "value"]
        if query.grouping != nil { columns.insert("period", at: 0) }
        let records = rows.map { r in
            var fields: [(String, FieldValue)] = [
                ("account", .string(r.account)), ("commodity", .string(r.commodity)), ("amount_minor", .int(r.amount)),
                ("amount", .string(LedgerAccess.format(r.amount, r.commodity, scales: scales))),
                ("value_minor", .int(r.value)), ("value", .string(LedgerAccess.format(r.value, functional, scales: scales))),
            ]
            if query.grouping != nil { fields.insert(("period", .string(r.period ?? "")), at: 0) }
            return OutputRecord(fields)
        }
        // The total: values always add up (one currency); amounts only when every row is in one commodity.
        let commodities = Set(rows.map(\.commodity))
        let valueSum = rows.reduce(Int64(0)) { $0 + $1.value }
        let amountSum: FieldValue = commodities.count == 1 ? .int(rows.reduce(Int64(0)) { $0 + $1.amount }) : .null
        var total: [(String, FieldValue)] = [
            ("account", .string("Total")), ("commodity", commodities.count == 1 ? .string(commodities.first!) : .null),
            ("amount_minor", amountSum),
            ("amount", amountSum == .null ? .null : .string(LedgerAccess.format(amountSum.int ?? 0, commodities.first!, scales: scales))),
            ("value_minor", .int(valueSum)), ("value", .string(LedgerAccess.format(valueSum, functional, scales: scales))),
        ]
        if query.grouping != nil { total.insert(("period", .string("")), at: 0) }
        if rows.isEmpty { Console.error("note: no balances match" + (prefix.map { " \($0)" } ?? "")) }
        func text(_ d: LedgerDate?) -> FieldValue { d.map { .string($0.description) } ?? .null }
        CommandDocument(command: "balance",
                        parameters: [("account", prefix.map(FieldValue.string) ?? .null), ("at", at == nil ? .null : text(query.to)),
                                     ("from", text(query.from)), ("to", at == nil ? text(query.to) : .null),
                                     ("by", by.map(FieldValue.string) ?? .null),
                                     ("commodity_filter", commodity.map(FieldValue.string) ?? .null),
                                     ("currency", .string(functional)), ("value_basis", .string("book"))],
                        rows: records, total: rows.isEmpty ? nil : OutputRecord(total), columns: columns)
            .print(output.format, layout: output.layout)
    }
}
