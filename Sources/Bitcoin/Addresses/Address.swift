/// A Bitcoin address: what it pays to and the networks its text fits. Parsing checks the encoding only;
/// the network stays unchecked until the caller calls ``require(_:)``.
public struct Address: Hashable, Sendable, CustomStringConvertible {
    /// What the address pays to.
    public let payload: AddressPayload
    /// The networks the text fits: `tb1…` fits test and signet; `m…`, `n…`, `2…` also regtest.
    public let networks: NetworkSet

    /// An address for `payload`, fitting `networks` (every network unless told).
    public init(payload: AddressPayload, networks: NetworkSet = .all) {
        self.payload = payload
        self.networks = networks
    }

    /// The network the text reads as: main, test (which covers signet, and regtest for Base58), or regtest.
    public var network: Network {
        if networks.contains(.main) { return .main }
        if networks.contains(.test) { return .test }
        if networks.contains(.signet) { return .signet }
        return .regtest
    }

    /// The output script this address pays to.
    public var scriptPubKey: [UInt8] { payload.scriptPubKey }

    /// The output type.
    public var type: AddressType { payload.type }

    /// Whether the text fits `network`.
    public func fits(_ network: Network) -> Bool { networks.contains(network) }

    /// Throws ``AddressError/wrongNetwork(expected:got:)`` unless the text fits `network`.
    public func require(_ network: Network) throws(AddressError) {
        guard networks.contains(network) else { throw .wrongNetwork(expected: network, got: self.network) }
    }

    /// The address text on `network`: Base58Check for P2PKH and P2SH, Bech32 for witness v0, Bech32m for v1+.
    public func encoded(for network: Network) -> String {
        switch payload {
        case .p2pkh(let hash):
            return Base58Check.encode([network.p2pkhVersion] + hash)
        case .p2sh(let hash):
            return Base58Check.encode([network.p2shVersion] + hash)
        case .witness(let version, let program):
            return Bech32.encode(hrp: network.bech32HRP, data5: [UInt8(version)] + Address.regroup8to5(program),
                                 variant: version == 0 ? .bech32 : .bech32m)
        }
    }

    public var description: String { encoded(for: network) }

    /// Reads an address (Base58Check P2PKH/P2SH, or Bech32/Bech32m segwit) and checks its encoding,
    /// version and program length. Private keys and extended keys are recognised and refused.
    public static func parse(_ text: String) throws(AddressError) -> Address {
        var text = text
        let result: Result<Address, AddressError> = text.withUTF8 { utf8 in
            Result { () throws(AddressError) in try parse(utf8: utf8) }
        }
        return try result.get()
    }

    /// Reads an address and requires it to fit `network` (what booking to a ledger's network needs).
    public static func parse(_ text: String, network: Network) throws(AddressError) -> Address {
        let address = try parse(text)
        try address.require(network)
        return address
    }

    /// ``parse(_:)`` over UTF-8 bytes.
    public static func parse(utf8: UnsafeBufferPointer<UInt8>) throws(AddressError) -> Address {
        guard !utf8.isEmpty else { throw .empty }
        if let networks = segwitNetworks(utf8) {
            if let address = fastSegwit(utf8, networks: networks) { return address }
            return try parseSegwit(utf8, networks: networks)
        }
        return try parseBase58(utf8)
    }
}
