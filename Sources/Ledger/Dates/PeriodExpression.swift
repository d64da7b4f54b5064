import Foundation

/// `-p/--period` values, read as hledger reads its period shortcuts, plus fiscal years:
///
/// - `2026` (a calendar year), `2026-03` (a month), `2025Q3` (a calendar quarter), `2026-03-15` (a day);
/// - `FY2025-26` and `FY2025-26 Q1` (a fiscal year and its quarters, from the ledger's fiscal-year start month;
///   with a January start the year is written `FY2026`, as report labels write it);
/// - `A..B`: from the start of `A` to the end of `B`, both included (each side any of the above, or empty for an
///   open end). Unlike hledger, whose `..` end is exclusive, ours is the last day included, like `--to`.
public enum PeriodExpression {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// The span `text` names, or a `PeriodError` saying what is wrong (a reversed range included).
    public static func parse(_ text: String, fiscalYearStart: Int) throws -> DateSpan {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw PeriodError.malformed(text, reason: "empty") }
        if let range = trimmed.range(of: "..") {
            let left = String(trimmed[..<range.lowerBound]), right = String(trimmed[range.upperBound...])
            guard !right.contains("..") else { throw PeriodError.malformed(text, reason: "more than one \"..\"") }
            let a = left.trimmingCharacters(in: .whitespaces), b = right.trimmingCharacters(in: .whitespaces)
            let first = a.isEmpty ? nil : try single(a, whole: text, fiscalYearStart: fiscalYearStart).first
            let last = b.isEmpty ? nil : try single(b, whole: text, fiscalYearStart: fiscalYearStart).last
            return try DateSpan(first: first, last: last)
        }
        return try single(trimmed, whole: text, fiscalYearStart: fiscalYearStart)
    }

    /// One period (no `..`): always closed at both ends.
    static func single(_ s: String, whole: String, fiscalYearStart start: Int) throws -> DateSpan {
        let upper = s.uppercased()
        func bad(_ reason: String) -> PeriodError { .malformed(whole, reason: reason) }
        let expected = "expected 2026, 2026-03, 2025Q3, 2026-03-15, FY2025-26, FY2025-26 Q1 or A..B"
        if upper.hasPrefix("FY") { return try fiscal(String(upper.dropFirst(2)), whole: whole, start: start) }
        let digits = Array(upper.utf8)
        func number(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= digits.count else { return nil }
            var v = 0
            for i in r {
                guard (48...57).contains(digits[i]) else { return nil }
                v = v * 10 + Int(digits[i] - 48)
            }
            return v
        }
        guard let year = number(0..<4), year >= 1 else { throw bad(expected) }
        switch digits.count {
        case 4:
            return DateSpan(LedgerDate(year: year, month: 1, day: 1)!, LedgerDate(year: year, month: 12, day: 31)!)
        case 6 where digits[4] == UInt8(ascii: "Q"):
            guard let q = number(5..<6), (1...4).contains(q) else { throw bad("a quarter is Q1 to Q4") }
            return try months(year: year, month: 3 * q - 2, count: 3, whole: whole)
        case 7 where digits[4] == UInt8(ascii: "-"):
            guard let m = number(5..<7), (1...12).contains(m) else { throw bad("month must be 01 to 12") }
            return try months(year: year, month: m, count: 1, whole: whole)
        case 10:
            guard let d = try? LedgerDate(s) else { throw bad("not an existing date (YYYY-MM-DD)") }
            return DateSpan(d, d)
        default:
            throw bad(expected)
        }
    }

    /// `count` months from `year`-`month` (month may pass 12: it continues into the next year).
    static func months(year: Int, month: Int, count: Int, whole: String) throws -> DateSpan {
        let startYear = year + (month - 1) / 12, startMonth = (month - 1) % 12 + 1
        let endIndex = month - 1 + count - 1
        let endYear = year + endIndex / 12, endMonth = endIndex % 12 + 1
        guard let a = LedgerDate(year: startYear, month: startMonth, day: 1),
              let b = LedgerDate(year: endYear, month: endMonth, day: LedgerDate.daysIn(month: endMonth, year: endYear))
        else { throw PeriodError.malformed(whole, reason: "outside the years 1 to 9999") }
        return DateSpan(a, b)
    }

    /// After `FY`: `2025-26`, `2025-2026` or (January start) `2026`, then optionally ` Q1`…` Q4`.
    static func fiscal(_ rest: String, whole: String, start: Int) throws -> DateSpan {
        func bad(_ reason: String) -> PeriodError { .malformed(whole, reason: reason) }
        var body = rest
        var quarter: Int?
        if let q = body.lastIndex(of: "Q") {
            let tail = body[body.index(after: q)...]
            guard tail.count == 1, let n = Int(tail), (1...4).contains(n) else { throw bad("a quarter is Q1 to Q4") }
            quarter = n
            body = String(body[..<q]).trimmingCharacters(in: .whitespaces)
        }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts[0].count == 4, let first = Int(parts[0]), first >= 1,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            throw bad("a fiscal year is written FY2025-26 (or FY2026 when it starts in January)")
        }
        let startName = monthNames[start - 1]
        let year: Int
        switch parts.count {
        case 1:
            guard start == 1 else {
                throw bad("this ledger's fiscal year starts in \(startName): write FY\(first - 1)-\(twoDigits(first)) "
                          + "or FY\(first)-\(twoDigits(first + 1))")
            }
            year = first
        case 2:
            let second = parts[1]
            let follows = (second.count == 2 && Int(second) == (first + 1) % 100) || (second.count == 4 && Int(second) == first + 1)
            guard follows else { throw bad("the second year must follow the first (FY\(first)-\(twoDigits(first + 1)))") }
            guard start != 1 else {
                throw bad("this ledger's fiscal year starts in January: write FY\(first) or FY\(first + 1)")
            }
            year = first
        default:
            throw bad("a fiscal year is written FY2025-26 (or FY2026 when it starts in January)")
        }
        if let quarter { return try months(year: year, month: start + 3 * (quarter - 1), count: 3, whole: whole) }
        return try months(year: year, month: start, count: 12, whole: whole)
    }

    static func twoDigits(_ year: Int) -> String {
        let s = String(year % 100)
        return s.count == 1 ? "0" + s : s
    }
}
