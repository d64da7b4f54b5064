import ArgumentParser
import Foundation
import Ledger

/// `reserve print [ACCOUNT-REGEX]`: journal entries as `export journal` writes them, as hledger's `print`.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print journal entries (whole transactions) in hledger or Beancount syntax.",
        discussion: """
            Every transaction with a posting to an account matching ACCOUNT-REGEX
            (anywhere in the name, ignoring case), in date order, written exactly as
            `reserve export journal` writes it (values as @@ total costs; `; txn:N` is
            the transaction id). Without arguments: every transaction.

            Examples:
              reserve print Electricity -p 2026-03
              reserve print Cold --from 2026-06-01 | hledger -f - balance
              reserve print -p FY2025-26 --syntax beancount
            """
    )

    @Argument(help: "Regular expression for account names (default: every transaction).")
    var account: String?

    @OptionGroup var dates: PeriodOptions

    @Option(help: "hledger (default) or beancount.")
    var syntax: String = "hledger"

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard let dialect = JournalExport.Dialect(rawValue: syntax) else {
            throw CommandFailure(.usage, "--syntax: \"\(syntax)\" is not hledger or beancount")
        }
        let filter = try QuerySupport.filter(account, depth: nil)
        let ledger = try LedgerAccess.open(database, .read)
        let span = try dates.span(fiscalYearStart: ledger.settings.fiscalYearStart)
        let count = try LedgerAccess.run {
            try JournalExport.printEntries(ledger, dialect: dialect, query: PrintQuery(accounts: filter, span: span),
                                           to: FileHandle.standardOutput)
        }
        if count == 0 { try QuerySupport.explainEmpty(ledger, filter, span: span, what: "transactions") }
    }
}
