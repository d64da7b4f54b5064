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

    /// A ledger with prices on 2026-03-01 (28,500,000.00 PKR/BTC) and 2026-03-31 (30,000,000.00).
    static func withPrices() throws -> LedgerStore {
        let ledger = try memory()
        try ledger.write { w in
            try w.addPrice(date: date("2026-03-01"), base: "BTC", quote: "PKR", price: 2_850_000_000)
            try w.addPrice(date: date("2026-03-31"), base: "BTC", quote: "PKR", price: 3_000_000_000)
        }
        return ledger
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
