import ArgumentParser
import Ledger

/// `reserve assert ACCOUNT AMOUNT COMMODITY --date D`: checks a balance at the end of a date and records it.
struct AssertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assert",
        abstract: "Assert an account's balance at the end of a date; recorded and re-checked by verify ledger.",
        discussion: """
            The balance at the end of --date, subaccounts included, must equal AMOUNT
            exactly; the assertion is then recorded and `reserve verify ledger` checks
            it again on every run. A mismatch exits 1 and records nothing.

            Examples:
              reserve assert Assets:Reserve:Hot 0.64939672 BTC --date 2026-06-30
              reserve assert Assets:Reserve:Cold 156.98990608 BTC --date 2026-06-30
            """
    )

    @Argument(help: "The account (its subaccounts included).")
    var account: String

    @Argument(help: "The expected amount, plain decimals (e.g. 1.25000000).")
    var amount: String

    @Argument(help: "The commodity (e.g. BTC).")
    var commodity: String

    @Option(help: "The date (YYYY-MM-DD); the balance at its end is checked.")
    var date: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let day = try LedgerAccess.date(date, option: "--date")
        let ledger = try LedgerAccess.open(database, .write)
        let scales = try LedgerAccess.scales(ledger)
        guard let scale = scales[commodity] else { throw CommandFailure(.dataError, "unknown commodity \(commodity)") }
        let units: Int64
        do {
            units = try MinorUnits.parse(amount, scale: scale, allowSign: true)
        } catch let error as MoneyError {
            throw CommandFailure(.dataError, "AMOUNT: \(error)")
        }
        let id: Int64
        do {
            id = try ledger.write { try $0.assertBalance(account: account, commodity: commodity, date: day, amount: units) }
        } catch LedgerError.assertionFailed(let account, let commodity, let date, let expected, let actual) {
            // The amounts in the commodity's units (1.00000000 BTC), not in sats or minor units.
            func text(_ u: Int64) -> String { MinorUnits.format(u, scale: scale) + " " + commodity }
            throw CommandFailure(.checkFailed, "balance assertion failed: \(account) at end of \(date): expected \(text(expected)), "
                                 + "ledger has \(text(actual))")
        } catch let error as LedgerError {
            throw LedgerAccess.failure(error)
        }
        Console.out("assertion \(id) holds: \(account) \(MinorUnits.format(units, scale: scale)) \(commodity) at end of \(day)")
    }
}
