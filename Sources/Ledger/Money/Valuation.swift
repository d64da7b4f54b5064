/// Valuation of an amount at a price, exactly: `amount * price / 10^amountScale`, in Int128,
/// rounded half to even.
///
/// 12,345 sats at 2,850,000,000 PKR paisa per BTC: 12345 * 2850000000 / 10^8 = 351,832.5 → 351,832 paisa.
public enum Valuation {
    /// The value, in the price's minor units, of `amount` (minor units at `amountScale`) at `price`
    /// (price minor units per one whole unit of the amount's commodity).
    public static func value(amount: Int64, price: Int64, amountScale: Int) throws -> Int64 {
        let divisor = Int128(try MinorUnits.factor(scale: amountScale))
        let product = Int128(amount) * Int128(price)
        return try narrow(roundHalfEven(product, divisor), operation: "valuation of \(amount) at \(price)")
    }

    /// `numerator / divisor` (divisor > 0) rounded half to even, symmetric around zero.
    public static func roundHalfEven(_ numerator: Int128, _ divisor: Int128) -> Int128 {
        let quotient = numerator / divisor
        let remainder = numerator % divisor
        let twice = remainder.magnitude * 2
        let d = divisor.magnitude
        let away = twice > d || (twice == d && quotient % 2 != 0)
        guard away else { return quotient }
        return numerator < 0 ? quotient - 1 : quotient + 1
    }

    /// Converts to Int64 or throws `arithmeticOverflow` (the description is built only then).
    static func narrow(_ value: Int128, operation: @autoclosure () -> String) throws -> Int64 {
        guard let result = Int64(exactly: value) else { throw MoneyError.arithmeticOverflow(operation: operation()) }
        return result
    }
}

/// Checked Int64 arithmetic on money.
public enum MoneyMath {
    /// `a + b`, or `arithmeticOverflow`.
    public static func add(_ a: Int64, _ b: Int64, _ operation: @autoclosure () -> String = "sum") throws -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw MoneyError.arithmeticOverflow(operation: operation()) }
        return r
    }

    /// `-a`, or `arithmeticOverflow` for Int64.min.
    public static func negate(_ a: Int64) throws -> Int64 {
        guard a != Int64.min else { throw MoneyError.arithmeticOverflow(operation: "negation") }
        return -a
    }
}
