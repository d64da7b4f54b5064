import ArgumentParser
import Treasury

/// `reserve import power FILE`.
struct ImportPower: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "power",
        abstract: "Import power bills: site, period_start, period_end, kwh, amount, invoice [, currency, marginal_amount].",
        discussion: "Booked on period_end: Expenses:Electricity:<site> against Liabilities:Payable:Power:<site>. Key: site + invoice.")

    @Argument(help: "The power bills CSV (- for stdin).")
    var file: String

    @OptionGroup var common: ImportCommonOptions

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        try ImportRunner.run(common) { try importer.importPower(csv: file, options: $0) }
    }
}

/// `reserve import settlements FILE`.
struct ImportSettlements: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settlements",
        abstract: "Import payments of power bills: date, site, invoice, amount, currency, reference.",
        discussion: "Each pays the bill found by site and invoice from Assets:Bank:<currency>. Key: reference.")

    @Argument(help: "The settlements CSV (- for stdin).")
    var file: String

    @OptionGroup var common: ImportCommonOptions

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        try ImportRunner.run(common) { try importer.importSettlements(csv: file, options: $0) }
    }
}

/// `reserve import transactions FILE`.
struct ImportTransactions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transactions",
        abstract: "Import the reserve's own signed transactions: date, hex, purpose, approval.",
        discussion: "Every input must spend an output the ledger holds; outputs to reserve wallets are transfers or change, "
            + "others are disbursements (purpose and approval required); the fee is inputs minus outputs. Key: txid.")

    @Argument(help: "The transactions CSV (- for stdin).")
    var file: String

    @OptionGroup var common: ImportCommonOptions

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        try ImportRunner.run(common) { try importer.importTransactions(csv: file, options: $0) }
    }
}

/// `reserve import prices FILE`.
struct ImportPrices: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices",
        abstract: "Import prices: date, currency, price [, base] (one base, default BTC, in the currency).",
        discussion: "Key: date + currency + base. Booking needs a price on the accounting date or at most the ledger's "
            + "max price age (default 3 days) before it.")

    @Argument(help: "The prices CSV (- for stdin).")
    var file: String

    @OptionGroup var common: ImportCommonOptions

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        try ImportRunner.run(common) { try importer.importPrices(csv: file, options: $0) }
    }
}
