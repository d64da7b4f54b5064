import Bitcoin
import Ledger
import Treasury

/// The owning wallet of addresses, for `address inspect`: looked up only when a ledger exists at `--db`.
struct WalletOwners {
    private let registry: WalletRegistry?

    /// Opens the registry when the `--db` file exists; without a ledger there is nothing to look up.
    init(_ options: DatabaseOptions) throws {
        registry = options.exists ? try WalletAccess.open(options, .read) : nil
    }

    /// `record` followed by `wallet`, `chain`, `index` of the address's owner (nulls when no registered
    /// wallet owns it); unchanged when there is no ledger.
    func extend(_ record: OutputRecord, _ address: Address?) throws -> OutputRecord {
        guard let registry else { return record }
        let owner = try address.flatMap { a in try WalletAccess.run { try registry.owner(ofScriptPubKey: a.scriptPubKey) } }
        return OutputRecord(record.fields + [("wallet", owner.map { .string($0.wallet) } ?? .null),
                                             ("chain", owner.map { .int(Int64($0.chain)) } ?? .null),
                                             ("index", owner.map { .int(Int64($0.index)) } ?? .null)])
    }
}
