/// TEST-ONLY: civil dates and text formats for the demo fixtures (days since 1970-01-01, Howard Hinnant's algorithms).
enum DemoCalendar {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `YYYY-MM-DD`.
    static func text(_ day: Int) -> String {
        let c = civil(day)
        return "\(c.year)-\(two(c.month))-\(two(c.day))"
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` at `seconds` after midnight UTC.
    static func timestamp(_ day: Int, seconds: Int) -> String {
        text(day) + "T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }

    static func unix(_ day: Int, seconds: Int = 0) -> Int64 { Int64(day) * 86_400 + Int64(seconds) }

    /// Integer minor units as decimal text with `scale` decimals (non-negative amounts only).
    static func decimal(_ units: Int64, scale: Int) -> String {
        var digits = String(units)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        guard scale > 0 else { return digits }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        return String(digits[..<split]) + "." + String(digits[split...])
    }

    static func btc(_ sats: Int64) -> String { decimal(sats, scale: 8) }
}
