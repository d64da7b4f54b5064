import ArgumentParser
import Treasury

/// `reserve import snapshot FILE --as-of TIMESTAMP [--height N]`.
struct ImportSnapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Import a chain snapshot: Bitcoin Core's scantxoutset JSON, or listunspent JSON with --height.",
        discussion: """
            --as-of is when the snapshot was taken: reconciliation compares it with the
            ledger through the accounting date of --as-of, inclusive (take snapshots
            after the day's bookings).

            Examples:
              reserve import snapshot fixtures/demo/snapshot.json \\
                --as-of 2026-06-30T23:30:00+05:00
              bitcoin-cli listunspent 0 > utxos.json
              reserve import snapshot utxos.json --as-of 2026-03-31T23:00:00+05:00 \\
                --height 940000
            """)

    @Argument(help: "The JSON file (- for stdin).")
    var file: String

    @Option(help: "When the snapshot was taken: YYYY-MM-DD or an ISO-8601 timestamp with offset.")
    var asOf: String

    @Option(help: "Block height of a listunspent snapshot.")
    var height: Int64?

    @OptionGroup var common: ImportCommonOptions

    func validate() throws {
        do { _ = try ISOTimestamp.parse(asOf) } catch { throw ValidationError("--as-of: \(error.description)") }
        if let height, height < 0 { throw ValidationError("--height must be ≥ 0") }
    }

    func run() throws {
        let importer = try ImportRunner.importer(common.database)
        let when = try ISOTimestamp.parse(asOf)
        try ImportRunner.run(common, "import snapshot", file: file) { try importer.importSnapshot(file, asOf: when, height: height, options: $0) }
    }
}
