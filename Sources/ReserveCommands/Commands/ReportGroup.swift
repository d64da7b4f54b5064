import ArgumentParser

/// `reserve report …`
struct ReportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Holdings, mining economics, reconciliation and proof of reserves.",
        subcommands: [
            ReportHoldingsCommand.self,
            ReportMiningCommand.self,
            ReportReconcileCommand.self,
            ReportReservesCommand.self,
            ReportApprovalsCommand.self,
            ReportAllCommand.self,
        ]
    )
}
