import ArgumentParser

/// `reserve site …`
struct SiteGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Set a mining site's hashrate and power.",
        subcommands: [
            SiteSetCommand.self,
        ]
    )
}
