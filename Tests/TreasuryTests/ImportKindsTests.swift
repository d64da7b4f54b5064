import Bitcoin
import Foundation
import GRDB
import Ledger
import Testing
@testable import Treasury

@Suite struct ImportKindsTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/pools/\(name)").path
    }

    @Test func powerBillsInTheFunctionalCurrencyAndInUSD() throws {
        let f = try ImportFixture()
        let csv = try f.file("power.csv", """
            site,period_start,period_end,kwh,amount,invoice,currency,marginal_amount
            guddu-1,2026-02-01,2026-02-28,1250000.5,5000000.00,INV-001,,3100000.00
            guddu-1,2026-03-01,2026-03-02,80000,1000.00,"INV-002, USD",USD,

            """)
        let outcome = try f.importer.importPower(csv: csv)
        #expect(outcome.errors == [])
        let postings = try f.postings(batch: try #require(outcome.batch))
        #expect(postings[0].map(\.0) == ["Expenses:Electricity:Guddu-1", "Liabilities:Payable:Power:Guddu-1"])
        #expect(postings[0].map(\.3) == [500_000_000, -500_000_000])
        // 1,000.00 USD at 280.50 PKR/USD = 280,500.00 PKR.
        #expect(postings[1].map(\.1) == ["USD", "USD"])
        #expect(postings[1].map(\.2) == [100_000, -100_000])
        #expect(postings[1].map(\.3) == [28_050_000, -28_050_000])
        let wh = try f.store.read { db in try Int64.fetchAll(db, sql: "SELECT wh FROM power_bill ORDER BY invoice") }
        #expect(wh == [1_250_000_500, 80_000_000])
        #expect(try f.importer.importPower(csv: csv).counts == BatchCounts(alreadyBooked: 2))
    }

    @Test func settlementsPayBillsUpToWhatIsOutstanding() throws {
        let f = try ImportFixture()
        _ = try f.importer.importPower(csv: try f.file("power.csv", """
            site,period_start,period_end,kwh,amount,invoice
            guddu-1,2026-02-01,2026-02-28,1000,1234567.89,INV-9

            """))
        let paid = try f.importer.importSettlements(csv: try f.file("s.csv", """
            date,site,invoice,amount,currency,reference
            2026-03-05,guddu-1,INV-9,1000000.00,PKR,NBP-1
            2026-03-06,guddu-1,INV-9,234567.89,PKR,NBP-2

            """))
        #expect(paid.counts == BatchCounts(new: 2))
        let postings = try f.postings(batch: try #require(paid.batch))
        #expect(postings[1].map(\.0) == ["Liabilities:Payable:Power:Guddu-1", "Assets:Bank:PKR"])
        #expect(postings[1].map(\.3) == [23_456_789, -23_456_789])
        let before = try f.fingerprint()
        let over = try f.importer.importSettlements(csv: try f.file("o.csv", """
            date,site,invoice,amount,currency,reference
            2026-03-07,guddu-1,INV-9,0.01,PKR,NBP-3
            2026-03-07,guddu-1,INV-10,5.00,PKR,NBP-4

            """))
        #expect(over.errors.map(\.line) == [2, 3])
        #expect(over.errors.map(\.column) == ["amount", "invoice"])
        #expect(try f.fingerprint() == before)
    }

    @Test func pricesAreKeyedByDateAndCurrency() throws {
        let f = try ImportFixture()
        let csv = try f.file("prices.csv", """
            date,currency,price,base
            2026-04-01,PKR,28600000.00,
            2026-04-01,PKR,281.25,USD
            2026-04-01,EUR,300.10,PKR

            """)
        let first = try f.importer.importPrices(csv: csv)
        #expect(first.errors == [])
        #expect(first.counts == BatchCounts(new: 3))
        #expect(try f.store.price(base: "BTC", quote: "PKR", onOrBefore: LedgerDate(year: 2026, month: 4, day: 2)!)?.price == 2_860_000_000)
        #expect(try f.importer.importPrices(csv: csv).counts == BatchCounts(alreadyBooked: 3))
        let changed = try f.importer.importPrices(csv: try f.file("p2.csv", "date,currency,price\n2026-04-01,PKR,28700000.00\n"))
        #expect(changed.counts.conflicting == 1)
        #expect(changed.errors.first?.column == "price")
        let dup = try f.importer.importPrices(csv: try f.file("p3.csv", "date,currency,price\n2026-04-02,PKR,1.00\n2026-04-02,PKR,1.00\n"))
        #expect(dup.errors.first?.message == "duplicate key price:BTC/PKR:2026-04-02 inside this file (first on line 2)")
        let batch = try #require(first.batch)
        #expect(throws: UndoError.pricesAreJournalRecords(batch: batch)) { try f.importer.undo(batch: batch, reason: "test") }
    }

    @Test func accrualEarningsFromBraiinsAndF2Pool() throws {
        let f = try ImportFixture(basis: ["braiins": .accrual, "f2pool": .accrual])
        let braiins = try f.importer.importEarnings(ImportKindsTests.fixture("braiins-daily-rewards.json"), source: .braiins,
                                                    pool: "braiins", site: "guddu-1")
        #expect(braiins.errors == [])
        let postings = try f.postings(batch: try #require(braiins.batch))
        #expect(postings.map { $0.map(\.0) } == Array(repeating: ["Assets:Receivable:Pool:Braiins", "Income:Mining:Guddu-1"], count: 2))
        // 871,234 sats and 855,120 sats at 28,500,000.00 PKR/BTC.
        #expect(postings.map { $0.map(\.3) } == [[24_830_169, -24_830_169], [24_370_920, -24_370_920]])
        let f2 = try f.importer.importEarnings(ImportKindsTests.fixture("f2pool-transactions.json"), source: .f2pool,
                                               pool: "f2pool", site: "guddu-1")
        #expect(f2.counts == BatchCounts(new: 2))
        #expect(f2.notes.count == 1)
        let dates = try f.store.read { db in
            try String.fetchAll(db, sql: "SELECT date FROM txn WHERE batch = ? ORDER BY id", arguments: [f2.batch])
        }
        #expect(dates == ["2026-03-01", "2026-03-02"])
    }
}
