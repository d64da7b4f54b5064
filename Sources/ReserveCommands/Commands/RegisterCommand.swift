import ArgumentParser
import Ledger

/// `reserve register [ACCOUNT-REGEX]`: postings with running balances, as hledger's `register`.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "List the postings of matching accounts with a running balance per commodity.",
        discussion: """
            One row per posting, in date order: date, description, key (the output's
            txid:vout for on-chain postings, else the import's natural key), account,
            amount, value in the ledger's currency, and the running balance of the
            posting's commodity. ACCOUNT-REGEX matches anywhere in the account name,
            ignoring case (as in hledger). Running balances start at zero on the first
            day of -p/--from, as hledger's do; --historical carries everything before.

            Fields (csv, json): date, description, key, transaction_id, account,
            commodity, amount_minor, amount, value_minor, value, balance_minor, balance,
            balance_value_minor, balance_value (…_minor: integer minor units; the
            others: the same as decimal text).

            Examples:
              reserve register Cold
              reserve register 'reserve:(hot|cold)' -p 2025Q3
              reserve register Electricity -p "FY2025-26 Q1" --depth 2
              reserve register Cold --from 2026-01-01 --historical --format csv
            """
    )

    @Argument(help: "Regular expression for account names (default: every account).")
    var account: String?

    @OptionGroup var dates: PeriodOptions

    @Option(help: "Show account names down to this many components (Assets:Reserve at 2).")
    var depth: Int?

    @Flag(help: "Running balances include everything before the first date shown.")
    var historical = false

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let format = output.format
        let filter = try QuerySupport.filter(account, depth: depth)
        let ledger = try LedgerAccess.open(database, .read)
        let span = try dates.span(fiscalYearStart: ledger.settings.fiscalYearStart)
        let rows = try LedgerAccess.run { try ledger.register(RegisterQuery(accounts: filter, span: span, historical: historical)) }
        if rows.isEmpty { try QuerySupport.explainEmpty(ledger, filter, span: span, what: "postings") }
        let scales = try LedgerAccess.scales(ledger)
        let functional = ledger.settings.functionalCurrency
        func text(_ units: Int64, _ commodity: String) -> String { LedgerAccess.format(units, commodity, scales: scales) }
        if format == .table {
            let columns = ["date", "description", "key", "account", "amount", "value", "balance"]
            let records = rows.map { r in
                OutputRecord([
                    ("date", .string(r.date.description)), ("description", .string(QuerySupport.cut(r.narration, 32))),
                    ("key", .string(QuerySupport.cut(r.key ?? "", 20))), ("account", .string(r.account)),
                    ("amount", .string(text(r.amount, r.commodity) + " " + r.commodity)),
                    ("value", .string(text(r.value, functional) + " " + functional)),
                    ("balance", .string(text(r.runningAmount, r.commodity) + " " + r.commodity)),
                ])
            }
            CommandDocument(command: "register", rows: records, columns: columns).print(format, layout: output.layout)
            return
        }
        let columns = ["date", "description", "key", "transaction_id", "account", "commodity", "amount_minor", "amount",
                       "value_minor", "value", "balance_minor", "balance", "balance_value_minor", "balance_value"]
        let records = rows.map { r in
            OutputRecord([
                ("date", .string(r.date.description)), ("description", .string(r.narration)),
                ("key", r.key.map { .string($0) } ?? .null), ("transaction_id", .int(r.transaction)),
                ("account", .string(r.account)), ("commodity", .string(r.commodity)),
                ("amount_minor", .int(r.amount)), ("amount", .string(text(r.amount, r.commodity))),
                ("value_minor", .int(r.value)), ("value", .string(text(r.value, functional))),
                ("balance_minor", .int(r.runningAmount)), ("balance", .string(text(r.runningAmount, r.commodity))),
                ("balance_value_minor", .int(r.runningValue)), ("balance_value", .string(text(r.runningValue, functional))),
            ])
        }
        func date(_ d: LedgerDate?) -> FieldValue { d.map { .string($0.description) } ?? .null }
        CommandDocument(command: "register",
                        parameters: [("account", account.map(FieldValue.string) ?? .null), ("from", date(span?.first)),
                                     ("to", date(span?.last)), ("historical", .bool(historical)),
                                     ("currency", .string(functional))],
                        rows: records, columns: columns).print(format, layout: output.layout)
    }
}
