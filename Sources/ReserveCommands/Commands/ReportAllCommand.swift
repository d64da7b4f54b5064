import ArgumentParser
import Foundation
import Ledger
import Treasury

/// `reserve report all [--html FILE] [--attestations FILE --challenge TEXT]`: every report, one page.
struct ReportAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Every report (holdings, mining by month and fiscal year, reconciliation, proof of reserves); --html writes one page.",
        discussion: """
            Reconciliation and proof of reserves need a chain snapshot (and
            attestations for the proof); without them those reports are left out
            with a note on stderr. Exit 1 when reconciliation or the proof fails.

            Examples:
              reserve report all
              reserve report all --at 2026-06-30 --format json > reports.json
              reserve report all --attestations fixtures/demo/attestations.csv \\
                --challenge 'Reserve audit FY2025-26, snapshot 2026-06-30' \\
                --html report.html
            """)

    @Option(help: "Report date (YYYY-MM-DD; default: the last transaction's date).")
    var at: String?

    @Option(help: "Mining from this date (default: the start of the fiscal year of --at).")
    var from: String?

    @Option(help: "CSV of attestations for the proof of reserves.")
    var attestations: String?

    @Option(help: "Text every attestation message must contain.")
    var challenge: String?

    @Option(help: "Snapshot id (default: the latest).")
    var snapshot: Int64?

    @Option(help: "Title of the HTML page (default: the ledger's programme setting, else a generic title).")
    var title: String?

    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        if (attestations == nil) != (challenge == nil) {
            throw ValidationError("--attestations and --challenge go together")
        }
    }

    func run() throws {
        let store = try ReportRunner.open(output.database)
        let reports = try ReportSet.compute(store, at: try ReportRunner.date(at, option: "--at"),
                                            from: try ReportRunner.date(from, option: "--from"),
                                            attestations: attestations, challenge: challenge, snapshot: snapshot)
        if output.format == .json {
            // One JSON document: the reports in order, in an array.
            let text = "[" + reports.documents.map { ReportDataRenderer.json($0).trimmingCharacters(in: .newlines) }
                .joined(separator: ",\n") + "]\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            for doc in reports.documents { ReportRunner.print(doc, as: output.format) }
        }
        for note in reports.notes { Console.error("note: " + note) }
        if let html = output.html { try ReportRunner.writeHTML(try reports.page(store, title: title), to: html) }
        var failures: [String] = []
        if let r = reports.reconciliation, !r.matches { failures.append("reconciliation does not match") }
        if let p = reports.reserves, !p.covered { failures.append("proven reserves fall short of the ledger") }
        if !failures.isEmpty { throw CommandFailure(.checkFailed, failures.joined(separator: "; ")) }
    }
}

/// Every report over one ledger, as `report all` and `demo` print them.
struct ReportSet {
    var at: LedgerDate
    var holdings: HoldingsReport
    var history: HoldingsHistory
    var monthly: MiningReport?
    var yearly: MiningReport?
    var reconciliation: ReconciliationReport?
    var reserves: ReservesReport?
    var notes: [String] = []

    static func compute(_ store: LedgerStore, at: LedgerDate?, from: LedgerDate?, attestations: String?, challenge: String?,
                        snapshot: Int64?) throws -> ReportSet {
        let at = try at ?? ReportRunner.lastDate(store)
        let fy = store.settings.fiscalYearStart
        let start = from ?? LedgerDate(year: at.month >= fy ? at.year : at.year - 1, month: fy, day: 1) ?? at
        return try ReportRunner.run {
            let holdings = try HoldingsReport.compute(store, at: at, since: start.adding(days: -1))
            let history = try HoldingsHistory.compute(store, from: start, to: at)
            let monthly = try MiningReport.compute(store, by: .month, from: start, to: at)
            let yearly = try MiningReport.compute(store, by: .fiscalYear, from: start, to: at)
            var set = ReportSet(at: at, holdings: holdings, history: history, monthly: monthly, yearly: yearly)
            do {
                set.reconciliation = try ReconciliationReport.compute(store, snapshot: snapshot)
            } catch let error as ReportError {
                set.notes.append("reconciliation left out: \(error)")
            }
            if let attestations, let challenge {
                let list = try AttestationFile.read(path: attestations)
                do {
                    set.reserves = try ReservesReport.compute(store, attestations: list, challenge: challenge, snapshot: snapshot,
                                                              verify: ReservesReport.messageVerifier)
                } catch let error as ReportError {
                    set.notes.append("proof of reserves left out: \(error)")
                }
            } else {
                set.notes.append("proof of reserves left out: give --attestations FILE --challenge TEXT")
            }
            return set
        }
    }

    var documents: [ReportDocument] {
        [holdings.document()] + [monthly, yearly].compactMap { $0?.document() }
            + [reconciliation?.document(), reserves?.document()].compactMap { $0 }
    }

    func page(_ store: LedgerStore, title: String?) throws -> String {
        try ReportRunner.page(store, title: title, asOf: at, holdings: holdings, mining: monthly, history: history,
                              reconciliation: reconciliation, reserves: reserves, extra: yearly.map { [$0.document()] } ?? [])
    }
}
