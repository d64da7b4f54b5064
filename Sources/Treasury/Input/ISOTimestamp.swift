import Bitcoin
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

    /// Whether the accounting date is on or after `date` in every time zone: a date compares itself; an instant from
    /// the start (UTC) of the next day on cannot fall before `date` (zone offsets are under a day). Lets a search for
    /// the earliest date skip the time-zone conversion.
    func isNeverBefore(_ date: LedgerDate) -> Bool {
        switch self {
        case .date(let d): return d >= date
        case .instant(let s, _): return s >= Int64(date.dayNumber + 1) * 86_400
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
        var text: [UInt8] = []
        appendCanonical(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the canonical text (`description`) to `out` as UTF-8, formed on the stack and appended in one copy.
    func appendCanonical(to out: inout [UInt8]) {
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = withUnsafeMutableBytes(of: &text) { b -> Int in
            func put(_ value: Int, at index: Int, width: Int) {
                var v = value
                for i in stride(from: index + width - 1, through: index, by: -1) {
                    b[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
                    v /= 10
                }
            }
            let day: LedgerDate
            var rest = -1
            switch self {
            case .date(let d): day = d
            case .instant(let s, _):
                day = ISOTimestamp.day(containing: s)
                rest = Int(s - Int64(day.dayNumber) * 86_400)
            }
            put(day.year, at: 0, width: 4); b[4] = UInt8(ascii: "-")
            put(day.month, at: 5, width: 2); b[7] = UInt8(ascii: "-")
            put(day.day, at: 8, width: 2)
            guard rest >= 0 else { return 10 }
            b[10] = UInt8(ascii: "T"); put(rest / 3600, at: 11, width: 2)
            b[13] = UInt8(ascii: ":"); put(rest / 60 % 60, at: 14, width: 2)
            b[16] = UInt8(ascii: ":"); put(rest % 60, at: 17, width: 2)
            b[19] = UInt8(ascii: "Z")
            return 20
        }
        withUnsafeBytes(of: &text) { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }

    /// An instant from Unix seconds (pool APIs).
    public static func unix(_ seconds: Int64) -> ISOTimestamp { .instant(seconds: seconds, offsetSeconds: 0) }

    /// Parses a date or a timestamp with offset, strictly.
    public static func parse(_ text: String) throws(FieldError) -> ISOTimestamp {
        let scanned = text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
        switch scanned {
        case .success(let t): return t
        case .failure(let problem): throw problem.error(text)
        }
    }

    /// The date or timestamp in `utf8`, nil when it is not one (quick scans that leave errors to the full read).
    static func parse(utf8: UnsafeBufferPointer<UInt8>) -> ISOTimestamp? { try? scan(utf8).get() }

    /// The date `YYYY-MM-DD` in `utf8`, nil when it is not one (quick scans that leave errors to the full read).
    static func date(utf8: UnsafeBufferPointer<UInt8>) -> LedgerDate? { utf8.count == 10 ? calendarDate(utf8) : nil }

    /// What is wrong with a timestamp's text; the message is made only for a failing field.
    private enum Problem: Error {
        case malformed, noOffset, badDate, noSuchTime, offsetOutOfRange

        func error(_ text: String) -> FieldError {
            switch self {
            case .malformed:
                return FieldError("invalid timestamp \(Echo.quoted(text)) (expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with Z or ±hh:mm)")
            case .noOffset: return FieldError("timestamp \(Echo.quoted(text)) has no offset (add Z or ±hh:mm)")
            case .noSuchTime: return FieldError("no such time in \(Echo.quoted(text))")
            case .offsetOutOfRange: return FieldError("offset out of range in \(Echo.quoted(text))")
            case .badDate:
                let day = text.utf8.count == 10 ? text : String(decoding: Array(text.utf8.prefix(10)), as: UTF8.self)
                do { _ = try ISOTimestamp.date(day) } catch { return error }
                return FieldError("invalid date \(Echo.quoted(day)) (expected YYYY-MM-DD)")
            }
        }
    }

    /// Parses the UTF-8 of a date or a timestamp with offset, without allocating.
    private static func scan(_ b: UnsafeBufferPointer<UInt8>) -> Result<ISOTimestamp, Problem> {
        if b.count == 10 {
            guard let day = calendarDate(b) else { return .failure(.badDate) }
            return .success(.date(day))
        }
        guard b.count >= 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":") else {
            return .failure(b.count == 19 && b[10] == UInt8(ascii: "T") ? .noOffset : .malformed)
        }
        guard let day = calendarDate(b) else { return .failure(.badDate) }
        guard let h = digits(b, 11, 2), let m = digits(b, 14, 2), let s = digits(b, 17, 2) else { return .failure(.malformed) }
        guard h <= 23, m <= 59, s <= 59 else { return .failure(.noSuchTime) }
        var i = 19
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            guard i > start, i - start <= 9 else { return .failure(.malformed) }
        }
        guard i < b.count else { return .failure(.noOffset) }
        let offset: Int
        if b[i] == UInt8(ascii: "Z"), i + 1 == b.count {
            offset = 0
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"),
                  let oh = digits(b, i + 1, 2), let om = digits(b, i + 4, 2) {
            guard oh <= 18, om <= 59 else { return .failure(.offsetOutOfRange) }
            offset = (b[i] == UInt8(ascii: "-") ? -1 : 1) * (oh * 3600 + om * 60)
        } else {
            return .failure(.malformed)
        }
        let local = Int64(day.dayNumber) * 86_400 + Int64(h * 3600 + m * 60 + s)
        return .success(.instant(seconds: local - Int64(offset), offsetSeconds: offset))
    }

    /// The existing date `YYYY-MM-DD` in the first ten bytes of `b`, nil when malformed or no such day.
    private static func calendarDate(_ b: UnsafeBufferPointer<UInt8>) -> LedgerDate? {
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2) else { return nil }
        return LedgerDate(year: y, month: m, day: d)
    }

    /// Parses exactly `YYYY-MM-DD`, an existing date.
    public static func date(_ text: String) throws(FieldError) -> LedgerDate {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2) else {
            throw FieldError("invalid date \(Echo.quoted(text)) (expected YYYY-MM-DD)")
        }
        guard let date = LedgerDate(year: y, month: m, day: d) else { throw FieldError("no such date \(Echo.quoted(text))") }
        return date
    }

    /// The decimal value of `count` ASCII digits of `b` at `at`, or nil if any is not a digit.
    static func digits<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes, _ at: Int, _ count: Int) -> Int? where Bytes.Index == Int {
        guard at + count <= b.count else { return nil }
        var v = 0
        for k in at..<at + count {
            guard (0x30...0x39).contains(b[k]) else { return nil }
            v = v * 10 + Int(b[k] - 0x30)
        }
        return v
    }
}
