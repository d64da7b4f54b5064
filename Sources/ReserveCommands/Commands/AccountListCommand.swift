import ArgumentParser
import Ledger

/// `reserve account list`
struct AccountListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List accounts with their open and close dates.",
        discussion: """
            Records: account, type, opened, closed (null while the account is open).

            Examples:
              reserve account list
              reserve account list --format csv > accounts.csv
            """)

    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let ledger = try LedgerAccess.open(database, .read)
        let records = try LedgerAccess.run { try ledger.accounts() }.map { a in
            OutputRecord([("account", .string(a.name)), ("type", .string(a.type.rawValue)),
                          ("opened", .string(a.opened.description)), ("closed", a.closed.map { .string($0.description) } ?? .null)])
        }
        LedgerAccess.print(records, as: format, columns: ["account", "type", "opened", "closed"])
    }
}
