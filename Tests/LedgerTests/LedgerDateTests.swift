import Testing
@testable import Ledger

@Suite struct LedgerDateTests {
    @Test func descriptionIsZeroPaddedISO() throws {
        #expect(LedgerDate(year: 2026, month: 3, day: 1)?.description == "2026-03-01")
        #expect(LedgerDate(year: 1, month: 1, day: 1)?.description == "0001-01-01")
        #expect(LedgerDate(year: 33, month: 12, day: 31)?.description == "0033-12-31")
        #expect(LedgerDate(year: 9999, month: 10, day: 9)?.description == "9999-10-09")
        #expect(LedgerDate(year: 2024, month: 2, day: 29)?.description == "2024-02-29")
    }

    @Test func descriptionRoundTripsThroughParsing() throws {
        for text in ["2025-07-01", "0400-02-29", "1999-12-31", "0010-10-10"] {
            #expect(try LedgerDate(text).description == text)
        }
    }
}
