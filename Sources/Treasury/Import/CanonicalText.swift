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

    /// Decimal digits, with a minus sign when negative (as `"\(value)"` writes them).
    mutating func append(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var width = 1
        while magnitude >= 10 {
            magnitude /= 10
            width += 1
        }
        magnitude = value.magnitude
        let end = bytes.count + width
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        bytes.withUnsafeMutableBufferPointer { out in
            for i in stride(from: end - 1, through: end - width, by: -1) {
                out[i] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
                magnitude /= 10
            }
        }
    }

    /// The canonical form of a timestamp (its `description`).
    mutating func append(_ timestamp: ISOTimestamp) {
        timestamp.appendCanonical(to: &bytes)
    }
}
