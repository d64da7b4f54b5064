import ArgumentParser

/// The `reserve` command: books of a sovereign Bitcoin reserve. Watch-only: never takes a private key.
public struct Reserve: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "reserve",
        abstract: "Keep the books of a sovereign Bitcoin reserve (watch-only).",
        subcommands: [
            AddressGroup.self,
            DescriptorGroup.self,
            WalletGroup.self,
            VerifyGroup.self,
            ImportGroup.self,
            ReportGroup.self,
            AccountGroup.self,
            PoolGroup.self,
            SiteGroup.self,
            ExportGroup.self,
            InitCommand.self,
            UpgradeCommand.self,
            BackupCommand.self,
            BalanceCommand.self,
            AssertCommand.self,
            ReverseCommand.self,
            RevalueCommand.self,
            DemoCommand.self,
        ]
    )
    public init() {}
}
