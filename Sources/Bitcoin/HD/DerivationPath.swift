/// How a hardened step was written: BIP-380 accepts both `h` and `'`, and printing keeps the input's choice.
public enum HardenedMarker: String, Sendable, Hashable {
    case h = "h"
    case apostrophe = "'"
}

/// One BIP-32 derivation step: an index below 2^31 and whether it is hardened (index + 2^31).
public struct DerivationStep: Sendable, Hashable, CustomStringConvertible {
    /// The index without the hardened bit, 0 ..< 2^31.
    public let index: UInt32
    /// The marker the step was written with; nil for a non-hardened step.
    public let hardenedMarker: HardenedMarker?

    public init(index: UInt32, hardened marker: HardenedMarker? = nil) {
        self.index = index & 0x7fff_ffff
        self.hardenedMarker = marker
    }

    public var isHardened: Bool { hardenedMarker != nil }

    /// The 32-bit child number BIP-32 serialises (hardened bit set when hardened).
    public var childNumber: UInt32 { isHardened ? index | 0x8000_0000 : index }

    public var description: String { String(index) + (hardenedMarker?.rawValue ?? "") }

    /// Parses `12`, `12h` or `12'`. Uppercase `H`, signs and indexes ≥ 2^31 are refused.
    public init(parsing text: Substring) throws(DerivationPathError) {
        var digits = text
        var marker: HardenedMarker?
        if let last = text.last, last == "h" || last == "'" {
            marker = last == "h" ? .h : .apostrophe
            digits = text.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidStep(String(text))
        }
        guard digits.count <= 10, let value = UInt64(digits), value < 0x8000_0000 else {
            throw .indexOutOfRange(String(text))
        }
        self.init(index: UInt32(value), hardened: marker)
    }
}

/// A sequence of derivation steps, printed `0h/1/2'` (no leading `m`).
public struct DerivationPath: Sendable, Hashable, CustomStringConvertible {
    public var steps: [DerivationStep]

    public init(_ steps: [DerivationStep] = []) { self.steps = steps }

    /// Parses `m/0h/1`, `0'/1` or the empty path (`m` or "").
    public init(parsing text: some StringProtocol) throws(DerivationPathError) {
        var body = Substring(text)
        if body == "m" { body = "" } else if body.hasPrefix("m/") { body = body.dropFirst(2) }
        var steps: [DerivationStep] = []
        if !body.isEmpty {
            for part in body.split(separator: "/", omittingEmptySubsequences: false) {
                guard !part.isEmpty else { throw .emptyStep }
                steps.append(try DerivationStep(parsing: part))
            }
        }
        self.steps = steps
    }

    public var description: String { steps.map(\.description).joined(separator: "/") }
}

/// Why a derivation path or step was refused.
public enum DerivationPathError: Error, Equatable, CustomStringConvertible {
    /// A step that is not a decimal index with an optional `h` or `'`.
    case invalidStep(String)
    /// An index of 2^31 or more (hardened indexes are written with a marker, not as numbers).
    case indexOutOfRange(String)
    /// Two slashes in a row, or a trailing slash.
    case emptyStep

    public var description: String {
        switch self {
        case .invalidStep(let s): return "derivation step '\(s)' is not an index with an optional h or ' hardened marker"
        case .indexOutOfRange(let s): return "derivation index '\(s)' is out of range (0 to 2147483647)"
        case .emptyStep: return "empty derivation step (double or trailing '/')"
        }
    }
}
