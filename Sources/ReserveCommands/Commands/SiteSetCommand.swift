import ArgumentParser
import Treasury
import Ledger

/// `reserve site set SITE --hashrate-ths N --power-kw N`
struct SiteSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set a site's installed hashrate (TH/s) and power (kW), for efficiency and hashprice.",
        discussion: """
            The figures give the site's efficiency (J/TH) and hashprice in
            `reserve report mining`, day by day: figures set --from a date are in
            force from that day on (a re-equipped site keeps its past months);
            without --from they hold from the start, and replace earlier figures
            given without --from. Every change is a chained record.

            Examples:
              reserve site set Sui --hashrate-ths 333333 --power-kw 6000
              reserve site set Sui --from 2026-01-01 --hashrate-ths 400000 \\
                --power-kw 6500
            """)

    @Argument(help: "The site id.")
    var site: String

    @Option(name: .customLong("hashrate-ths"), help: "Installed hashrate in whole TH/s.")
    var hashrateTHs: Int64

    @Option(name: .customLong("power-kw"), help: "Power drawn by the miners in whole kW.")
    var powerKW: Int64

    @Option(help: "First day the figures are in force (YYYY-MM-DD; default: from the start).")
    var from: String?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let id: String
        do { id = try Identifiers.site(site) } catch {
            throw CommandFailure(.usage, "site \"\(site)\": \(error)")
        }
        let spec: SiteSpec
        let first = try from.map { try LedgerAccess.date($0, option: "--from") }
        do { spec = try SiteSpec(site: id, hashrateTHs: hashrateTHs, powerKW: powerKW, from: first) } catch let error as ReportError {
            throw CommandFailure(.usage, error.description)
        }
        let store = try LedgerAccess.open(database, .write)
        try ReportRunner.run { try SiteSpecs.set(spec, in: store) }
        let efficiency = spec.efficiencyMilliJPerTH.map { ReportFormat.text(.int($0), .fixed(scale: 3), grouped: false) } ?? "-"
        Console.out("site \(id): \(hashrateTHs) TH/s, \(powerKW) kW (\(efficiency) J/TH) \(first.map { "from \($0)" } ?? "from the start")")
    }
}
