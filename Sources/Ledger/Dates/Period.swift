/// How period reports group dates: calendar months, fiscal quarters, fiscal years.
public enum PeriodGrouping: String, Sendable, CaseIterable {
    case month
    case quarter
    case fiscalYear = "fiscal-year"

    /// The period label of `date` ("2026-03", "FY2025-26 Q3", "FY2025-26"), with the fiscal year
    /// starting in `fiscalYearStart` (1...12). A fiscal year starting in January is labelled "FY2026".
    public func label(of date: LedgerDate, fiscalYearStart: Int) -> String {
        switch self {
        case .month:
            return String(date.description.prefix(7))
        case .quarter:
            let q = ((date.month - fiscalYearStart + 12) % 12) / 3 + 1
            return PeriodGrouping.fiscalYearLabel(of: date, fiscalYearStart) + " Q\(q)"
        case .fiscalYear:
            return PeriodGrouping.fiscalYearLabel(of: date, fiscalYearStart)
        }
    }

    static func fiscalYearLabel(of date: LedgerDate, _ start: Int) -> String {
        guard start != 1 else { return "FY\(date.year)" }
        let first = date.month >= start ? date.year : date.year - 1
        let next = String((first + 1) % 100)
        return "FY\(first)-" + (next.count == 1 ? "0" : "") + next
    }

    /// The same label computed by SQLite over a `YYYY-MM-DD` column (reports group in SQL).
    func sqlLabel(column c: String, fiscalYearStart s: Int) -> String {
        let month = "CAST(substr(\(c), 6, 2) AS INTEGER)"
        let year = "CAST(substr(\(c), 1, 4) AS INTEGER)"
        let first = "(CASE WHEN \(month) >= \(s) THEN \(year) ELSE \(year) - 1 END)"
        let fy = s == 1
            ? "('FY' || \(year))"
            : "('FY' || \(first) || '-' || substr('0' || ((\(first) + 1) % 100), -2, 2))"
        switch self {
        case .month: return "substr(\(c), 1, 7)"
        case .quarter: return "(\(fy) || ' Q' || (((\(month) - \(s) + 12) % 12) / 3 + 1))"
        case .fiscalYear: return fy
        }
    }
}
