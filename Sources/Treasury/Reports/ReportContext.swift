import Foundation
import Bitcoin
import GRDB
import Ledger

/// What every report needs from the ledger: the functional currency, its scale, and BTC prices in it.
struct ReportContext {
    let store: LedgerStore
    let currency: String
    let scale: Int

    init(_ store: LedgerStore) throws {
        self.store = store
        currency = store.settings.functionalCurrency
        scale = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT scale FROM commodity WHERE code = ?", arguments: [store.settings.functionalCurrency])
        } ?? 2
    }

    /// The BTC price in the functional currency on or before `date`.
    func btcPrice(onOrBefore date: LedgerDate) throws -> (date: LedgerDate, price: Int64)? {
        try store.price(base: "BTC", quote: currency, onOrBefore: date)
    }
}

/// The ledger's chain head, printed on reports so a reader can check them against `reserve verify ledger`.
public enum ReportHead {
    /// The hash of the last chained record as lowercase hex; empty when none.
    public static func hash(_ store: LedgerStore) throws -> String {
        let head = try store.chainHead()
        return head.id == 0 ? "" : head.hash
    }
}
