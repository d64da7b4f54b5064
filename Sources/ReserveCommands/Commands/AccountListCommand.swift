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

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let ledger = try LedgerAccess.open(database, .read)
        let records = try LedgerAccess.run { try ledger.accounts() }.map { a in
            OutputRecord([("account", .string(a.name)), ("type", .string(a.type.rawValue)),
                          ("opened", .string(a.opened.description)), ("closed", a.closed.map { .string($0.description) } ?? .null)])
        }
        CommandDocument(command: "account list", rows: records, columns: ["account", "type", "opened", "closed"])
            .print(output.format, layout: output.layout)
    }
}
