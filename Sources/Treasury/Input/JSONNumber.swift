import Bitcoin

/// Exact conversion of JSON number tokens to integer minor units (no `Double` on the way).
public enum JSONNumber {
    /// The token's value times 10^`scale`, exactly: `0.00012345` at scale 8 is 12345. Exponents are applied to the
    /// digits (`1e-05` is 1000 at scale 8); a value needing more than `scale` decimals, or outside `Int64`, is an error.
    public static func minorUnits(_ token: String, scale: Int) throws(FieldError) -> Int64 {
        var b = Array(token.utf8)
        var negative = false
        if b.first == UInt8(ascii: "-") { negative = true; b.removeFirst() }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var i = 0
        var seenPoint = false
        while i < b.count, b[i] != UInt8(ascii: "e"), b[i] != UInt8(ascii: "E") {
            if b[i] == UInt8(ascii: ".") { seenPoint = true } else {
                guard (0x30...0x39).contains(b[i]) else { throw FieldError("invalid number \(Echo.value(token))") }
                digits.append(b[i] - 0x30)
                if seenPoint { fractionDigits += 1 }
            }
            i += 1
        }
        guard !digits.isEmpty else { throw FieldError("invalid number \(Echo.value(token))") }
        var exponent = 0
        if i < b.count {
            i += 1
            var sign = 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                if b[i] == UInt8(ascii: "-") { sign = -1 }
                i += 1
            }
            guard i < b.count else { throw FieldError("invalid number \(Echo.value(token))") }
            while i < b.count {
                guard (0x30...0x39).contains(b[i]) else { throw FieldError("invalid number \(Echo.value(token))") }
                exponent = min(exponent * 10 + Int(b[i] - 0x30), 10_000)
                i += 1
            }
            exponent *= sign
        }
        // value = digits × 10^(exponent − fractionDigits); scaled: × 10^scale.
        let shift = exponent - fractionDigits + scale
        if shift < 0 {
            let dropped = digits.suffix(min(-shift, digits.count))
            guard dropped.allSatisfy({ $0 == 0 }) else {
                throw FieldError("\(Echo.value(token)) has more than \(scale) decimals")
            }
            digits.removeLast(min(-shift, digits.count))
        }
        var value: Int64 = 0
        let tooLarge = FieldError("\(Echo.value(token)) is too large")
        for d in digits {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { throw tooLarge }
            value = s
        }
        if shift > 0, value != 0 {
            for _ in 0..<shift {
                let (m, o) = value.multipliedReportingOverflow(by: 10)
                guard !o else { throw tooLarge }
                value = m
            }
        }
        return negative ? -value : value
    }
}
