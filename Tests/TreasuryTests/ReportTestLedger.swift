import Foundation
import GRDB
import Ledger
@testable import Treasury

/// A small in-memory ledger for report tests, booked by hand so every figure can be worked out in the test.
/// Prices: BTC = PKR 30,000,000.00 on 2025-07-01 and PKR 31,000,000.00 from 2025-07-02.
struct ReportTestLedger {
    let store: LedgerStore

    /// The import tables the reports read (same columns as the imports' migration), created only when absent.
    static let importTables = LedgerMigration("test-report-import-tables") { db in
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS site (id TEXT PRIMARY KEY NOT NULL, account_component TEXT NOT NULL UNIQUE) STRICT, WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS reserve_output (id INTEGER PRIMARY KEY, txid TEXT NOT NULL, vout INTEGER, wallet TEXT NOT NULL,
              script_pubkey BLOB NOT NULL, amount INTEGER NOT NULL, txn_id INTEGER NOT NULL, batch INTEGER, spent_by_txid TEXT,
              spent_txn_id INTEGER, spent_batch INTEGER, UNIQUE (txid, vout)) STRICT;
            CREATE TABLE IF NOT EXISTS power_bill (site TEXT NOT NULL, invoice TEXT NOT NULL, period_start TEXT NOT NULL,
              period_end TEXT NOT NULL, wh INTEGER NOT NULL, currency TEXT NOT NULL, amount INTEGER NOT NULL,
              marginal_amount INTEGER, txn_id INTEGER NOT NULL, batch INTEGER, PRIMARY KEY (site, invoice)) STRICT, WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS snapshot (id INTEGER PRIMARY KEY, as_of TEXT NOT NULL, as_of_date TEXT NOT NULL,
              height INTEGER NOT NULL, best_block TEXT, format TEXT NOT NULL, natural_key TEXT NOT NULL UNIQUE,
              content_sha256 TEXT NOT NULL, batch INTEGER) STRICT;
            CREATE TABLE IF NOT EXISTS snapshot_utxo (snapshot_id INTEGER NOT NULL, txid TEXT NOT NULL, vout INTEGER NOT NULL,
              script_pubkey BLOB NOT NULL, amount INTEGER NOT NULL, height INTEGER, wallet TEXT,
              PRIMARY KEY (snapshot_id, txid, vout)) STRICT, WITHOUT ROWID;
            """)
    }

    init() throws {
        store = try LedgerStore.inMemory(
            settings: LedgerSettings(functionalCurrency: "PKR", timeZone: "Asia/Karachi", fiscalYearStart: 7),
            commodities: [try Commodity("PKR", scale: 2), try Commodity("BTC", scale: 8), try Commodity("USD", scale: 2)],
            extraMigrations: [Self.importTables] + SiteSpecs.migrations)
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
