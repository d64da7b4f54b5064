import ArgumentParser
import Ledger

/// `reserve revalue --at DATE`: carries balance-sheet holdings at that date's price.
struct RevalueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revalue",
        abstract: "Book unrealised gains and losses to Income:Revaluation at a date's price.",
        discussion: """
            Values every BTC holding at the price of --at and books the difference
            from its carried value as one transaction against Income:Revaluation.
            Nothing is booked when every holding is already at that price.

            Examples:
              reserve revalue --at 2025-12-31
              reserve revalue --at 2026-06-30 --db reserve.sqlite
            """
    )

    @Option(help: "The date (YYYY-MM-DD) whose price values the holdings.")
    var at: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let day = try LedgerAccess.date(at, option: "--at")
        let ledger = try LedgerAccess.open(database, .write)
        let id = try LedgerAccess.run { try ledger.write { try $0.revalue(at: day) } }
        if let id {
            Console.out("revaluation booked as transaction \(id)")
        } else {
            Console.out("nothing to revalue: every holding is already at the \(day) price")
        }
    }
}
