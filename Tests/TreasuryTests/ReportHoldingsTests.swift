import Foundation
import Ledger
import TestSupport
import Testing
@testable import Treasury

/// Holdings on a hand-worked ledger: mined into Hot, part consolidated to Cold with a network fee.
@Suite struct ReportHoldingsTests {
    func ledger() throws -> ReportTestLedger {
        let l = try ReportTestLedger()
        try l.payout("2025-07-01", sats: 1_000_000)
        try l.payout("2025-07-02", sats: 2_000_000)
        try l.transfer("2025-07-02", from: "Hot", to: "Cold", sats: 2_500_000, fee: 1_000)
        return l
    }

    @Test func handWorked() throws {
        let r = try HoldingsReport.compute(try ledger().store, at: try LedgerDate("2025-07-02"), since: try LedgerDate("2025-07-01"))
        let hot = try #require(r.wallets.first { $0.account == "Assets:Reserve:Hot" })
        let cold = try #require(r.wallets.first { $0.account == "Assets:Reserve:Cold" })
        // Hot: 1,000,000 + 2,000,000 - 2,501,000 = 499,000 sats; at 31,000,000.00: 499,000 * 31 = 15,469,000 paisa.
        #expect(hot.sats == 499_000)
        #expect(hot.value == 15_469_000)
        #expect(hot.mined == 3_000_000)
        #expect(hot.transferred == -2_501_000)
        #expect(hot.satsSince == 1_000_000)
        #expect(hot.valueSince == 30_000_000)
        #expect(cold.sats == 2_500_000)
        #expect(cold.value == 77_500_000)
        #expect(cold.mined == 0)
        #expect(cold.transferred == 2_500_000)
        #expect(r.totalSats == 2_999_000)
        #expect(r.totalValue == 92_969_000)
        #expect(r.price.price == 3_100_000_000)
    }

    @Test func earlierDateAndMissingPrice() throws {
        let l = try ledger()
        let r = try HoldingsReport.compute(l.store, at: try LedgerDate("2025-07-01"))
        #expect(r.wallets.map(\.sats) == [1_000_000])
        #expect(throws: ReportError.noPrice(currency: "PKR", date: try LedgerDate("2025-06-30"))) {
            try HoldingsReport.compute(l.store, at: try LedgerDate("2025-06-30"))
        }
    }

    /// A ledger booked before the reports' migration gets its aggregates filled when the migration runs.
    @Test func aggregatesBackfillAnExistingLedger() throws {
        let directory = try TemporaryDirectory("holdings-backfill")
        let path = directory.path("ledger.sqlite")
        let before = try LedgerStore.create(at: path, settings: LedgerSettings(functionalCurrency: "PKR"),
                                            commodities: [try Commodity("PKR", scale: 2), try Commodity("BTC", scale: 8)],
                                            migrations: BookSchema.migrations.filter { !$0.name.contains("report-aggregates") })
        try before.write { try $0.addPrice(date: try LedgerDate("2025-07-01"), base: "BTC", quote: "PKR", price: 3_000_000_000) }
        try before.book(TransactionDraft(date: try LedgerDate("2025-07-01"), narration: "payout", postings: [
            PostingDraft("Assets:Reserve:Hot", "BTC", 1_000_000), PostingDraft("Expenses:PoolFees:Alpha", "BTC", 25_000),
            PostingDraft("Income:Mining:Hydro", "BTC", -1_025_000, value: .balancing)]))
        let after = try LedgerStore.open(at: path, migrations: BookSchema.migrations)
        let r = try HoldingsReport.compute(after, at: try LedgerDate("2025-07-01"))
        #expect(r.wallets.map(\.mined) == [1_000_000])
        let m = try MiningReport.compute(after, by: .month)
        #expect(m.total.poolFeeSats == 25_000)
        #expect(m.total.poolFeeValue == 750_000)
    }

    @Test func jsonTotalsEqualTableTotals() throws {
        let doc = try HoldingsReport.compute(try ledger().store, at: try LedgerDate("2025-07-02")).document()
        let json = ReportDataRenderer.json(doc)
        #expect(json.contains("\"wallets_total\":{\"account\":\"Reserve total\",\"btc_sats\":2999000,\"btc\":\"0.02999000\",\"value_minor\":92969000,\"value\":\"929690.00\""))
        let table = ReportTextRenderer.render(doc)
        let total = try #require(table.split(separator: "\n").first { $0.hasPrefix("Reserve total") })
        #expect(total.contains("0.02999000"))
        #expect(total.contains("929,690.00"))
        // One table: the sections under a leading `section` column, totals marked in `total`; movement's own
        // columns (step, description) are empty on the wallets' rows.
        let csv = ReportDataRenderer.csv(doc)
        #expect(csv.hasPrefix("section,total,account,btc_sats,btc,value_minor,value,mined_sats,mined,transferred_sats,transferred,step,description\n"))
        #expect(csv.contains("\nwallets,true,Reserve total,2999000,0.02999000,92969000,929690.00,3000000,0.03000000,-1000,-0.00001000,,\n"))
        #expect(csv.contains("\nmovement,true,,2999000,0.02999000,,,,,,,closing,"))
        #expect(!csv.contains("\n\n"))
        // --section: one section alone, without the section column.
        let wallets = ReportDataRenderer.csv(doc.only(["wallets"]))
        #expect(wallets.hasPrefix("total,account,btc_sats,btc,value_minor,value,mined_sats,mined,transferred_sats,transferred\n"))
        #expect(wallets.contains("\ntrue,Reserve total,2999000,"))
    }
}
