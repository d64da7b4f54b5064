/// A record's canonical text (what its content hash covers) or key written as UTF-8 into a buffer kept from
/// record to record: the same bytes as the string interpolation it replaces, without building Strings on the way.
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

    /// Decimal digits, with a minus sign when negative (as `"\(value)"` writes them), formed on the stack and
    /// appended in one copy.
    mutating func append(_ value: Int64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            var magnitude = value.magnitude
            repeat {
                i -= 1
                buffer[i] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { i -= 1; buffer[i] = UInt8(ascii: "-") }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// The canonical form of a timestamp (its `description`).
    mutating func append(_ timestamp: ISOTimestamp) {
        timestamp.appendCanonical(to: &bytes)
    }
}
