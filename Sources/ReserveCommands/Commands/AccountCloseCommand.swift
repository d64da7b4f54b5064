import ArgumentParser
import Ledger

/// `reserve account close NAME --date D`
struct AccountCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close an empty account: no postings after the date.",
        discussion: """
            The account's balance must be zero in every commodity. Once closed, no
            posting may be booked to it after the close date.

            Examples:
              reserve account close Assets:Reserve:Old --date 2026-06-30
              reserve account close Liabilities:Payable:Power:Sui  # once bills are paid
            """
    )

    @Argument(help: "The account.")
    var account: String

    @Option(help: "Close date (YYYY-MM-DD; default: today in the ledger's time zone).")
    var date: String?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let ledger = try LedgerAccess.open(database, .write)
        let day = try date.map { try LedgerAccess.date($0, option: "--date") } ?? LedgerAccess.today(ledger)
        try LedgerAccess.run { try ledger.write { try $0.closeAccount(account, on: day) } }
        Console.out("closed \(account) on \(day)")
    }
}
