import ArgumentParser
import Treasury

/// `reserve site set SITE --hashrate-ths N --power-kw N`
struct SiteSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set a site's installed hashrate (TH/s) and power (kW), for efficiency and hashprice.",
        discussion: """
            The figures give the site's efficiency (J/TH) and hashprice in
            `reserve report mining`. Setting a site again replaces its figures.

            Examples:
              reserve site set Sui --hashrate-ths 333333 --power-kw 6000
              reserve site set Tarbela --hashrate-ths 285714 --power-kw 5000
            """)

    @Argument(help: "The site id.")
    var site: String

    @Option(name: .customLong("hashrate-ths"), help: "Installed hashrate in whole TH/s.")
    var hashrateTHs: Int64

    @Option(name: .customLong("power-kw"), help: "Power drawn by the miners in whole kW.")
    var powerKW: Int64

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let id: String
        do { id = try Identifiers.site(site) } catch {
            throw CommandFailure(.usage, "site \"\(site)\": \(error)")
        }
        let spec: SiteSpec
        do { spec = try SiteSpec(site: id, hashrateTHs: hashrateTHs, powerKW: powerKW) } catch let error as ReportError {
            throw CommandFailure(.usage, error.description)
        }
        let store = try LedgerAccess.open(database, .write)
        try ReportRunner.run { try SiteSpecs.set(spec, in: store) }
        let efficiency = spec.efficiencyMilliJPerTH.map { ReportFormat.text(.int($0), .fixed(scale: 3), grouped: false) } ?? "-"
        Console.out("site \(id): \(hashrateTHs) TH/s, \(powerKW) kW (\(efficiency) J/TH)")
    }
}
