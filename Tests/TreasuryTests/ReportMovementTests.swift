import Foundation
import Ledger
import Testing
@testable import Treasury

/// The BTC movement schedule on a ledger built by hand: every kind of step, each worked out below from the bookings.
@Suite struct ReportMovementTests {
    /// Day 1 (before the period): a cash payout of 1,000,000 to Hot, an opening balance of 500,000 to Cold, and
    /// 100,000 earned by the accrual pool Beta. Day 2 (the period): a cash payout of 2,000,000 with a 40,000 fee;
    /// 300,000 earned by Beta, which pays 350,000 to Hot; Hot sends 2,500,000 to Cold (fee 1,000); Cold pays a grant
    /// of 100,000 (fee 500); a donation of 50,000 reaches Hot.
    func ledger() throws -> ReportTestLedger {
        let l = try ReportTestLedger()
        func book(_ day: String, _ narration: String, _ postings: [PostingDraft]) throws {
            try l.store.book(TransactionDraft(date: ReportTestLedger.date(day), narration: narration, postings: postings))
        }
        try l.payout("2025-07-01", sats: 1_000_000)
        try book("2025-07-01", "opening balance", [
            PostingDraft("Assets:Reserve:Cold", "BTC", 500_000),
            PostingDraft("Equity:Opening", "BTC", -500_000, value: .balancing)])
        try book("2025-07-01", "earnings", [
            PostingDraft("Assets:Receivable:Pool:Beta", "BTC", 100_000),
            PostingDraft("Income:Mining:Wind", "BTC", -100_000, value: .balancing)])
        try l.payout("2025-07-02", sats: 2_000_000, fee: 40_000)
        try book("2025-07-02", "earnings", [
            PostingDraft("Assets:Receivable:Pool:Beta", "BTC", 300_000),
            PostingDraft("Income:Mining:Wind", "BTC", -300_000, value: .balancing)])
        try book("2025-07-02", "accrual payout", [
            PostingDraft("Assets:Reserve:Hot", "BTC", 350_000),
            PostingDraft("Assets:Receivable:Pool:Beta", "BTC", -350_000, value: .balancing)])
        try l.transfer("2025-07-02", from: "Hot", to: "Cold", sats: 2_500_000, fee: 1_000)
        try book("2025-07-02", "grant", [
            PostingDraft("Assets:Reserve:Cold", "BTC", -100_500, value: .balancing),
            PostingDraft("Expenses:Disbursements:Grants", "BTC", 100_000),
            PostingDraft("Expenses:NetworkFees", "BTC", 500)])
        try book("2025-07-02", "donation", [
            PostingDraft("Assets:Reserve:Hot", "BTC", 50_000),
            PostingDraft("Income:Donations", "BTC", -50_000, value: .balancing)])
        return l
    }

    @Test func everyStepHandWorked() throws {
        let r = try HoldingsReport.compute(try ledger().store, at: try LedgerDate("2025-07-02"), since: try LedgerDate("2025-07-01"))
        let m = r.movement
        #expect(m.opening == 1_500_000)            // 1,000,000 mined + 500,000 opening balance
        #expect(m.minedGross == 2_340_000)         // 2,040,000 cash gross + 300,000 accrual earnings
        #expect(m.poolFees == 40_000)
        #expect(m.minedNet == 2_300_000)
        #expect(m.receivableOpening == 100_000)
        #expect(m.receivableClosing == 50_000)     // 100,000 + 300,000 - 350,000
        #expect(m.otherReceipts == 50_000)
        #expect(m.otherAccounts.map(\.0) == ["Income:Donations"])
        #expect(m.networkFees == 1_500)            // 1,000 + 500
        #expect(m.disbursements == 100_000)
        // The reserve's own postings in the period: +2,000,000 +350,000 -1,000 -100,500 +50,000 = 2,298,500.
        #expect(m.closing == 1_500_000 + 2_298_500)
        #expect(m.closing == r.totalSats)
        #expect(m.steps.map(\.sats) == [2_340_000, -40_000, 50_000, 50_000, -1_500, -100_000])
        #expect(m.opening + m.steps.map(\.sats).reduce(0, +) == m.closing)
        #expect(m.addsUp)
    }

    @Test func withoutSinceTheScheduleStartsFromNothing() throws {
        let r = try HoldingsReport.compute(try ledger().store, at: try LedgerDate("2025-07-02"))
        let m = r.movement
        #expect(m.opening == 0)
        #expect(m.receivableOpening == 0)
        #expect(m.minedGross == 3_440_000)         // 1,000,000 + 100,000 + 2,040,000 + 300,000
        #expect(m.otherReceipts == 550_000)        // opening balance 500,000 + donation 50,000
        #expect(m.closing == 3_798_500)
        #expect(m.addsUp)
    }

    /// The same schedule in the holdings JSON: the rows (opening and steps) sum to the total row (the closing
    /// reserve), which is the wallets' total in the same document.
    @Test func jsonRowsSumToTheClosingReserve() throws {
        let doc = try HoldingsReport.compute(try ledger().store, at: try LedgerDate("2025-07-02"),
                                             since: try LedgerDate("2025-07-01")).document()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportDataRenderer.json(doc).utf8)) as? [String: Any])
        let rows = try #require(json["movement"] as? [[String: Any]])
        #expect(rows.compactMap { $0["step"] as? String }
                == ["opening", "mined_gross", "pool_fees", "receivable_increase", "other_receipts", "network_fees", "disbursements"])
        let total = try #require(json["movement_total"] as? [String: Any])
        let wallets = try #require(json["wallets_total"] as? [String: Any])
        #expect(rows.compactMap { $0["btc_sats"] as? Int }.reduce(0, +) == total["btc_sats"] as? Int)
        #expect(total["btc_sats"] as? Int == 3_798_500)
        #expect(total["btc_sats"] as? Int == wallets["btc_sats"] as? Int)
        let receivable = try #require(json["movement_receivable_total"] as? [String: Any])
        #expect(receivable["btc_sats"] as? Int == 50_000)
    }
}
