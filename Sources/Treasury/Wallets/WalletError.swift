import Bitcoin

/// Why the wallet registry refused an operation.
public enum WalletError: Error, Equatable, CustomStringConvertible {
    case invalidName(String)
    case duplicateName(String)
    case unknownWallet(String)
    case descriptor(option: String, DescriptorError)
    /// The descriptor's keys belong to another network than the ledger's.
    case networkMismatch(descriptor: String, ledger: Network)
    case changeGivenTwice
    case tooManyBranches(Int)
    case invalidGapLimit(Int)
    /// `--key-names` must name every key of the descriptor, in its order.
    case keyNameCount(given: Int, keys: Int)
    case invalidKeyName(String)
    /// An address of the new wallet already belongs to a registered wallet.
    case addressTaken(address: String, wallet: String)
    case derivation(String)
    case database(String)

    public var description: String {
        switch self {
        case .invalidName(let n):
            return "wallet name \"\(n)\" must match [A-Za-z0-9][A-Za-z0-9-]* (at most 64 characters): it names the account Assets:Reserve:<name>"
        case .duplicateName(let n): return "wallet \(n) already exists"
        case .unknownWallet(let n): return "no wallet named \(n) (see `reserve wallet list`)"
        case .descriptor(let option, let e): return "--\(option.replacingOccurrences(of: " ", with: "-")): \(e)"
        case .networkMismatch(let d, let ledger):
            return "mixed networks: the descriptor's keys are \(d) but the ledger's network is \(ledger.rawValue) (reserve init --network)"
        case .changeGivenTwice: return "--change-descriptor given, but --descriptor already has a <0;1> change branch"
        case .tooManyBranches(let n): return "the descriptor has \(n) multipath branches; a wallet takes <receive;change> (2)"
        case .invalidGapLimit(let n): return "--gap-limit \(n) must be between 1 and 10000"
        case .keyNameCount(let g, let k): return "--key-names gives \(g) name\(g == 1 ? "" : "s") for a descriptor of \(k) key\(k == 1 ? "" : "s") (one per key, in descriptor order)"
        case .invalidKeyName(let n): return "--key-names: \"\(Echo.value(n))\" is not a name (empty or with control characters)"
        case .addressTaken(let a, let w): return "address \(a) already belongs to wallet \(w)"
        case .derivation(let why): return "derivation failed: \(why)"
        case .database(let why): return "database: \(why)"
        }
    }
}
