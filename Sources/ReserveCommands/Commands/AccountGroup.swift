import ArgumentParser

/// `reserve account …`
struct AccountGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "List and close ledger accounts.",
        subcommands: [
            AccountListCommand.self,
            AccountCloseCommand.self,
        ]
    )
}
