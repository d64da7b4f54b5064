import ArgumentParser
import Ledger
import Treasury

/// `reserve verify ledger`: recomputes the hash chain and re-checks every invariant.
struct VerifyLedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Recompute the hash chain, re-check balances and assertions; exit 1 on any failure.",
        discussion: """
            Recomputes the hash chain over transactions, prices and assertions, and
            re-checks every invariant from the stored rows (balanced transactions,
            balances, recorded assertions). records_count counts the chained
            records (transactions, prices, assertions, documents); head_id is the
            journal id of the last record whose link verified, head_hash its hash.
            --expect-head checks that a head hash published earlier is a link of
            today's chain (nothing before it changed).

            Examples:
              reserve verify ledger
              reserve verify ledger --format json
              reserve verify ledger --expect-head "$PUBLISHED_HEAD"
            """
    )

    @Option(help: "A head hash published earlier (64 hex): it must be a link of this chain.")
    var expectHead: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        if let expectHead, expectHead.count != 64 || !expectHead.allSatisfy(\.isHexDigit) {
            throw CommandFailure(.usage, "--expect-head: 64 hex digits expected")
        }
        let ledger = try LedgerAccess.open(database, .read)
        let progress = ElapsedProgress("verifying \(database.path)")
        defer { progress.finish() }
        let report = try LedgerAccess.run { try ledger.verify(expectHead: expectHead, derived: TreasuryChecks.all) }
        progress.finish()
        let records = report.transactions + report.prices + report.assertions + report.documents
        CommandDocument(command: "verify ledger",
                        parameters: [("expect_head", expectHead.map(FieldValue.string) ?? .null),
                                     ("currency", .string(ledger.settings.functionalCurrency))],
                        fields: [
                            ("valid", .bool(report.isValid)), ("status", .string(report.isValid ? "valid" : "invalid")),
                            ("records_count", .int(Int64(records))),
                            ("transactions_count", .int(Int64(report.transactions))),
                            ("postings_count", .int(Int64(report.postings))),
                            ("prices_count", .int(Int64(report.prices))), ("assertions_count", .int(Int64(report.assertions))),
                            ("documents_count", .int(Int64(report.documents))),
                            ("head_id", .int(report.headID)), ("head_hash", .string(report.headHash)),
                            ("failures_count", .int(Int64(report.failures.count))),
                            ("reason", .string(report.failures.first?.description ?? "")),
                        ]).print(output.format, layout: output.layout)
        guard report.isValid else {
            throw CommandFailure(.checkFailed, lines: report.failures.map(\.description))
        }
    }
}
