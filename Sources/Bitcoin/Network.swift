/// A Bitcoin network. `test` covers testnet3 and testnet4, which share every prefix.
public enum Network: String, CaseIterable, Sendable {
    case main, test, signet, regtest

    /// Parses a network name: `main`, `test`, `signet`, `regtest`, or the aliases `mainnet`, `bitcoin`,
    /// `testnet`, `testnet3`, `testnet4` (any case). Nil for anything else.
    public init?(name: String) {
        switch name.lowercased() {
        case "main", "mainnet", "bitcoin": self = .main
        case "test", "testnet", "testnet3", "testnet4": self = .test
        case "signet": self = .signet
        case "regtest": self = .regtest
        default: return nil
        }
    }

    /// Base58Check version byte of P2PKH addresses (`1…` on main, `m…`/`n…` elsewhere).
    public var p2pkhVersion: UInt8 { self == .main ? 0x00 : 0x6F }

    /// Base58Check version byte of P2SH addresses (`3…` on main, `2…` elsewhere).
    public var p2shVersion: UInt8 { self == .main ? 0x05 : 0xC4 }

    /// Human-readable prefix of segwit addresses: `bc`, `tb` (test and signet), `bcrt`.
    public var bech32HRP: String {
        switch self {
        case .main: return "bc"
        case .test, .signet: return "tb"
        case .regtest: return "bcrt"
        }
    }

    /// The names `Network(name:)` accepts, for help and error messages.
    public static let acceptedNames = "main, test, signet, regtest (or mainnet, testnet, testnet4)"
}

/// A set of networks: those an address text fits, since several networks share prefixes.
public struct NetworkSet: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set holding only `network`.
    public init(_ network: Network) {
        switch network {
        case .main: self = .main
        case .test: self = .test
        case .signet: self = .signet
        case .regtest: self = .regtest
        }
    }

    public static let main = NetworkSet(rawValue: 1)
    public static let test = NetworkSet(rawValue: 2)
    public static let signet = NetworkSet(rawValue: 4)
    public static let regtest = NetworkSet(rawValue: 8)
    public static let all: NetworkSet = [.main, .test, .signet, .regtest]

    /// Whether `network` is in the set.
    public func contains(_ network: Network) -> Bool { contains(NetworkSet(network)) }

    /// The members, in `Network.allCases` order.
    public var networks: [Network] { Network.allCases.filter { contains($0) } }

    public var description: String { networks.map(\.rawValue).joined(separator: "|") }
}
