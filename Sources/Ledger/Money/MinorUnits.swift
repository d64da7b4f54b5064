/// Exact conversion between decimal text and integer minor units (satoshis, paisa, cents).
///
/// `MinorUnits.parse("0.00012345", scale: 8)` is `12345`; `MinorUnits.format(12345, scale: 8)` is
/// `"0.00012345"`. Nothing goes through `Double` or `Decimal`.
public enum MinorUnits {
    /// Largest supported scale: 10^18 still fits in Int64.
    public static let maxScale = 18

    /// 10^scale, for scale in 0...18.
    public static func factor(scale: Int) throws -> Int64 {
        guard (0...maxScale).contains(scale) else { throw MoneyError.invalidScale(scale) }
        var f: Int64 = 1
        for _ in 0..<scale { f *= 10 }
        return f
    }

    /// Parses plain decimal text ("12", "0.5", "-3.25" when signed) into minor units at `scale`.
    ///
    /// Refuses, with a precise `MoneyError`: empty text, more decimals than `scale`, exponents,
    /// thousands separators, a sign unless `allowSign`, digits missing around the point, any other
    /// character (including spaces), and values beyond Int64.
    public static func parse(_ text: String, scale: Int, allowSign: Bool = false) throws -> Int64 {
        guard (0...maxScale).contains(scale) else { throw MoneyError.invalidScale(scale) }
        var utf8 = text
        return try utf8.withUTF8 { try parse(bytes: $0, of: text, scale: scale, allowSign: allowSign) }
    }

    /// `parse(_:scale:allowSign:)` over the text's UTF-8 in place (no copy per amount); `text` is for messages.
    private static func parse(bytes: UnsafeBufferPointer<UInt8>, of text: String, scale: Int, allowSign: Bool) throws -> Int64 {
        guard !bytes.isEmpty else { throw MoneyError.empty }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            guard allowSign else { throw MoneyError.signNotAllowed(text: text) }
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
            guard bytes.count > 1 else { throw MoneyError.empty }
        }
        var integerDigits = 0
        var fractionDigits = 0
        var sawPoint = false
        // Accumulate the magnitude as a negative number so Int64.min parses.
        var accumulator: Int64 = 0
        var overflowed = false
        let digitsStart = index
        while index < bytes.count {
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint {
                    fractionDigits += 1
                    if fractionDigits > scale {
                        throw MoneyError.tooManyDecimals(found: countFraction(bytes, from: index), scale: scale, text: text)
                    }
                } else {
                    integerDigits += 1
                }
                let (m, o1) = accumulator.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.subtractingReportingOverflow(Int64(b - UInt8(ascii: "0")))
                overflowed = overflowed || o1 || o2
                accumulator = s
            case UInt8(ascii: "."):
                if sawPoint { throw MoneyError.invalidCharacter(".", offset: offset(of: index, in: text), text: text) }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                throw MoneyError.exponent(text: text)
            case UInt8(ascii: ","), UInt8(ascii: "_"), UInt8(ascii: "'"):
                throw MoneyError.thousandsSeparator(offset: offset(of: index, in: text), text: text)
            case UInt8(ascii: " ") where index > digitsStart && index + 1 < bytes.count && isDigit(bytes[index + 1]):
                throw MoneyError.thousandsSeparator(offset: offset(of: index, in: text), text: text)
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                throw MoneyError.invalidCharacter(Character(Unicode.Scalar(b)), offset: offset(of: index, in: text), text: text)
            default:
                let position = offset(of: index, in: text)
                let character = Array(text)[position]
                throw MoneyError.invalidCharacter(character, offset: position, text: text)
            }
            index += 1
        }
        if integerDigits == 0 && fractionDigits == 0 && !sawPoint { throw MoneyError.empty }
        if integerDigits == 0 || (sawPoint && fractionDigits == 0) { throw MoneyError.missingDigits(text: text) }
        if overflowed { throw MoneyError.overflow(text: text) }
        for _ in fractionDigits..<scale {
            let (m, o) = accumulator.multipliedReportingOverflow(by: 10)
            if o { throw MoneyError.overflow(text: text) }
            accumulator = m
        }
        if negative { return accumulator }
        guard accumulator != Int64.min else { throw MoneyError.overflow(text: text) }
        return -accumulator
    }

    /// Formats minor units as plain decimal text with exactly `scale` decimals ("-0.00012345").
    /// With `grouping`, integer digits are grouped by three ("1,234,567.00").
    public static func format(_ units: Int64, scale: Int, grouping: Character? = nil) -> String {
        let scale = min(max(scale, 0), maxScale)
        var digits = String(units.magnitude)
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale - digits.count + 1) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        var integer = String(digits[..<split])
        let fraction = digits[split...]
        if let grouping, integer.count > 3 {
            var grouped = ""
            for (i, c) in integer.enumerated() {
                if i > 0 && (integer.count - i) % 3 == 0 { grouped.append(grouping) }
                grouped.append(c)
            }
            integer = grouped
        }
        let sign = units < 0 ? "-" : ""
        return scale == 0 ? sign + integer : sign + integer + "." + fraction
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private static func countFraction(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var point = start
        while point > 0 && bytes[point] != UInt8(ascii: ".") { point -= 1 }
        var n = 0
        var i = point + 1
        while i < bytes.count && isDigit(bytes[i]) { n += 1; i += 1 }
        return n
    }

    /// Character offset of a UTF-8 byte index (the error names characters, not bytes).
    private static func offset(of byteIndex: Int, in text: String) -> Int {
        let utf8 = text.utf8
        let target = utf8.index(utf8.startIndex, offsetBy: byteIndex)
        return text.distance(from: text.startIndex, to: target)
    }
}
