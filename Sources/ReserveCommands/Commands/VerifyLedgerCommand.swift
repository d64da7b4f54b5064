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
            balances, recorded assertions). --expect-head checks that a head hash
            published earlier is a link of today's chain (nothing before it changed).

            Examples:
              reserve verify ledger
              reserve verify ledger --format json
              reserve verify ledger --expect-head "$PUBLISHED_HEAD"
            """
    )

    @Option(help: "A head hash published earlier (64 hex): it must be a link of this chain.")
    var expectHead: String?

    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        if let expectHead, expectHead.count != 64 || !expectHead.allSatisfy(\.isHexDigit) {
            throw CommandFailure(.usage, "--expect-head: 64 hex digits expected")
        }
        let ledger = try LedgerAccess.open(database, .read)
        let report = try LedgerAccess.run { try ledger.verify(expectHead: expectHead, derived: TreasuryChecks.all) }
        let record = OutputRecord([
            ("valid", .bool(report.isValid)), ("status", .string(report.isValid ? "valid" : "invalid")),
            ("head", .string(report.headHash)), ("head_id", .int(report.headID)),
            ("transactions", .int(Int64(report.transactions))), ("postings", .int(Int64(report.postings))),
            ("prices", .int(Int64(report.prices))), ("assertions", .int(Int64(report.assertions))),
            ("documents", .int(Int64(report.documents))),
            ("failures", .int(Int64(report.failures.count))),
            ("reason", .string(report.failures.first?.description ?? "")),
        ])
        LedgerAccess.print([record], as: format, columns: record.fields.map(\.0))
        guard report.isValid else {
            throw CommandFailure(.checkFailed, lines: report.failures.map(\.description))
        }
    }
}
