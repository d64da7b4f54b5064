/// Why a decimal amount was refused or an arithmetic step on money could not be done exactly.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text was empty (or only a sign).
    case empty
    /// A character that is not a digit, a sign in first position or a single decimal point.
    case invalidCharacter(Character, offset: Int, text: String)
    /// More decimals than the commodity's scale allows; never rounded.
    case tooManyDecimals(found: Int, scale: Int, text: String)
    /// Scientific notation ("1e-8") is not accepted for money.
    case exponent(text: String)
    /// Grouping separators ("1,234.50", "1_000", "1 000") are not accepted.
    case thousandsSeparator(offset: Int, text: String)
    /// A sign where the amount must be unsigned.
    case signNotAllowed(text: String)
    /// A decimal point without digits on one side (".5", "5.").
    case missingDigits(text: String)
    /// The value does not fit in Int64 minor units.
    case overflow(text: String)
    /// An arithmetic result (sum, product, valuation) does not fit in Int64.
    case arithmeticOverflow(operation: String)
    /// A scale outside 0...18.
    case invalidScale(Int)

    public var description: String {
        switch self {
        case .empty:
            return "empty amount"
        case .invalidCharacter(let c, let offset, let text):
            return "invalid character \"\(c)\" at offset \(offset) in amount \"\(text)\""
        case .tooManyDecimals(let found, let scale, let text):
            return "amount \"\(text)\" has \(found) decimals, at most \(scale) allowed"
        case .exponent(let text):
            return "amount \"\(text)\" uses an exponent; write it out in plain decimals"
        case .thousandsSeparator(let offset, let text):
            return "amount \"\(text)\" has a thousands separator at offset \(offset); write digits only"
        case .signNotAllowed(let text):
            return "amount \"\(text)\" has a sign; a positive amount without sign is required here"
        case .missingDigits(let text):
            return "amount \"\(text)\" needs digits on both sides of the decimal point"
        case .overflow(let text):
            return "amount \"\(text)\" is out of range"
        case .arithmeticOverflow(let operation):
            return "arithmetic overflow in \(operation)"
        case .invalidScale(let scale):
            return "scale \(scale) is outside 0...18"
        }
    }
}
