import ArgumentParser
import Treasury

/// `reserve report reserves --attestations FILE --challenge TEXT [--snapshot ID]`: exits 1 when the proven total
/// falls short of the ledger's holdings.
struct ReportReservesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reserves",
        abstract: "Proof of reserves: attestations verified against the snapshot's balances and the ledger (exit 1 on a shortfall).",
        discussion: """
            Each attestation must verify and its message contain the challenge;
            the proven addresses' balances in the chain snapshot are totalled beside
            the unproven ones and the ledger's holdings. Exit 1 on a shortfall.

            Examples:
              reserve report reserves --attestations fixtures/demo/attestations.csv \\
                --challenge 'nonce 7f3a9c'
              reserve report reserves --attestations attestations.csv \\
                --challenge 'Reserve audit FY2025-26' --html reserves.html
            """)

    @Option(help: "CSV of attestations: address,message,signature.")
    var attestations: String

    @Option(help: "Text every signed message must contain.")
    var challenge: String

    @Option(help: "Snapshot id (default: the latest).")
    var snapshot: Int64?

    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        guard !challenge.isEmpty else { throw ValidationError("--challenge must not be empty") }
    }

    func run() throws {
        let store = try ReportRunner.open(output.database)
        let report = try ReportRunner.run {
            try ReservesReport.compute(store, attestations: try AttestationFile.read(path: attestations), challenge: challenge,
                                       snapshot: snapshot, verify: ReservesReport.messageVerifier)
        }
        try ReportRunner.print(report.document(), output)
        if let html = output.html {
            try ReportRunner.writeHTML(try ReportRunner.page(store, asOf: report.asOfDate, reserves: report), to: html)
        }
        if !report.covered {
            throw CommandFailure(.checkFailed, "proof of reserves: " + (report.document().findings.first ?? "shortfall"))
        }
    }
}
