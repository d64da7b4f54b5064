import ArgumentParser
import Treasury

/// `reserve report reconcile [--snapshot ID]`: exits 1 when anything does not match.
struct ReportReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Ledger against a chain snapshot, per wallet and per output (exit 1 on any difference).",
        discussion: """
            Compares each wallet's ledger balance and each unspent output with the
            snapshot loaded by `reserve import snapshot`; any difference is listed
            and the exit status is 1.

            Examples:
              reserve report reconcile
              reserve report reconcile --snapshot 1 --format json
            """)

    @Option(help: "Snapshot id (default: the latest).")
    var snapshot: Int64?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let store = try ReportRunner.open(output.database)
        let report = try ReportRunner.run { try ReconciliationReport.compute(store, snapshot: snapshot) }
        try ReportRunner.print(report.document(), output)
        if let html = output.html {
            try ReportRunner.writeHTML(try ReportRunner.page(store, asOf: report.asOfDate, reconciliation: report), to: html)
        }
        if !report.matches {
            throw CommandFailure(.checkFailed, "reconciliation with snapshot \(report.snapshotID) does not match: "
                                 + report.document().findings.joined(separator: "; "))
        }
    }
}
