import GRDB

/// Which reserve wallet an output script belongs to, asked inside the import's own write.
public protocol WalletDirectory {
    /// The name of the registered wallet owning `scriptPubKey`, or nil when it is not the reserve's. An output
    /// booked to the wallet follows, so the registry may mark the address used.
    func wallet(owning scriptPubKey: [UInt8], in db: Database) throws -> String?
}

/// The wallet registry of the ledger file (`reserve wallet add`): one indexed lookup per script; a hit marks the
/// address used so the registry derives ahead to keep its gap.
public struct RegisteredWallets: WalletDirectory {
    public init() {}
    public func wallet(owning scriptPubKey: [UInt8], in db: Database) throws -> String? {
        try WalletRegistry.markUsed(db, scriptPubKey: scriptPubKey)?.wallet
    }
}

/// A fixed script → wallet map (tests and benchmarks without descriptors).
public struct StaticWalletDirectory: WalletDirectory {
    private let owners: [[UInt8]: String]
    public init(_ owners: [[UInt8]: String]) { self.owners = owners }
    public func wallet(owning scriptPubKey: [UInt8], in db: Database) throws -> String? { owners[scriptPubKey] }
}
