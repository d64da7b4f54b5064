import Bitcoin
import Ledger
import Treasury

/// Opens the wallet registry of the ledger at `--db` and maps its errors to DESIGN.md exit codes.
enum WalletAccess {
    /// The registry of an existing ledger (exit 74 when the file is missing or not a ledger).
    static func open(_ options: DatabaseOptions, _ mode: LedgerOpenMode) throws -> WalletRegistry {
        WalletRegistry(store: try LedgerAccess.open(options, mode))
    }

    /// Runs `body`, turning registry and ledger errors into command failures.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as WalletError {
            switch error {
            case .invalidGapLimit, .changeGivenTwice, .tooManyBranches, .unknownWallet:
                throw CommandFailure(.usage, error.description)
            case .database: throw CommandFailure(.ioError, error.description)
            default: throw CommandFailure(.dataError, error.description)
            }
        } catch let error as LedgerError {
            switch error {
            case .database, .notALedger, .busy, .needsUpgrade: throw LedgerAccess.failure(error)
            default: throw CommandFailure(.dataError, error.description)
            }
        }
    }

    static func record(_ a: WalletAddress) -> OutputRecord {
        OutputRecord([("chain", .int(Int64(a.chain))), ("index", .int(Int64(a.index))),
                      ("address", a.address.map(FieldValue.string) ?? .null),
                      ("script_pubkey", .string(Hex.encode(a.scriptPubKey)))])
    }
}
