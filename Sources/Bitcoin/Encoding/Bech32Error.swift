/// Why Bech32 or Bech32m text was refused (BIP-173, BIP-350).
public enum Bech32Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// Longer than the 90 characters Bech32 allows.
    case tooLong(Int)
    /// A character outside printable ASCII, or outside the Bech32 alphabet in the data part; counted from 1.
    case invalidCharacter(String, position: Int)
    /// Upper and lower case mixed (a whole string in either case is fine).
    case mixedCase
    /// No '1' separates the human-readable prefix from the data.
    case missingSeparator
    /// Nothing before the '1' separator.
    case emptyPrefix
    /// Fewer than the 6 checksum characters after the separator.
    case checksumTooShort(Int)
    /// Neither the Bech32 nor the Bech32m checksum matches (a typo or a truncated copy).
    case checksumMismatch
    /// Regrouping bits left more than 4 bits of padding, or padding that is not zero.
    case invalidPadding
    /// A value does not fit in the group width being converted from.
    case valueOutOfRange(UInt8, bits: Int)

    public var description: String {
        switch self {
        case .tooLong(let n): return "\(n) characters, more than the 90 Bech32 allows"
        case .invalidCharacter(let c, let p): return "invalid character \(Bech32Error.show(c)) at position \(p)"
        case .mixedCase: return "mixed upper and lower case"
        case .missingSeparator: return "no '1' separator between prefix and data"
        case .emptyPrefix: return "empty prefix before the '1' separator"
        case .checksumTooShort(let n): return "only \(n) characters after the separator (a checksum needs 6)"
        case .checksumMismatch: return "checksum mismatch (mistyped or truncated)"
        case .invalidPadding: return "invalid padding in the data part"
        case .valueOutOfRange(let v, let bits): return "value \(v) does not fit in \(bits) bits"
        }
    }

    /// A character quoted for a message; control and non-ASCII characters as their U+ code point.
    static func show(_ c: String) -> String {
        guard let u = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return "'\(c)'" }
        if u.value >= 0x21 && u.value < 0x7F { return "'\(c)'" }
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
