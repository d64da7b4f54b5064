import ArgumentParser

/// `reserve descriptor …`
struct DescriptorGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descriptor",
        abstract: "Work with output descriptors and extended public keys (no database needed).",
        subcommands: [
            DescriptorDerive.self,
        ]
    )
}
