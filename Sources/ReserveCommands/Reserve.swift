import ArgumentParser

/// The `reserve` command: books of a sovereign Bitcoin reserve. Watch-only: never takes a private key.
public struct Reserve: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "reserve",
        abstract: "Keep the books of a sovereign Bitcoin reserve (watch-only).",
        discussion: """
            For scripts: --format json prints one object with "json_version": 2,
            what it is ("report" or "command"), its parameters, the currency and
            the values' basis; integers are JSON integers named for their unit
            (_sats, _minor, _count, _wh, _id), the text of an amount is the same
            name without the unit (docs/json.md, schemas in docs/schema).
            --format jsonl streams one object per record; --format csv is one
            table (a report's sections under a "section" column).
            Exit codes: 0 ok, 1 a check failed, 64 usage, 65 bad input data
            (nothing written), 74 I/O or database. Imports are idempotent: a
            re-run books nothing new; `reserve import undo BATCH` reverses one.
            """,
        version: ReserveVersion.text,
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
            RegisterCommand.self,
            AccountsCommand.self,
            PrintCommand.self,
            AssertCommand.self,
            ReverseCommand.self,
            RevalueCommand.self,
            DemoCommand.self,
        ]
    )
    public init() {}
}
