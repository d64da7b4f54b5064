import ArgumentParser

/// `reserve site …`
struct SiteGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Declare mining sites and set their hashrate and power.",
        subcommands: [
            SiteAddCommand.self,
            SiteSetCommand.self,
        ]
    )
}
