import ArgumentParser
import Foundation
import Ledger

/// `reserve export journal --to hledger|beancount [--out FILE]`
struct ExportJournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Write the journal for hledger or Beancount, with balances equal to ours.",
        discussion: """
            Every transaction in the other tool's syntax, with the same accounts,
            amounts and values, so its balance report equals `reserve balance`.

            Examples:
              reserve export journal --to hledger --out reserve.journal
              reserve export journal --to beancount --out reserve.beancount
              reserve export journal --to hledger | hledger -f - balance
            """
    )

    @Option(help: "hledger or beancount.")
    var to: String

    @Option(help: "Output file (default: stdout).")
    var out: String?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard let dialect = JournalExport.Dialect(rawValue: to) else {
            throw CommandFailure(.usage, "--to: \"\(to)\" is not hledger or beancount")
        }
        let ledger = try LedgerAccess.open(database, .read)
        try LedgerAccess.run {
            if let out {
                try JournalExport.write(ledger, dialect: dialect, to: out)
            } else {
                try JournalExport.write(ledger, dialect: dialect, to: FileHandle.standardOutput)
            }
        }
    }
}
