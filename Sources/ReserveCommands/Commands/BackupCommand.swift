import ArgumentParser
import Ledger
import Treasury

/// `reserve backup DEST`: a consistent copy of the ledger, taken while others may write, then verified.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the ledger to DEST (consistent while others write), verify the copy, print its head.",
        discussion: """
            Opens the ledger read-only and copies it with SQLite's online backup API:
            the copy holds every commit made before it started, even while another
            reserve command is writing (an unfinished import is not in it). The copy is
            written beside DEST under a temporary name, synced and renamed into place;
            an existing DEST is refused. Then the copy's chain and every derived table
            are verified as `reserve verify ledger` does, and its head hash and counts
            are printed: publish the head to check a restore with --expect-head.
            Exit 1 when the copy does not verify (it is kept), 74 on I/O errors.

            Restore: stop writers, copy the backup over the ledger file (removing any
            -wal and -shm beside it), then
              reserve verify ledger --expect-head HEAD

            Examples:
              reserve backup /backups/reserve-2026-03-31.sqlite
              reserve backup copy.sqlite --db year.sqlite --format json
            """
    )

    @Argument(help: "Where to write the copy (must not exist).")
    var destination: String

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let ledger = try LedgerAccess.open(database, .read)
        try LedgerAccess.run { _ = try ledger.backup(to: destination) }
        let report = try LedgerAccess.run {
            try LedgerStore.open(at: destination, mode: .read, migrations: BookSchema.migrations, wait: 0)
                .verify(derived: TreasuryChecks.all)
        }
        let counts = report.transactions + report.prices + report.assertions + report.documents
        CommandDocument(command: "backup", fields: [
            ("backup", .string(destination)),
            ("valid", .bool(report.isValid)), ("status", .string(report.isValid ? "valid" : "invalid")),
            ("records_count", .int(Int64(counts))), ("transactions_count", .int(Int64(report.transactions))),
            ("postings_count", .int(Int64(report.postings))), ("prices_count", .int(Int64(report.prices))),
            ("assertions_count", .int(Int64(report.assertions))), ("documents_count", .int(Int64(report.documents))),
            ("head_id", .int(report.headID)), ("head_hash", .string(report.headHash)),
            ("failures_count", .int(Int64(report.failures.count))),
            ("reason", .string(report.failures.first?.description ?? "")),
        ]).print(output.format, layout: output.layout)
        guard report.isValid else {
            throw CommandFailure(.checkFailed, lines: ["\(destination): the copy does not verify (kept as written)"]
                                 + report.failures.map(\.description))
        }
    }
}
