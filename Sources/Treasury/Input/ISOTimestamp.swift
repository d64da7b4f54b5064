import Foundation
import Ledger

/// A point in time from an input: an ISO-8601 timestamp with an explicit offset, or a bare date.
///
/// Accepted: `2026-03-01` (a date: its own accounting date), `2026-03-01T00:12:05Z`,
/// `2026-03-01T05:12:05+05:00`, with optional fractional seconds (`…05.250Z`). A timestamp without an offset is
/// an error: its accounting date would depend on the machine.
public enum ISOTimestamp: Hashable, Sendable, CustomStringConvertible {
    case date(LedgerDate)
    /// Seconds since 1970-01-01T00:00:00Z (fractions dropped), and the offset it was written with.
    case instant(seconds: Int64, offsetSeconds: Int)

    /// The accounting date: a date is itself; an instant is its date in `timeZone`.
    public func accountingDate(in timeZone: TimeZone) -> LedgerDate {
        switch self {
        case .date(let d): return d
        case .instant(let s, _):
            let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(s)))
            return ISOTimestamp.day(containing: s + Int64(offset))
        }
    }

    /// The UTC date of `seconds` since the epoch.
    static func day(containing seconds: Int64) -> LedgerDate {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return LedgerDate(year: 1970, month: 1, day: 1)!.adding(days: Int(days)) ?? LedgerDate(year: 1970, month: 1, day: 1)!
    }

    /// Seconds since the epoch; a bare date is its midnight UTC.
    public var epochSeconds: Int64 {
        switch self {
        case .date(let d): return Int64(d.dayNumber) * 86_400
        case .instant(let s, _): return s
        }
    }

    /// Canonical text: the date, or the instant in UTC (`2026-03-01T00:12:05Z`).
    public var description: String {
        switch self {
        case .date(let d): return d.description
        case .instant(let s, _):
            let day = ISOTimestamp.day(containing: s)
            let rest = Int(s - Int64(day.dayNumber) * 86_400)
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            return "\(day)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
        }
    }

    /// An instant from Unix seconds (pool APIs).
    public static func unix(_ seconds: Int64) -> ISOTimestamp { .instant(seconds: seconds, offsetSeconds: 0) }

    /// Parses a date or a timestamp with offset, strictly.
    public static func parse(_ text: String) throws(FieldError) -> ISOTimestamp {
        let b = Array(text.utf8)
        if b.count == 10 { return .date(try date(text)) }
        let bad = FieldError("invalid timestamp \"\(text)\" (expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with Z or ±hh:mm)")
        guard b.count >= 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":") else {
            if b.count == 19, b[10] == UInt8(ascii: "T") {
                throw FieldError("timestamp \"\(text)\" has no offset (add Z or ±hh:mm)")
            }
            throw bad
        }
        let day = try date(String(decoding: b[0..<10], as: UTF8.self))
        guard let h = digits(b, 11, 2), let m = digits(b, 14, 2), let s = digits(b, 17, 2) else { throw bad }
        guard h <= 23, m <= 59, s <= 59 else { throw FieldError("no such time in \"\(text)\"") }
        var i = 19
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            guard i > start, i - start <= 9 else { throw bad }
        }
        guard i < b.count else { throw FieldError("timestamp \"\(text)\" has no offset (add Z or ±hh:mm)") }
        let offset: Int
        if b[i] == UInt8(ascii: "Z"), i + 1 == b.count {
            offset = 0
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"),
                  let oh = digits(b, i + 1, 2), let om = digits(b, i + 4, 2) {
            guard oh <= 18, om <= 59 else { throw FieldError("offset out of range in \"\(text)\"") }
            offset = (b[i] == UInt8(ascii: "-") ? -1 : 1) * (oh * 3600 + om * 60)
        } else {
            throw bad
        }
        let local = Int64(day.dayNumber) * 86_400 + Int64(h * 3600 + m * 60 + s)
        return .instant(seconds: local - Int64(offset), offsetSeconds: offset)
    }

    /// Parses exactly `YYYY-MM-DD`, an existing date.
    public static func date(_ text: String) throws(FieldError) -> LedgerDate {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2) else {
            throw FieldError("invalid date \"\(text)\" (expected YYYY-MM-DD)")
        }
        guard let date = LedgerDate(year: y, month: m, day: d) else { throw FieldError("no such date \"\(text)\"") }
        return date
    }

    /// The decimal value of `count` ASCII digits of `b` at `at`, or nil if any is not a digit.
    static func digits(_ b: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at + count <= b.count else { return nil }
        var v = 0
        for k in at..<at + count {
            guard (0x30...0x39).contains(b[k]) else { return nil }
            v = v * 10 + Int(b[k] - 0x30)
        }
        return v
    }
}
