import ArgumentParser

/// `reserve wallet …`
struct WalletGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet",
        abstract: "Register watch-only reserve wallets and list their addresses.",
        subcommands: [
            WalletAdd.self,
            WalletList.self,
            WalletAddresses.self,
        ]
    )
}
