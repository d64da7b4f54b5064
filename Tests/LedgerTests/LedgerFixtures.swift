import Foundation
import GRDB
@testable import Ledger

/// Fresh ledgers for tests: PKR functional (scale 2), BTC scale 8, USD scale 2.
enum LedgerFixtures {
    static func date(_ text: String) -> LedgerDate {
        guard let d = try? LedgerDate(text) else { preconditionFailure("bad fixture date \(text)") }
        return d
    }

    static func memory(fiscalYearStart: Int = 7) throws -> LedgerStore {
        try LedgerStore.inMemory(settings: LedgerSettings(functionalCurrency: "PKR", timeZone: "Asia/Karachi",
                                                          fiscalYearStart: fiscalYearStart),
                                 commodities: commodities())
    }

    static func commodities() throws -> [Commodity] {
        [try Commodity("PKR", scale: 2), try Commodity("BTC", scale: 8), try Commodity("USD", scale: 2)]
    }

    /// Mining income of `sats` on `day` into Assets:Reserve:Cold, valued at the day's price.
    static func mined(_ sats: Int64, on day: String, key: String? = nil) -> TransactionDraft {
        TransactionDraft(date: date(day), narration: "mined", postings: [
            PostingDraft("Assets:Reserve:Cold", "BTC", sats),
            PostingDraft("Income:Mining:Site-A", "BTC", -sats, value: .balancing),
        ], source: "test", naturalKey: key)
    }

    /// A ledger with prices on 2026-03-01 (28,500,000.00 PKR/BTC) and 2026-03-31 (30,000,000.00). Creation chains its
    /// configuration first (a `setting` document, one `commodity` document each), so the prices are not records 1 and 2:
    /// find them with `priceIDs`.
    static func withPrices() throws -> LedgerStore {
        let ledger = try memory()
        try ledger.write { w in
            try w.addPrice(date: date("2026-03-01"), base: "BTC", quote: "PKR", price: 2_850_000_000)
            try w.addPrice(date: date("2026-03-31"), base: "BTC", quote: "PKR", price: 3_000_000_000)
        }
        return ledger
    }

    /// The id the next chained record takes: one past the head, whichever of txn, price, balance_assertion and
    /// document holds it (a transaction inserted by SQL must take it, or the seal refuses it).
    static func nextID(_ ledger: LedgerStore) throws -> Int64 {
        try ledger.read { try LedgerWriter.readHead($0).id } + 1
    }

    /// The id of the transaction booked with `naturalKey` (the live one, or the reversed one when reversed).
    static func transactionID(_ ledger: LedgerStore, key naturalKey: String) throws -> Int64 {
        let id = try ledger.read { try Int64.fetchOne($0, sql: "SELECT min(id) FROM txn WHERE natural_key = ?", arguments: [naturalKey]) }
        guard let id else { throw LedgerError.database("no transaction with natural key \(naturalKey)") }
        return id
    }

    /// The ids of the prices, in chain order.
    static func priceIDs(_ ledger: LedgerStore) throws -> [Int64] {
        try ledger.read { try Int64.fetchAll($0, sql: "SELECT id FROM price ORDER BY id") }
    }

    /// Runs `sql` in one write straight on the database: nil when it passed, else SQLite's message.
    static func refused(_ ledger: LedgerStore, _ sql: String) -> String? {
        do {
            try ledger.database.write { try $0.execute(sql: sql) }
            return nil
        } catch let error as DatabaseError {
            return error.message
        } catch {
            return "\(error)"
        }
    }
}
