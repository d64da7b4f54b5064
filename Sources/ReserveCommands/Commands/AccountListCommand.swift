import ArgumentParser
import Ledger

/// `reserve account list`: the same command as `reserve accounts` (kept for scripts that use it).
struct AccountListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List accounts (the same as `reserve accounts`).",
        discussion: """
            Records: account, type, opened, closed (null while the account is open).

            Examples:
              reserve account list
              reserve account list --tree
              reserve account list --format csv > accounts.csv
            """)

    @OptionGroup var options: AccountsOptions

    func run() throws { try options.run(command: "accounts") }
}
