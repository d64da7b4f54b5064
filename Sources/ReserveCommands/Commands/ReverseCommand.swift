import ArgumentParser
import Ledger

/// `reserve reverse TXN --reason TEXT`: books the reversing transaction and frees the natural key.
struct ReverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverse",
        abstract: "Reverse a transaction (a new transaction negating it); its natural key is released.",
        discussion: """
            The original stays in the journal (it is hash-chained); the reversal
            negates each of its postings, and the original's natural key may then
            be imported again. Prints the new transaction's id.

            Examples:
              reserve reverse 2591 --reason 'duplicate of bank statement line 17'
              reserve reverse 1096 --reason 'wrong site' --date 2026-07-01
            """
    )

    @Argument(help: "The transaction id.")
    var transaction: Int64

    @Option(help: "Why (kept in the reversal's narration).")
    var reason: String

    @Option(help: "Date of the reversal (default: the original's date).")
    var date: String?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandFailure(.usage, "--reason must not be empty")
        }
        let day = try date.map { try LedgerAccess.date($0, option: "--date") }
        let ledger = try LedgerAccess.open(database, .write)
        let id = try LedgerAccess.run { try ledger.write { try $0.reverse(transaction, reason: reason, date: day) } }
        Console.out("transaction \(transaction) reversed by transaction \(id)")
    }
}
