import Foundation
import Testing
@testable import Ledger

@Suite struct PeriodTests {
    typealias F = LedgerFixtures

    @Test func labelsFollowTheFiscalYear() {
        let d = F.date
        #expect(PeriodGrouping.month.label(of: d("2026-03-15"), fiscalYearStart: 7) == "2026-03")
        #expect(PeriodGrouping.fiscalYear.label(of: d("2026-03-15"), fiscalYearStart: 7) == "FY2025-26")
        #expect(PeriodGrouping.fiscalYear.label(of: d("2026-07-01"), fiscalYearStart: 7) == "FY2026-27")
        #expect(PeriodGrouping.quarter.label(of: d("2025-07-01"), fiscalYearStart: 7) == "FY2025-26 Q1")
        #expect(PeriodGrouping.quarter.label(of: d("2026-03-31"), fiscalYearStart: 7) == "FY2025-26 Q3")
        #expect(PeriodGrouping.quarter.label(of: d("2026-06-30"), fiscalYearStart: 7) == "FY2025-26 Q4")
        #expect(PeriodGrouping.quarter.label(of: d("2099-12-31"), fiscalYearStart: 7) == "FY2099-00 Q2")
        #expect(PeriodGrouping.quarter.label(of: d("2026-12-31"), fiscalYearStart: 1) == "FY2026 Q4")
    }

    @Test func sqlGroupingMatchesSwiftLabels() throws {
        let ledger = try F.memory(fiscalYearStart: 7)
        let days = ["2025-06-30", "2025-07-01", "2025-09-30", "2025-10-01", "2025-12-31", "2026-01-01", "2026-03-31",
                    "2026-04-01", "2026-06-30", "2026-07-01"]
        try ledger.write { w in
            for day in days {
                try w.book(TransactionDraft(date: F.date(day), narration: "bill", postings: [
                    PostingDraft("Expenses:Electricity:Site-A", "PKR", 100), PostingDraft("Assets:Bank:PKR", "PKR", -100),
                ]))
            }
        }
        for grouping in PeriodGrouping.allCases {
            var expected: [String: Int64] = [:]
            for day in days { expected[grouping.label(of: F.date(day), fiscalYearStart: 7), default: 0] += 100 }
            let rows = try ledger.balances(BalanceQuery(prefix: "Expenses", grouping: grouping))
            #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.period ?? "", $0.amount) }) == expected)
            #expect(rows.map { $0.period ?? "" } == rows.map { $0.period ?? "" }.sorted())
        }
        let q3 = try ledger.balances(BalanceQuery(prefix: "Expenses", from: F.date("2026-01-01"), to: F.date("2026-03-31")))
        #expect(q3.map(\.amount) == [200])
    }

    @Test func datesAndAccountingDates() throws {
        #expect(throws: LedgerError.invalidDate("2026-02-29")) { try LedgerDate("2026-02-29") }
        #expect(throws: LedgerError.invalidDate("2026-3-01")) { try LedgerDate("2026-3-01") }
        #expect(try LedgerDate("2024-02-29").adding(days: 1) == F.date("2024-03-01"))
        #expect(F.date("2026-01-01").adding(days: -1) == F.date("2025-12-31"))
        #expect(F.date("1970-01-01").dayNumber == 0)
        // 2026-03-01T20:30:00Z is already 2 March in Karachi (UTC+5).
        let instant = Date(timeIntervalSince1970: 1_772_397_000)
        let karachi = LedgerSettings(timeZone: "Asia/Karachi")
        #expect(karachi.accountingDate(of: instant) == F.date("2026-03-02"))
        #expect(LedgerSettings().accountingDate(of: instant) == F.date("2026-03-01"))
    }

    @Test func registerRunsBalances() throws {
        let ledger = try F.withPrices()
        try ledger.book(F.mined(700, on: "2026-03-02"))
        try ledger.book(F.mined(300, on: "2026-03-03"))
        let rows = try ledger.register(account: "Assets:Reserve")
        #expect(rows.map(\.runningAmount) == [700, 1_000])
        #expect(rows.map(\.value) == [19_950, 8_550])
        #expect(throws: LedgerError.unknownAccount("Assets:Nothing")) { try ledger.register(account: "Assets:Nothing") }
    }

    @Test func revaluationLeavesEmptyAccountAtZeroValue() throws {
        let ledger = try F.withPrices()
        try ledger.book(F.mined(1_000_000, on: "2026-03-02"))
        // Move everything to Hot: Cold ends with no BTC but keeps booked value until revalued.
        try ledger.book(TransactionDraft(date: F.date("2026-03-03"), narration: "move", postings: [
            PostingDraft("Assets:Reserve:Hot", "BTC", 1_000_000, value: .explicit(28_500_001)),
            PostingDraft("Assets:Reserve:Cold", "BTC", -1_000_000, value: .explicit(-28_500_001)),
        ]))
        let id = try #require(try ledger.write { try $0.revalue(at: F.date("2026-03-31")) })
        let rows = try ledger.balances(BalanceQuery(prefix: "Assets:Reserve"))
        // 0.01 BTC mined at 28,500,000.00 = 285,000.00 PKR. Cold: 28,500,000 paisa in, 28,500,001 out → −1,
        // revalued to 0. Hot: 28,500,001 → 0.01 BTC at 30,000,000.00 = 30,000,000 paisa (+1,499,999).
        #expect(rows.map(\.account) == ["Assets:Reserve:Hot"])
        #expect(rows.first?.value == 30_000_000)
        let t = try ledger.transaction(id)
        #expect(t.postings.map(\.value) == [1, 1_499_999, -1_500_000])
        #expect(t.postings.map(\.amount) == [0, 0, 0])
        #expect(try ledger.write { try $0.revalue(at: F.date("2026-03-31")) } == nil)
    }
}
