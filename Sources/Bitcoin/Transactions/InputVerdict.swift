/// The kinds of spent output whose inputs ``InputVerifier`` checks.
public enum SpendKind: String, Sendable, Hashable, CaseIterable {
    case p2pkh
    case p2wpkh
    case p2shP2wpkh = "p2sh-p2wpkh"
    /// P2WSH of a bare `multi`/`sortedmulti` script.
    case p2wsh
    /// P2SH-wrapped P2WSH of a bare `multi`/`sortedmulti` script.
    case p2shP2wsh = "p2sh-p2wsh"
    /// Taproot key path (BIP-341).
    case p2tr

    /// Whether the input is an m-of-n CHECKMULTISIG.
    public var isMultisig: Bool { self == .p2wsh || self == .p2shP2wsh }
}

/// One signature that verified: which key (index in script order) made it, and its hash type.
public struct InputSignature: Sendable, Hashable {
    /// Index of the key in the script (0 for single-key outputs).
    public let keyIndex: Int
    /// The key as the script or witness holds it (SEC, or the x-only output key for P2TR).
    public let publicKey: [UInt8]
    public let hashType: SighashType

    public init(keyIndex: Int, publicKey: [UInt8], hashType: SighashType) {
        self.keyIndex = keyIndex
        self.publicKey = publicKey
        self.hashType = hashType
    }
}

/// An input whose signatures were checked and verify.
public struct VerifiedInput: Sendable, Hashable {
    public let kind: SpendKind
    /// Signatures required (1 except for multisig).
    public let threshold: Int
    /// Every key of the script, in script order (one for single-key outputs).
    public let keys: [[UInt8]]
    /// The signatures, in the order they matched keys.
    public let signatures: [InputSignature]

    public init(kind: SpendKind, threshold: Int, keys: [[UInt8]], signatures: [InputSignature]) {
        self.kind = kind
        self.threshold = threshold
        self.keys = keys
        self.signatures = signatures
    }

    /// Indexes (in script order) of the keys that signed.
    public var signerIndexes: [Int] { signatures.map(\.keyIndex) }

    /// Hash types other than ALL (or BIP-341 DEFAULT): they let others change the transaction after signing.
    public var permissiveHashTypes: [SighashType] {
        var seen: [SighashType] = []
        for s in signatures where !s.hashType.commitsToAll && !seen.contains(s.hashType) { seen.append(s.hashType) }
        return seen
    }
}

/// What checking one input found. Never `valid` unless every signature the script needs was checked.
public enum InputVerdict: Sendable, Hashable, CustomStringConvertible {
    case valid(VerifiedInput)
    /// The input fails Bitcoin Core's consensus or standardness rules, for this reason.
    case invalid(String)
    /// The spent script is of a kind this verifier cannot check (so the input is not proven).
    case unsupported(String)

    public var isValid: Bool {
        if case .valid = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .valid(let v): return "valid \(v.kind.rawValue), signed by key\(v.signatures.count == 1 ? "" : "s") \(v.signerIndexes.map { String($0 + 1) }.joined(separator: ","))"
        case .invalid(let reason): return "invalid: \(reason)"
        case .unsupported(let reason): return "unsupported: \(reason)"
        }
    }
}

extension SighashType {
    /// Whether the signature commits to every input and output: ALL, or BIP-341 DEFAULT.
    public var commitsToAll: Bool { self == .all || self == .default }

    /// The type's name as Bitcoin Core writes it: `ALL`, `NONE|ANYONECANPAY`, `DEFAULT`…
    public var name: String {
        if self == .default { return "DEFAULT" }
        let base: String
        switch rawValue & 0x7f {
        case 1: base = "ALL"
        case 2: base = "NONE"
        case 3: base = "SINGLE"
        default: return description
        }
        return anyoneCanPay ? base + "|ANYONECANPAY" : base
    }
}
