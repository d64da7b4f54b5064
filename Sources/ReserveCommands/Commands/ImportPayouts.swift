import ArgumentParser
import Treasury

/// `reserve import payouts FILE [--source csv|f2pool --pool ID --site ID]`.
struct ImportPayouts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payouts",
        abstract: "Import pool payouts to reserve addresses (canonical CSV, or F2Pool's transaction list JSON).",
        discussion: """
            CSV columns: paid_at, pool, site, amount_btc, address, txid, vout, and
            optionally fee_btc. Natural key: txid:vout (F2Pool: pool and payout id).
            Re-importing books nothing twice; one bad row rejects the file (exit 65).

            Examples:
              reserve import payouts fixtures/demo/luxor-payouts.csv
              reserve import payouts today.csv --dry-run --format json
              reserve import payouts fixtures/demo/f2pool-transactions.json \\
                --source f2pool --pool f2pool --site Sui
            """)

    enum Source: String, ExpressibleByArgument, CaseIterable { case csv, f2pool }

    @Argument(help: "The payouts file (- for stdin).")
    var file: String

    @Option(help: "Input format: csv (default) or f2pool.")
    var source: Source = .csv

    @Option(help: "Pool id for pool API files: [a-z][a-z0-9-]*.")
    var pool: String?

    @Option(help: "Mining site id for pool API files: [A-Za-z][A-Za-z0-9-]*.")
    var site: String?

    @OptionGroup var common: ImportCommonOptions

    func validate() throws {
        if source == .f2pool {
            guard let pool, let site else { throw ValidationError("--source f2pool needs --pool and --site") }
            do { _ = try Identifiers.pool(pool); _ = try Identifiers.site(site) } catch { throw ValidationError(error.description) }
        } else if pool != nil || site != nil {
            throw ValidationError("--pool and --site apply to pool API files (--source f2pool); the CSV names them per row")
        }
    }

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        try ImportRunner.run(common, "import payouts", file: file) { options in
            switch source {
            case .csv: return try importer.importPayouts(csv: file, options: options)
            case .f2pool: return try importer.importPayouts(f2pool: file, pool: pool ?? "", site: site ?? "", options: options)
            }
        }
    }
}
