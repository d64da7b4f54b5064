import Ledger

/// A record's canonical text (what its content hash covers) or key, written as UTF-8 into one buffer (a payout's key
/// and text share one): the same bytes as the string interpolation it replaces, without building Strings on the way.
struct CanonicalText {
    private(set) var bytes: [UInt8] = []

    /// Empties the text, keeping the buffer.
    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Literal text (a literal argument picks this overload only when the String one has a label).
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(contentsOf text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Decimal digits, with a minus sign when negative (as `"\(value)"` writes them), appended in one copy.
    mutating func append(_ value: Int64) {
        withDecimalDigits(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Lowercase hex of `data` (as `Hex.encode` writes it).
    mutating func appendHex(_ data: [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        bytes.reserveCapacity(bytes.count + 2 * data.count)
        for b in data {
            bytes.append(digits.utf8Start[Int(b >> 4)])
            bytes.append(digits.utf8Start[Int(b & 0x0F)])
        }
    }

    /// The canonical form of a timestamp (its `description`).
    mutating func append(_ timestamp: ISOTimestamp) {
        timestamp.appendCanonical(to: &bytes)
    }
}
