import Foundation
import GRDB
import Testing
@testable import Ledger

/// With the protecting triggers dropped by hand, `verify` still finds each kind of tampering.
@Suite struct TamperDetectionTests {
    typealias F = LedgerFixtures

    /// Two prices, five mined transactions (keys k0...k4 on 2026-03-02, 03-03, 03-04, 03-31 and 04-01) and an assertion,
    /// with their journal ids looked up: the configuration documents (settings, commodities, the two accounts the first
    /// booking opens) share the id sequence. The transactions' ids are consecutive: only the first opens accounts.
    private struct Sample {
        let ledger: LedgerStore
        let prices: [Int64]
        let txns: [Int64]
        let assertion: Int64
    }

    private func sample() throws -> Sample {
        let ledger = try F.withPrices()
        for (i, day) in ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-31", "2026-04-01"].enumerated() {
            try ledger.book(F.mined(Int64(1000 * (i + 1)), on: day, key: "k\(i)"))
        }
        let assertion = try ledger.write {
            try $0.assertBalance(account: "Assets:Reserve:Cold", commodity: "BTC", date: F.date("2026-04-01"), amount: 15_000)
        }
        #expect(try ledger.verify().isValid)
        let txns = try (0..<5).map { try F.transactionID(ledger, key: "k\($0)") }
        #expect(txns == Array(txns[0]...txns[0] + 4))
        let prices = try F.priceIDs(ledger)
        #expect(prices.count == 2 && prices[1] < txns[0])
        #expect(assertion == txns[4] + 1)
        return Sample(ledger: ledger, prices: prices, txns: txns, assertion: assertion)
    }

    private func tamper(_ ledger: LedgerStore, _ sql: String) throws {
        try ledger.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for row in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try db.execute(sql: "DROP TRIGGER \(row)")
            }
            try db.execute(sql: sql)
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
    }

    @Test func editedPostingIsNamed() throws {
        let s = try sample(), t = s.txns[2]
        try tamper(s.ledger, "UPDATE posting SET metadata = 'x' WHERE txn_id = \(t) AND line = 0")
        let first = try #require(try s.ledger.verify().failures.first)
        #expect(first.check == .chain && first.record == t)
        #expect(first.message.hasPrefix("transaction \(t) (2026-03-04)"))
    }

    @Test func editedAmountBreaksChainAndBalance() throws {
        let s = try sample(), t = s.txns[1]
        try tamper(s.ledger, "UPDATE posting SET amount = amount + 1 WHERE txn_id = \(t) AND line = 0")
        let failures = try s.ledger.verify().failures
        #expect(failures.first?.record == t && failures.first?.check == .chain)
        #expect(failures.contains { $0.check == .balance && $0.record == t })
        #expect(failures.contains { $0.check == .dailyTotals })
        #expect(failures.contains { $0.check == .schema })
    }

    @Test func deletedTransactionIsNamed() throws {
        let s = try sample(), t = s.txns[3]
        try tamper(s.ledger, "DELETE FROM posting WHERE txn_id = \(t); DELETE FROM txn WHERE id = \(t); DELETE FROM natural_key WHERE txn_id = \(t)")
        let first = try #require(try s.ledger.verify().failures.first)
        #expect(first.check == .chain && first.record == s.txns[4])
        #expect(first.message.contains("record \(t) is missing"))
    }

    /// A posting count edited to match a posting slipped in: the chain and the count check both name it.
    @Test func miscountedPostingsAreNamed() throws {
        let s = try sample(), t = s.txns[2]
        try tamper(s.ledger, """
            UPDATE posting SET lines = 3 WHERE txn_id = \(t);
            INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES (\(t), 2, 1, 'BTC', 0, 0, 3)
            """)
        let failures = try s.ledger.verify().failures
        #expect(failures.first?.record == t && failures.first?.check == .chain)
        #expect(failures.contains { $0.check == .balance && $0.record == t && $0.message.contains("has 3 postings but records 2") })
    }

    @Test func editedDailyTotalIsFound() throws {
        let ledger = try sample().ledger
        try tamper(ledger, "UPDATE account_day_store SET amount = amount + 1 WHERE date = '2026-03-03' AND amount > 0")
        let failures = try ledger.verify().failures
        #expect(failures.contains { $0.check == .dailyTotals && $0.message.contains("2026-03-03") })
        #expect(!failures.contains { $0.check == .chain || $0.check == .balance })
    }

    @Test func editedPriceIsNamed() throws {
        let s = try sample(), p = s.prices[1]
        try tamper(s.ledger, "UPDATE price SET price = 2850000001 WHERE id = \(p)")
        let first = try #require(try s.ledger.verify().failures.first)
        #expect(first.check == .chain && first.record == p && first.message.hasPrefix("price \(p)"))
    }

    @Test func reorderedChainIsNamed() throws {
        let s = try sample(), (a, b) = (s.txns[1], s.txns[2])
        // Swap two consecutive transactions (ids, postings and keys), keeping each row's own hash.
        try tamper(s.ledger, """
            UPDATE posting SET txn_id = 1000 WHERE txn_id = \(a); UPDATE posting SET txn_id = \(a) WHERE txn_id = \(b);
            UPDATE posting SET txn_id = \(b) WHERE txn_id = 1000;
            UPDATE txn SET id = 1000 WHERE id = \(a); UPDATE txn SET id = \(a) WHERE id = \(b); UPDATE txn SET id = \(b) WHERE id = 1000;
            """)
        let first = try #require(try s.ledger.verify().failures.first)
        #expect(first.check == .chain && first.record == a)
    }

    @Test func editedAssertionIsNamed() throws {
        let s = try sample()
        try tamper(s.ledger, "UPDATE balance_assertion SET amount = 15001")
        let failures = try s.ledger.verify().failures
        #expect(failures.first?.check == .chain && failures.first?.record == s.assertion)
        #expect(failures.contains { $0.check == .assertion && $0.record == s.assertion })
    }

    @Test func expectedHeadMustBeInTheChain() throws {
        let ledger = try sample().ledger
        let head = try ledger.verify().headHash
        try ledger.book(F.mined(1, on: "2026-04-02"))
        #expect(try ledger.verify(expectHead: head).isValid)
        let other = String(repeating: "ab", count: 32)
        #expect(try ledger.verify(expectHead: other).failures.map(\.check) == [.head])
        #expect(throws: LedgerError.self) { try ledger.verify(expectHead: "zz") }
    }
}
