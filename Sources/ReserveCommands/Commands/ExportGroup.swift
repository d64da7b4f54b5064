import ArgumentParser

/// `reserve export …`
struct ExportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the journal for other tools.",
        subcommands: [
            ExportJournalCommand.self,
        ]
    )
}
