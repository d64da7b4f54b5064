import ArgumentParser
import Foundation
import Ledger
import Treasury

/// Opening the ledger named by `--db` and turning ledger errors into DESIGN.md exit codes.
enum LedgerAccess {
    /// Opens the existing ledger with every migration of the book (`BookSchema.migrations`), the one way every
    /// command opens it. `.read` writes nothing (a ledger that needs an upgrade exits 74, asking for
    /// `reserve upgrade`); `.write` upgrades a ledger made by an older version first and says so on stderr.
    /// Missing file, not a ledger, another writer past `--wait`: exit 74.
    static func open(_ options: DatabaseOptions, _ mode: LedgerOpenMode) throws -> LedgerStore {
        let progress = UpgradeProgress(path: options.path)
        defer { progress.finish() }
        let store: LedgerStore
        do {
            store = try LedgerStore.open(at: options.path, mode: mode, migrations: BookSchema.migrations,
                                         wait: options.wait, willApply: progress.step)
        } catch let error as LedgerError {
            throw failure(error)
        }
        progress.finish()
        if let upgrade = store.upgrade {
            Console.error("upgraded ledger \(options.path) from schema \(upgrade.from) to \(upgrade.to)")
        }
        return store
    }

    /// Runs `body`, mapping `LedgerError` to a `CommandFailure`: failed assertions exit 1, database
    /// trouble 74, everything else (bad input) 65.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw failure(error)
        }
    }

    static func failure(_ error: LedgerError) -> CommandFailure {
        switch error {
        case .assertionFailed: return CommandFailure(.checkFailed, error.description)
        case .needsUpgrade(let path, let from, let to):
            return CommandFailure(.ioError, "\(path): this ledger needs an upgrade: run reserve upgrade "
                                  + "(schema \(from) to \(to); a read command never writes the file)")
        case .database, .notALedger, .ledgerExists, .busy: return CommandFailure(.ioError, error.description)
        default: return CommandFailure(.dataError, error.description)
        }
    }

    /// A `YYYY-MM-DD` argument (exit 64 when malformed).
    static func date(_ text: String, option: String) throws -> LedgerDate {
        do {
            return try LedgerDate(text)
        } catch {
            throw CommandFailure(.usage, "\(option): invalid date \"\(text)\" (expected YYYY-MM-DD)")
        }
    }

    /// Today's accounting date in the ledger's time zone.
    static func today(_ ledger: LedgerStore) -> LedgerDate {
        ledger.settings.accountingDate(of: Date())
    }

    /// Minor units formatted at the commodity's scale.
    static func format(_ units: Int64, _ commodity: String, scales: [String: Int]) -> String {
        MinorUnits.format(units, scale: scales[commodity] ?? 0)
    }

    static func scales(_ ledger: LedgerStore) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try run { try ledger.commodities() }.map { ($0.code, $0.scale) })
    }
}
