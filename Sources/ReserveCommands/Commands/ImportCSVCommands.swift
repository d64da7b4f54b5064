import ArgumentParser
import Treasury

/// `reserve import power FILE`.
struct ImportPower: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "power",
        abstract: "Import power bills (CSV).",
        discussion: """
            Columns: site, period_start, period_end, kwh, amount, invoice, and
            optionally currency (default: the functional one) and marginal_amount (the
            avoidable, fuel part of the cost). Booked on period_end:
            Expenses:Electricity:<site> against Liabilities:Payable:Power:<site>.
            Key: site + invoice.

            Examples:
              reserve import power fixtures/demo/power-bills.csv
              reserve import power bills-2026-03.csv --dry-run
            """)

    @Argument(help: "The power bills CSV (- for stdin).")
    var file: String

    @OptionGroup var common: ImportCommonOptions

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        try ImportRunner.run(common, "import power", file: file) { try importer.importPower(csv: file, options: $0) }
    }
}

/// `reserve import settlements FILE`.
struct ImportSettlements: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settlements",
        abstract: "Import payments of power bills (CSV).",
        discussion: """
            Columns: date, site, invoice, amount, currency, reference. Each row pays the
            bill found by site and invoice from Assets:Bank:<currency>. Key: reference.

            Examples:
              reserve import settlements fixtures/demo/settlements.csv
              reserve import settlements settlements.csv --format json
            """)

    @Argument(help: "The settlements CSV (- for stdin).")
    var file: String

    @OptionGroup var common: ImportCommonOptions

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        try ImportRunner.run(common, "import settlements", file: file) { try importer.importSettlements(csv: file, options: $0) }
    }
}

/// `reserve import transactions FILE`.
struct ImportTransactions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transactions",
        abstract: "Import the reserve's own signed transactions (CSV of raw hex).",
        discussion: """
            Columns: date, hex, purpose, approval. Every input must spend an output the
            ledger holds; outputs to reserve wallets are transfers or change, others are
            disbursements (purpose and approval required); the fee is inputs minus
            outputs. Key: txid.

            Every input's signatures are verified against the output it spends
            (P2PKH, P2SH-P2WPKH, P2WPKH, P2SH-P2WSH and P2WSH multi/sortedmulti, P2TR
            key path; Bitcoin Core's standardness rules). A file with an input that
            does not verify, or whose script cannot be checked (`unsupported`), is
            refused (exit 65) and nothing is written. Inputs signed with
            SIGHASH_NONE, SINGLE or ANYONECANPAY are refused unless --allow-sighash.
            Who signed each input is recorded for `report approvals`.

            Examples:
              reserve import transactions fixtures/demo/transactions.csv
              reserve import transactions outgoing.csv --dry-run
            """)

    @Argument(help: "The transactions CSV (- for stdin).")
    var file: String

    @Flag(help: "Book inputs signed with SIGHASH_NONE, SINGLE or ANYONECANPAY (flagged in `report approvals`).")
    var allowSighash = false

    @OptionGroup var common: ImportCommonOptions

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        try ImportRunner.run(common, "import transactions", file: file) { options in
            var options = options
            options.allowsPermissiveSighash = allowSighash
            return try importer.importTransactions(csv: file, options: options)
        }
    }
}

/// `reserve import prices FILE`.
struct ImportPrices: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices",
        abstract: "Import prices (CSV): one base (default BTC) in a currency, per date.",
        discussion: """
            Columns: date, currency, price, and optionally base (default BTC).
            Key: date + currency + base. Booking needs a price on the accounting date
            or at most the ledger's max price age (default 3 days) before it.

            Examples:
              reserve import prices fixtures/demo/prices.csv
              reserve import prices usd-pkr.csv --format json
            """)

    @Argument(help: "The prices CSV (- for stdin).")
    var file: String

    @OptionGroup var common: ImportCommonOptions

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        try ImportRunner.run(common, "import prices", file: file) { try importer.importPrices(csv: file, options: $0) }
    }
}
