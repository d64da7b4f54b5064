import ArgumentParser
import Ledger
import Treasury

/// `reserve site add SITE [--hashrate-ths N --power-kw N]`: declares a site before data names it.
struct SiteAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Declare a mining site, with its hashrate (TH/s) and power (kW) when known.",
        discussion: """
            Imports refuse a file that names a site not declared here (a typo would
            open a phantom site's accounts) unless given --new-sites. The figures,
            optional, are those of `reserve site set`. Declaring a site again is
            harmless.

            Examples:
              reserve site add Sui --hashrate-ths 333333 --power-kw 6000
              reserve site add Tarbela
            """)

    @Argument(help: "The site id: [A-Za-z][A-Za-z0-9-]*.")
    var site: String

    @Option(name: .customLong("hashrate-ths"), help: "Installed hashrate in whole TH/s (with --power-kw).")
    var hashrateTHs: Int64?

    @Option(name: .customLong("power-kw"), help: "Power drawn by the miners in whole kW (with --hashrate-ths).")
    var powerKW: Int64?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        do { _ = try Identifiers.site(site) } catch { throw ValidationError("site: \(error)") }
        if (hashrateTHs == nil) != (powerKW == nil) { throw ValidationError("give --hashrate-ths and --power-kw together, or neither") }
    }

    func run() throws {
        var spec: SiteSpec?
        if let hashrateTHs, let powerKW {
            do { spec = try SiteSpec(site: site, hashrateTHs: hashrateTHs, powerKW: powerKW) } catch let error as ReportError {
                throw CommandFailure(.usage, error.description)
            }
        }
        let store = try LedgerAccess.open(database, .write)
        let added: Bool
        do {
            added = try ReportRunner.run {
                try store.write { writer in
                    let new = try PoolDirectory(writer: writer).declareSite(site)
                    if let spec { try SiteSpecs.set(spec, writer: writer) }
                    return new
                }
            }
        } catch let error as PoolError {
            throw CommandFailure(.dataError, error.description)
        }
        let figures = spec.map { " (\($0.hashrateTHs) TH/s, \($0.powerKW) kW)" } ?? ""
        Console.out((added ? "site \(site) declared" : "site \(site) was already declared") + figures)
    }
}
