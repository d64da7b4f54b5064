import ArgumentParser

/// `reserve pool …`
struct PoolGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pool",
        abstract: "Declare mining pools and their accounting basis.",
        subcommands: [
            PoolAdd.self,
        ]
    )
}
