/// Why a descriptor was refused, and where: `position` is the 0-based character offset in the input.
public struct DescriptorError: Error, Equatable, CustomStringConvertible {
    public let position: Int
    public let reason: Reason

    public init(_ reason: Reason, at position: Int) {
        self.position = position
        self.reason = reason
    }

    public var description: String { "descriptor position \(position): \(reason)" }

    /// The specific problem.
    public enum Reason: Equatable, Sendable, CustomStringConvertible {
        case invalidCharacter(String)
        /// `#` followed by nothing, or a checksum that is not 8 characters.
        case malformedChecksum(String)
        case badChecksum(expected: String, found: String)
        case missingChecksum
        /// The parser needed one thing and found another (`expected ')'`).
        case expected(String, found: String)
        case unknownFunction(String)
        /// A function this tool knows of but does not derive (combo, multi_a, miniscript, …).
        case unsupported(String, why: String)
        /// A function in a place its BIP forbids (`sh()` inside `sh()`, `wpkh()` inside `wsh()`, …).
        case notAllowedHere(String, context: String)
        /// A key that is well formed but not valid in this context (uncompressed under segwit, x-only outside tr).
        case keyNotValidHere(String)
        case invalidKey(String)
        /// A private key (WIF or extended); this tool is watch-only.
        case privateKey(String)
        case invalidKeyOrigin(String)
        case invalidPath(String)
        case invalidThreshold(String)
        case tooManyKeys(String)
        /// Keys from mainnet and testnet extended keys (or addresses) in one descriptor.
        case mixedNetworks(String)
        case multipathMismatch(String)
        case invalidHex(String)
        case invalidAddress(String)
        case trailingCharacters(String)

        public var description: String {
            switch self {
            case .invalidCharacter(let c): return "invalid character \(Echo.value(c)) (not allowed in descriptors)"
            case .malformedChecksum(let s): return "malformed checksum '\(Echo.value(s))' (expected 8 characters after '#')"
            case .badChecksum(let e, let f): return "bad checksum #\(Echo.value(f)) (expected #\(e))"
            case .missingChecksum: return "missing checksum"
            case .expected(let what, let found): return "expected \(what), found \(Echo.value(found))"
            case .unknownFunction(let f): return "unknown function \(Echo.value(f))()"
            case .unsupported(let f, let why): return "unsupported: \(f) (\(why))"
            case .notAllowedHere(let f, let ctx): return "\(f)() is not allowed \(ctx)"
            case .keyNotValidHere(let why): return "key not valid for this context: \(why)"
            case .invalidKey(let why): return "invalid key: \(why)"
            case .privateKey(let why): return why
            case .invalidKeyOrigin(let why): return "invalid key origin: \(why)"
            case .invalidPath(let why): return "invalid derivation: \(why)"
            case .invalidThreshold(let why): return "invalid threshold: \(why)"
            case .tooManyKeys(let why): return "too many keys: \(why)"
            case .mixedNetworks(let why): return "mixed networks: \(why)"
            case .multipathMismatch(let why): return "multipath: \(why)"
            case .invalidHex(let why): return "invalid hex: \(why)"
            case .invalidAddress(let why): return "invalid address: \(why)"
            case .trailingCharacters(let s): return "unexpected characters after the descriptor: '\(Echo.value(s))'"
            }
        }
    }
}
