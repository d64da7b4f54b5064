/// A signature hash type: which parts of the transaction a signature commits to.
public struct SighashType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// BIP-341 only: commits like ALL; the signature is 64 bytes with no type byte.
    public static let `default` = SighashType(rawValue: 0x00)
    public static let all = SighashType(rawValue: 0x01)
    public static let none = SighashType(rawValue: 0x02)
    public static let single = SighashType(rawValue: 0x03)
    public static let allAnyoneCanPay = SighashType(rawValue: 0x81)
    public static let noneAnyoneCanPay = SighashType(rawValue: 0x82)
    public static let singleAnyoneCanPay = SighashType(rawValue: 0x83)

    /// The output mode: 1 all, 2 none, 3 single (0 is treated as all).
    var outputMode: UInt8 { rawValue & 0x03 }
    var anyoneCanPay: Bool { rawValue & 0x80 != 0 }
    var isSingle: Bool { outputMode == 3 }
    var isNone: Bool { outputMode == 2 }

    /// Whether ECDSA signatures may use this type under standardness (STRICTENC): 1–3 with optional 0x80.
    public var isDefinedForECDSA: Bool { (1...3).contains(rawValue & 0x7f) && rawValue & 0x7c == 0 }

    /// Whether BIP-341 defines this type: 0x00–0x03 and 0x81–0x83.
    public var isDefinedForTaproot: Bool { [0x00, 0x01, 0x02, 0x03, 0x81, 0x82, 0x83].contains(rawValue) }

    public var description: String { "0x" + Hex.encode([rawValue]) }
}

/// Why a signature hash cannot be computed.
public enum SighashError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input index is not an input of the transaction.
    case inputIndexOutOfRange(Int, inputs: Int)
    /// BIP-341 needs one spent output per input.
    case prevoutCount(given: Int, inputs: Int)
    /// The hash type is not defined for this signature version.
    case undefinedHashType(SighashType)
    /// SIGHASH_SINGLE on an input with no output at the same index (BIP-341 forbids it).
    case singleWithoutOutput(input: Int)

    public var description: String {
        switch self {
        case .inputIndexOutOfRange(let i, let n): return "input index \(i) but the transaction has \(n) inputs"
        case .prevoutCount(let g, let n): return "\(g) spent outputs given for \(n) inputs"
        case .undefinedHashType(let t): return "undefined signature hash type \(t)"
        case .singleWithoutOutput(let i): return "SIGHASH_SINGLE on input \(i) with no matching output"
        }
    }
}
