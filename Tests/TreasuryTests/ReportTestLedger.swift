import Foundation
import GRDB
import Ledger
@testable import Treasury

/// A small in-memory ledger for report tests, booked by hand so every figure can be worked out in the test.
/// Prices: BTC = PKR 30,000,000.00 on 2025-07-01 and PKR 31,000,000.00 from 2025-07-02.
struct ReportTestLedger {
    let store: LedgerStore

    init() throws {
        store = try LedgerStore.inMemory(
            settings: LedgerSettings(functionalCurrency: "PKR", timeZone: "Asia/Karachi", fiscalYearStart: 7),
            commodities: [try Commodity("PKR", scale: 2), try Commodity("BTC", scale: 8), try Commodity("USD", scale: 2)],
            migrations: BookSchema.migrations)
        try store.write { w in
            try w.addPrice(date: try LedgerDate("2025-07-01"), base: "BTC", quote: "PKR", price: 3_000_000_000)
            try w.addPrice(date: try LedgerDate("2025-07-02"), base: "BTC", quote: "PKR", price: 3_100_000_000)
        }
    }

    static func date(_ s: String) -> LedgerDate { (try? LedgerDate(s)) ?? LedgerDate(year: 2000, month: 1, day: 1)! }

    /// A cash-pool payout to `wallet`: income gross of `fee`, the fee expensed (the imports' booking rule).
    @discardableResult
    func payout(_ day: String, sats: Int64, fee: Int64 = 0, wallet: String = "Hot", site: String = "Hydro",
                pool: String = "Alpha") throws -> Int64 {
        var postings = [PostingDraft("Assets:Reserve:\(wallet)", "BTC", sats)]
        if fee > 0 { postings.append(PostingDraft("Expenses:PoolFees:\(pool)", "BTC", fee)) }
        postings.append(PostingDraft("Income:Mining:\(site)", "BTC", -(sats + fee), value: .balancing))
        return try store.book(TransactionDraft(date: Self.date(day), narration: "payout", postings: postings))
    }

    /// A move between wallets with a network fee.
    @discardableResult
    func transfer(_ day: String, from: String, to: String, sats: Int64, fee: Int64) throws -> Int64 {
        try store.book(TransactionDraft(date: Self.date(day), narration: "consolidation", postings: [
            PostingDraft("Assets:Reserve:\(from)", "BTC", -(sats + fee), value: .balancing),
            PostingDraft("Assets:Reserve:\(to)", "BTC", sats),
            PostingDraft("Expenses:NetworkFees", "BTC", fee),
        ]))
    }

    /// A PKR power bill booked on its last day, with its row in `power_bill`.
    func bill(site: String, start: String, end: String, wh: Int64, amount: Int64, marginal: Int64?, invoice: String) throws {
        let id = try store.book(TransactionDraft(date: Self.date(end), narration: "power bill \(invoice)", postings: [
            PostingDraft("Expenses:Electricity:\(site)", "PKR", amount),
            PostingDraft("Liabilities:Payable:Power:\(site)", "PKR", -amount, value: .balancing),
        ]))
        try store.database.write { db in
            try db.execute(sql: """
                INSERT INTO power_bill(site, invoice, period_start, period_end, wh, currency, amount, marginal_amount, txn_id)
                VALUES (?, ?, ?, ?, ?, 'PKR', ?, ?, ?)
                """, arguments: [site.lowercased(), invoice, start, end, wh, amount, marginal, id])
        }
    }

    func sql(_ text: String, _ arguments: StatementArguments = []) throws {
        try store.database.write { try $0.execute(sql: text, arguments: arguments) }
    }
}
