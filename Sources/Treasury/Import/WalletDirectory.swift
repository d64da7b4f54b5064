/// Which reserve wallet an output script belongs to (the wallet registry answers with one indexed lookup).
public protocol WalletDirectory {
    /// The name of the registered wallet owning `scriptPubKey`, or nil when it is not the reserve's.
    func wallet(owning scriptPubKey: [UInt8]) throws -> String?
}

/// A fixed script → wallet map (tests, benchmarks, and the in-memory view of a registry).
public struct StaticWalletDirectory: WalletDirectory {
    private let owners: [[UInt8]: String]
    public init(_ owners: [[UInt8]: String]) { self.owners = owners }
    public func wallet(owning scriptPubKey: [UInt8]) throws -> String? { owners[scriptPubKey] }
}
