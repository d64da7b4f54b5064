import ArgumentParser
import Ledger
import Treasury

extension PoolBasis: ExpressibleByArgument {}

/// `reserve pool add ID --basis cash|accrual`.
struct PoolAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Declare a pool and its accounting basis before importing its data.",
        discussion: """
            cash: payouts are mining income. accrual: daily earnings are income and
            payouts settle the pool receivable. A pool's basis cannot change once
            declared. Imports refuse a file naming an undeclared pool unless given
            --new-pools (such pools are then cash basis).

            Examples:
              reserve pool add f2pool --basis accrual
              reserve pool add luxor --basis cash
            """)

    @Argument(help: "Pool id: [a-z][a-z0-9-]*.")
    var id: String

    @Option(help: "cash or accrual.")
    var basis: PoolBasis

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        do { _ = try Identifiers.pool(id) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let store = try ImportRunner.openStore(database)
        do {
            let added = try store.write { writer in try PoolDirectory(writer: writer).declare(id, basis: basis) }
            Console.out(added ? "pool \(id) declared on \(basis.rawValue) basis" : "pool \(id) is already on \(basis.rawValue) basis")
        } catch let error as PoolError {
            throw CommandFailure(.dataError, error.description)
        } catch let error as LedgerError {
            throw CommandFailure(.ioError, error.description)
        }
    }
}
