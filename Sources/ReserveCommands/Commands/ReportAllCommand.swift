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
            with a note on stderr and listed under "skipped" in JSON; --require
            makes a skipped check exit 1. Exit 1 when reconciliation or the proof
            fails.

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

    @Flag(help: "Exit 1 when a check (reconciliation, proof of reserves) is skipped for lack of data.")
    var require = false

    @Option(help: "Warn when the holdings price is older than this many days before --at (default: the ledger's, 3).")
    var maxPriceAge: Int?

    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        if (attestations == nil) != (challenge == nil) {
            throw ValidationError("--attestations and --challenge go together")
        }
    }

    func run() throws {
        let store = try ReportRunner.open(output.database)
        let atDate = try ReportRunner.date(at, option: "--at")
        let fromDate = try ReportRunner.date(from, option: "--from")
        try ReportRunner.ordered(fromDate, "--from", atDate, "--at")
        let reports = try ReportSet.compute(store, at: atDate, from: fromDate,
                                            attestations: attestations, challenge: challenge, snapshot: snapshot)
        let stale = try ReportRunner.staleness(store, price: reports.holdings.price.date, at: reports.at, maxAge: maxPriceAge)
        let sections = try output.sections(of: reports.documents)
        var documents = reports.documents.map { $0.only(sections) }.filter { !$0.sections.isEmpty }
        if let i = documents.firstIndex(where: { $0.name == "holdings" }) { documents[i].parameters += stale }
        let text: String
        switch output.format {
        case .json:
            // One JSON document: the reports in order under "reports", the skipped ones under "skipped".
            var members = ["\"json_version\":\(ReportDataRenderer.jsonVersion)", "\"command\":\"report all\"",
                           "\"at\":" + JSONText.quote(reports.at.description),
                           "\"from\":" + JSONText.quote(reports.start.description),
                           "\"currency\":" + JSONText.quote(store.settings.functionalCurrency)]
            members.append("\"reports\":[" + documents.map { "{" + ReportDataRenderer.members($0).joined(separator: ",\n") + "}" }
                .joined(separator: ",\n") + "]")
            members.append("\"skipped\":[" + reports.skipped.map {
                "{\"report\":" + JSONText.quote($0.report) + ",\"reason\":" + JSONText.quote($0.reason) + "}"
            }.joined(separator: ",") + "]")
            text = "{" + members.joined(separator: ",\n") + "}\n"
        case .jsonl: text = documents.map(ReportDataRenderer.jsonLines).joined()
        case .csv: text = ReportDataRenderer.csv(documents, reportColumn: true)
        case .table: text = documents.map { ReportTextRenderer.render($0, layout: output.layout) }.joined(separator: "\n")
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        for s in reports.skipped { Console.error("note: \(s.report) left out: \(s.reason)") }
        if let html = output.html { try ReportRunner.writeHTML(try reports.page(store, title: title), to: html) }
        var failures: [String] = []
        if let r = reports.reconciliation, !r.matches { failures.append("reconciliation does not match") }
        if let p = reports.reserves, !p.covered { failures.append("proven reserves fall short of the ledger") }
        if require { failures += reports.skipped.map { "\($0.report) was skipped (--require)" } }
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
    var start: LedgerDate
    /// Reports left out for lack of data, and why (JSON `skipped`, notes on stderr).
    var skipped: [(report: String, reason: String)] = []

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
            var set = ReportSet(at: at, holdings: holdings, history: history, monthly: monthly, yearly: yearly, start: start)
            do {
                set.reconciliation = try ReconciliationReport.compute(store, snapshot: snapshot)
            } catch let error as ReportError {
                set.skipped.append(("reconcile", "\(error)"))
            }
            if let attestations, let challenge {
                let list = try AttestationFile.read(path: attestations)
                do {
                    set.reserves = try ReservesReport.compute(store, attestations: list, challenge: challenge, snapshot: snapshot,
                                                              verify: ReservesReport.messageVerifier)
                } catch let error as ReportError {
                    set.skipped.append(("reserves", "\(error)"))
                }
            } else {
                set.skipped.append(("reserves", "no attestations: give --attestations FILE --challenge TEXT"))
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
