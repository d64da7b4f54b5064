import Bitcoin

/// A registered watch-only wallet: its descriptors, network and gap limit.
public struct Wallet: Sendable, Hashable {
    public let id: Int64
    public let name: String
    public let network: Network
    /// Normal form with checksum; a `<0;1>` multipath descriptor gives both chains.
    public let descriptor: String
    /// The change chain's descriptor when the receive descriptor has no multipath step.
    public let changeDescriptor: String?
    public let gapLimit: Int

    /// The ledger account that holds this wallet's coins.
    public var account: String { "Assets:Reserve:" + (name.first.map { $0.uppercased() + name.dropFirst() } ?? name) }

    /// The descriptor of `chain` (0 receive, 1 change), nil when the wallet has no change chain.
    public func descriptor(chain: Int) throws(WalletError) -> Descriptor? {
        let receive = try Self.parse(descriptor, option: "descriptor")
        if chain == 0 { return receive.branch(0) }
        if receive.branchCount >= 2 { return receive.branch(1) }
        return try changeDescriptor.map { (text) throws(WalletError) in try Self.parse(text, option: "change descriptor") }
    }

    static func parse(_ text: String, option: String) throws(WalletError) -> Descriptor {
        do { return try Descriptor(descriptorOrKey: text) } catch { throw .descriptor(option: option, error) }
    }
}

/// One derived address of a wallet.
public struct WalletAddress: Sendable, Hashable {
    public let wallet: String
    /// 0 receive, 1 change.
    public let chain: Int
    public let index: UInt32
    /// Nil for scripts without an address form (bare `pk`, `multi`, `raw`).
    public let address: String?
    public let scriptPubKey: [UInt8]
    public let used: Bool
}
