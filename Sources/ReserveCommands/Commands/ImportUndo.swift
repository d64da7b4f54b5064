import ArgumentParser
import Bitcoin
import Ledger
import Treasury

/// `reserve import undo BATCH [--reason TEXT]`.
struct ImportUndo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Reverse every transaction of an import batch and release its keys.",
        discussion: """
            The batch number is the one the import printed. After an undo the corrected
            file can be imported again. Price batches cannot be undone.

            Examples:
              reserve import undo 7 --reason "wrong price file"
              reserve import payouts corrected.csv
            """)

    @Argument(help: "The batch number an import printed.")
    var batch: Int64

    @Option(help: "Why the batch is undone (kept in the reversals' narration).")
    var reason = "undone by reserve import undo"

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let importer = try ImportRunner.importer(database)
        let outcome: UndoOutcome
        do {
            outcome = try importer.undo(batch: batch, reason: reason)
        } catch let error as UndoError {
            throw CommandFailure(.dataError, error.description)
        } catch let error as LedgerError where error.isStorageFailure {
            throw CommandFailure(.ioError, lines: ["\(database.path): cannot write the ledger: \(error.storageMessage)",
                                                   "nothing was written"])
        } catch let error as LedgerError {
            if case .unknownBatch = error { throw CommandFailure(.usage, error.description) }
            throw CommandFailure(.ioError, error.description)
        }
        CommandDocument(command: "import undo", parameters: [("reason", .string(Echo.value(reason)))],
                        fields: [("batch_id", .int(outcome.batch)), ("reversed_count", .int(Int64(outcome.reversed))),
                                 ("snapshots_removed_count", .int(Int64(outcome.snapshots)))])
            .print(output.format, layout: output.layout)
    }
}
