import ArgumentParser
import Treasury

/// `reserve report approvals [--from DATE] [--to DATE]`: every spend, its approval and who signed it.
struct ReportApprovalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approvals",
        abstract: "Every spend of the reserve with its purpose, approval reference and who signed each input.",
        discussion: """
            One row per transaction booked by `import transactions` (date, txid,
            amounts spent, kept in the reserve, disbursed and paid in fees, purpose,
            approval reference) with the signers of each input, named by keyholder
            (`wallet add --key-names`) and key origin. Transactions signed with
            SIGHASH_NONE, SINGLE or ANYONECANPAY (booked with --allow-sighash) are
            flagged. A second table lists every signature.

            Examples:
              reserve report approvals
              reserve report approvals --from 2025-07-01 --to 2025-12-31 --format csv
            """)

    @Option(help: "First accounting date (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Last accounting date (YYYY-MM-DD).")
    var to: String?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let from = try ReportRunner.date(from, option: "--from"), to = try ReportRunner.date(to, option: "--to")
        if let from, let to, from > to { throw CommandFailure(.usage, "--from \(from) is after --to \(to)") }
        let store = try ReportRunner.open(output.database)
        let report = try ReportRunner.run { try ApprovalsReport.compute(store, from: from, to: to) }
        let document = report.document()
        try ReportRunner.print(document, output)
        if let html = output.html {
            let asOf = try to ?? ReportRunner.lastDate(store)
            try ReportRunner.writeHTML(try ReportRunner.page(store, asOf: asOf, extra: [document]), to: html)
        }
    }
}
