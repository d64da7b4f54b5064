import ArgumentParser
import Treasury

extension EarningsSource: ExpressibleByArgument {}

/// `reserve import earnings FILE --source f2pool|braiins --pool ID --site ID`.
struct ImportEarnings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "earnings",
        abstract: "Import an accrual pool's daily earnings (F2Pool transaction list or Braiins daily rewards JSON).",
        discussion: """
            The pool must have been declared with `reserve pool add ID --basis accrual`.

            Examples:
              reserve import earnings fixtures/demo/f2pool-transactions.json \\
                --source f2pool --pool f2pool --site Sui
              reserve import earnings fixtures/pools/braiins-daily-rewards.json \\
                --source braiins --pool braiins --site Guddu
            """)

    @Argument(help: "The pool's JSON file (- for stdin).")
    var file: String

    @Option(help: "Input format: f2pool or braiins.")
    var source: EarningsSource

    @Option(help: "Pool id: [a-z][a-z0-9-]*.")
    var pool: String

    @Option(help: "Mining site id: [A-Za-z][A-Za-z0-9-]*.")
    var site: String

    @OptionGroup var common: ImportCommonOptions

    func validate() throws {
        do { _ = try Identifiers.pool(pool); _ = try Identifiers.site(site) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        try ImportRunner.run(common, "import earnings", file: file) { options in
            try importer.importEarnings(file, source: source, pool: pool, site: site, options: options)
        }
    }
}
