/// The periods of a grouping as date spans: historical balances need every period of a report, with or without
/// postings in it.
extension PeriodGrouping {
    /// The period (month, fiscal quarter or fiscal year) that holds `date`.
    public func span(containing date: LedgerDate, fiscalYearStart start: Int) -> DateSpan {
        let length: Int
        let firstMonth: Int
        switch self {
        case .month:
            length = 1
            firstMonth = date.month
        case .quarter:
            length = 3
            firstMonth = date.month - (date.month - start + 12) % 12 % 3
        case .fiscalYear:
            length = 12
            firstMonth = date.month - (date.month - start + 12) % 12
        }
        // firstMonth may be ≤ 0: the period began in the previous year.
        let year = firstMonth >= 1 ? date.year : date.year - 1
        let month = firstMonth >= 1 ? firstMonth : firstMonth + 12
        let first = LedgerDate(year: year, month: month, day: 1) ?? date
        let endIndex = month - 1 + length - 1
        let endYear = year + endIndex / 12, endMonth = endIndex % 12 + 1
        let last = LedgerDate(year: endYear, month: endMonth, day: LedgerDate.daysIn(month: endMonth, year: endYear)) ?? date
        return DateSpan(first, last)
    }

    /// Every period from the one holding `first` to the one holding `last`, in order (empty when reversed).
    public func spans(from first: LedgerDate, to last: LedgerDate, fiscalYearStart: Int) -> [DateSpan] {
        var out: [DateSpan] = []
        var day = first
        while day <= last {
            let span = span(containing: day, fiscalYearStart: fiscalYearStart)
            out.append(span)
            guard let end = span.last, let next = end.adding(days: 1) else { break }
            day = next
        }
        return out
    }
}
