import Testing
@testable import Ledger

/// `-p/--period` values to exact inclusive spans, worked out by hand from the calendar.
@Suite struct PeriodExpressionTests {
    static func span(_ text: String, _ fy: Int = 7) throws -> String {
        try PeriodExpression.parse(text, fiscalYearStart: fy).description
    }

    @Test func calendarPeriodsAsHledgerReadsThem() throws {
        #expect(try Self.span("2026") == "2026-01-01..2026-12-31")
        #expect(try Self.span("2026-03") == "2026-03-01..2026-03-31")
        #expect(try Self.span("2026-04") == "2026-04-01..2026-04-30")
        #expect(try Self.span("2025Q3") == "2025-07-01..2025-09-30")
        #expect(try Self.span("2025q4") == "2025-10-01..2025-12-31")
        #expect(try Self.span("2026Q1") == "2026-01-01..2026-03-31")
        #expect(try Self.span("2026-03-15") == "2026-03-15..2026-03-15")
        // Calendar periods do not depend on the fiscal year.
        #expect(try Self.span("2025Q3", 1) == "2025-07-01..2025-09-30")
    }

    @Test func leapYears() throws {
        #expect(try Self.span("2024-02") == "2024-02-01..2024-02-29")
        #expect(try Self.span("2026-02") == "2026-02-01..2026-02-28")
        #expect(try Self.span("2000-02") == "2000-02-01..2000-02-29")   // divisible by 400
        #expect(try Self.span("2100-02") == "2100-02-01..2100-02-28")   // divisible by 100 only
        // A fiscal year from July ends in a leap February; its Q3 holds 29 February.
        #expect(try Self.span("FY2023-24 Q3") == "2024-01-01..2024-03-31")
        #expect(try Self.span("FY2024-25", 3) == "2024-03-01..2025-02-28")
        #expect(try Self.span("FY2023-24", 3) == "2023-03-01..2024-02-29")
        #expect(throws: PeriodError.self) { try Self.span("2026-02-29") }
        #expect(try Self.span("2024-02-29") == "2024-02-29..2024-02-29")
    }

    @Test func fiscalYearFromJuly() throws {
        #expect(try Self.span("FY2025-26") == "2025-07-01..2026-06-30")
        #expect(try Self.span("FY2025-2026") == "2025-07-01..2026-06-30")
        #expect(try Self.span("FY2025-26 Q1") == "2025-07-01..2025-09-30")
        #expect(try Self.span("FY2025-26 Q2") == "2025-10-01..2025-12-31")
        #expect(try Self.span("FY2025-26 Q3") == "2026-01-01..2026-03-31")
        #expect(try Self.span("fy2025-26q4") == "2026-04-01..2026-06-30")
        #expect(try Self.span("FY1999-00") == "1999-07-01..2000-06-30")
        #expect(throws: PeriodError.self) { try Self.span("FY2026") }            // ambiguous from July
        #expect(throws: PeriodError.self) { try Self.span("FY2025-27") }
        #expect(throws: PeriodError.self) { try Self.span("FY2025-26 Q5") }
        #expect(throws: PeriodError.self) { try Self.span("FY9999-00") }         // runs past year 9999
    }

    @Test func fiscalYearFromJanuaryAndOddMonths() throws {
        #expect(try Self.span("FY2026", 1) == "2026-01-01..2026-12-31")
        #expect(try Self.span("FY2026 Q4", 1) == "2026-10-01..2026-12-31")
        #expect(throws: PeriodError.self) { try Self.span("FY2025-26", 1) }
        // From April (India, Japan): Q4 is January to March of the second year.
        #expect(try Self.span("FY2025-26 Q4", 4) == "2026-01-01..2026-03-31")
        // From November: Q1 spans the turn of the year.
        #expect(try Self.span("FY2025-26 Q1", 11) == "2025-11-01..2026-01-31")
        #expect(try Self.span("FY2025-26", 11) == "2025-11-01..2026-10-31")
    }

    @Test func rangesAreInclusiveAndReversedOnesRefused() throws {
        #expect(try Self.span("2025-07-01..2025-09-30") == "2025-07-01..2025-09-30")
        #expect(try Self.span("2025-07-01..2025-07-01") == "2025-07-01..2025-07-01")
        #expect(try Self.span("2025Q3..2026-01") == "2025-07-01..2026-01-31")
        #expect(try Self.span("2026-03..") == "2026-03-01..")
        #expect(try Self.span("..FY2025-26") == "..2026-06-30")
        #expect(throws: PeriodError.reversed(first: LedgerFixtures.date("2025-09-30"), last: LedgerFixtures.date("2025-07-01"))) {
            try Self.span("2025-09-30..2025-07-01")
        }
        #expect(throws: PeriodError.self) { try Self.span("2026..2025") }
        for bad in ["", "26", "2026-13", "2026-3", "2026Q0", "2026-02-30", "March", "2025-07-01..2025-08-01..2025-09-01",
                    "FY", "FYabcd-ef", "2025/07/01"] {
            #expect(throws: PeriodError.self, "\(bad)") { try Self.span(bad) }
        }
    }

    @Test func groupingSpansCoverEveryDayOnce() throws {
        let d = LedgerFixtures.date
        #expect(PeriodGrouping.quarter.span(containing: d("2026-03-15"), fiscalYearStart: 7).description == "2026-01-01..2026-03-31")
        #expect(PeriodGrouping.quarter.span(containing: d("2026-01-15"), fiscalYearStart: 2).description == "2025-11-01..2026-01-31")
        #expect(PeriodGrouping.fiscalYear.span(containing: d("2026-06-30"), fiscalYearStart: 7).description == "2025-07-01..2026-06-30")
        #expect(PeriodGrouping.month.span(containing: d("2024-02-10"), fiscalYearStart: 7).description == "2024-02-01..2024-02-29")
        for start in 1...12 {
            for grouping in PeriodGrouping.allCases {
                let spans = grouping.spans(from: d("2023-12-31"), to: d("2026-01-01"), fiscalYearStart: start)
                var day = try #require(spans.first?.first)
                for s in spans {
                    #expect(s.first == day)
                    // Each span's label is the label of every day in it.
                    #expect(grouping.label(of: try #require(s.first), fiscalYearStart: start)
                            == grouping.label(of: try #require(s.last), fiscalYearStart: start))
                    day = try #require(s.last?.adding(days: 1))
                }
            }
        }
    }
}
