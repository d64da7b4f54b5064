import Foundation
import GRDB
import Testing
@testable import Ledger

/// `LedgerWriter.deferringWrites`: bookings written in groups by multi-row inserts.
@Suite struct DeferredWriteTests {
    typealias F = LedgerFixtures

    /// 37 bookings, some with three postings, written as they are booked and in groups of 16 (two full groups and a
    /// partial one): the same journal, the same chain head, and a valid ledger.
    @Test func groupsBookTheSameJournalAsOneByOne() throws {
        func bookAll(_ w: LedgerWriter) throws {
            for i in 1...37 {
                var draft = F.mined(Int64(1_000 + i), on: "2026-03-0\(1 + i * 4 / 38)", key: "k\(i)")
                if i % 3 == 0 { draft.postings.insert(PostingDraft("Expenses:PoolFees:Pool-A", "BTC", 7), at: 1) }
                if i % 3 == 0 { draft.postings[0].amount -= 7 }
                try w.book(draft)
            }
        }
        let one = try F.withPrices(), grouped = try F.withPrices()
        try one.write { try bookAll($0) }
        try grouped.write { w in try w.deferringWrites(upTo: 16) { try bookAll(w) } }
        #expect(try grouped.verify().isValid)
        #expect(try grouped.verify().headHash == one.verify().headHash)
        let last = try F.transactionID(grouped, key: "k37")
        #expect(try F.transactionID(one, key: "k37") == last)
        #expect(try grouped.transaction(last) == one.transaction(last))
        #expect(try grouped.balances() == one.balances())
    }

    /// Queued bookings are visible to the writer: its natural-key lookup finds them, and its reads (a transaction,
    /// the daily totals a balance assertion needs) write the queue first.
    @Test func theWriterSeesWhatIsQueued() throws {
        let ledger = try F.withPrices()
        try ledger.write { w in
            try w.deferringWrites(upTo: 16) {
                let id = try w.book(F.mined(5_000, on: "2026-03-02", key: "payout:a"))
                #expect(w.pending.count == 1)
                #expect(try w.bookedTransactionID(naturalKey: "payout:a") == id)
                #expect(try w.transaction(id).postings.map(\.amount) == [5_000, -5_000])
                #expect(w.pending.isEmpty)
                try w.book(F.mined(2_000, on: "2026-03-03"))
                try w.assertBalance(account: "Assets:Reserve:Cold", commodity: "BTC", date: F.date("2026-03-03"), amount: 7_000)
                // A price is a journal record: the queue goes first, so the chain stays in id order.
                try w.book(F.mined(1_000, on: "2026-03-04"))
                try w.addPrice(date: F.date("2026-03-05"), base: "USD", quote: "PKR", price: 28_000)
            }
        }
        #expect(try ledger.verify().isValid)
    }

    /// The database refusing one transaction of a group names it (the others were written or are moot: the write
    /// fails as a whole), and the writer refuses further work.
    @Test func aRefusalInAGroupNamesItsTransaction() throws {
        func bookAll(_ w: LedgerWriter) throws {
            try w.deferringWrites(upTo: 16) {
                for i in 1...8 { try w.book(F.mined(Int64(100 * i), on: "2026-03-02", key: "k\(i)")) }
            }
        }
        // The id the third booking takes, from the same bookings in a ledger that accepts them (the first one opens
        // two accounts, chained as documents before it).
        let twin = try F.withPrices()
        try twin.write { try bookAll($0) }
        let third = try F.transactionID(twin, key: "k3")
        let ledger = try F.withPrices()
        try ledger.database.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON main.txn WHEN NEW.natural_key = 'k3'
                BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
                """)
        }
        var caught: LedgerError?
        do {
            try ledger.write { try bookAll($0) }
        } catch let error as LedgerError {
            caught = error
        }
        #expect(caught == .refusedTransaction(id: third, .refusedByDatabase("refused for the test")))
        #expect(caught?.description == "transaction \(third): refused by the database: refused for the test")
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM txn") } == 0)
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM document WHERE kind = 'account'") } == 0)
    }
}
