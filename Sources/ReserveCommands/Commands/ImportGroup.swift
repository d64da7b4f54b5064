import ArgumentParser

/// `reserve import …`
struct ImportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import pool payouts, earnings, power bills, settlements, transactions, prices and chain snapshots.",
        subcommands: [
            ImportPayouts.self,
            ImportEarnings.self,
            ImportPower.self,
            ImportSettlements.self,
            ImportTransactions.self,
            ImportPrices.self,
            ImportSnapshot.self,
            ImportUndo.self,
        ]
    )
}
