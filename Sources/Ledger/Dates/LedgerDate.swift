import Foundation

/// A calendar date (`YYYY-MM-DD`, proleptic Gregorian), the accounting date of ledger records.
public struct LedgerDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A validated date; nil when the day does not exist (2026-02-30) or the year is outside 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LedgerDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`, or throws `LedgerError.invalidDate`.
    public init(_ text: String) throws {
        let b = Array(text.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
              let date = LedgerDate(year: y, month: m, day: d) else {
            throw LedgerError.invalidDate(text)
        }
        self = date
    }

    /// `YYYY-MM-DD`, written digit by digit (year 1...9999 always has four digits with leading zeros).
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { out in
            func put(_ value: Int, at index: Int, width: Int) {
                var v = value
                for i in stride(from: index + width - 1, through: index, by: -1) {
                    out[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
                    v /= 10
                }
            }
            put(year, at: 0, width: 4)
            out[4] = 0x2D
            put(month, at: 5, width: 2)
            out[7] = 0x2D
            put(day, at: 8, width: 2)
            return 10
        }
    }

    public static func < (a: LedgerDate, b: LedgerDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` later (earlier when negative); nil outside 1...9999.
    public func adding(days: Int) -> LedgerDate? {
        let z = dayNumber + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return LedgerDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The accounting date of `instant` in `timeZone`.
    public static func accountingDate(of instant: Date, in timeZone: TimeZone) -> LedgerDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return LedgerDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
            ?? LedgerDate(year: 1970, month: 1, day: 1)!
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
