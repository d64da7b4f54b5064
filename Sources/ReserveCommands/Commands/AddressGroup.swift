import ArgumentParser

/// `reserve address …`
struct AddressGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address",
        abstract: "Inspect and validate Bitcoin addresses.",
        subcommands: [
            AddressInspect.self,
        ]
    )
}
