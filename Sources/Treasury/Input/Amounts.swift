import Bitcoin
import Ledger

/// Field rules for money: exact decimal text (DESIGN.md money rules) through `MinorUnits.parse`.
public enum Amounts {
    /// The most satoshis that can exist (21 million BTC).
    public static let maxSats: Int64 = 21_000_000 * 100_000_000

    /// A BTC amount > 0 with at most 8 decimals, in satoshis.
    public static func btc(_ text: String) throws(FieldError) -> Int64 {
        let sats = try minor(text, scale: 8)
        guard sats > 0 else { throw FieldError("amount must be greater than zero, got \(Echo.value(text))") }
        guard sats <= maxSats else { throw FieldError("amount \(Echo.value(text)) exceeds 21,000,000 BTC") }
        return sats
    }

    /// A BTC amount ≥ 0 (fees), in satoshis.
    public static func btcOrZero(_ text: String) throws(FieldError) -> Int64 {
        let sats = try minor(text, scale: 8)
        guard sats <= maxSats else { throw FieldError("amount \(Echo.value(text)) exceeds 21,000,000 BTC") }
        return sats
    }

    /// An unsigned decimal amount at `scale` (≥ 0), in minor units.
    public static func minor(_ text: String, scale: Int) throws(FieldError) -> Int64 {
        do { return try MinorUnits.parse(text, scale: scale) } catch {
            // MoneyError quotes the whole text: shown bounded and without keys instead.
            guard let money = error as? MoneyError else { throw FieldError("invalid amount \(Echo.quoted(text))") }
            let shown = Echo.quoted(text)
            throw FieldError(shown == "\"\(text)\"" ? money.description
                             : money.description.replacingOccurrences(of: "\"\(text)\"", with: shown))
        }
    }

    /// An unsigned decimal amount at `scale` that must be > 0.
    public static func positive(_ text: String, scale: Int) throws(FieldError) -> Int64 {
        let v = try minor(text, scale: scale)
        guard v > 0 else { throw FieldError("amount must be greater than zero, got \(Echo.value(text))") }
        return v
    }

    /// A JSON number token of BTC (exact digits, at most 8 decimals), in satoshis, > 0.
    public static func btcJSON(_ token: String) throws(FieldError) -> Int64 {
        let sats = try JSONNumber.minorUnits(token, scale: 8)
        guard sats > 0 else { throw FieldError("amount must be greater than zero, got \(Echo.value(token))") }
        guard sats <= maxSats else { throw FieldError("amount \(Echo.value(token)) exceeds 21,000,000 BTC") }
        return sats
    }
}
