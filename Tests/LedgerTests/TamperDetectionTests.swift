import Foundation
import GRDB
import Testing
@testable import Ledger

/// With the protecting triggers dropped by hand, `verify` still finds each kind of tampering.
@Suite struct TamperDetectionTests {
    typealias F = LedgerFixtures

    /// Prices are records 1-2; transactions 3...7; an assertion 8.
    private func sample() throws -> LedgerStore {
        let ledger = try F.withPrices()
        for (i, day) in ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-31", "2026-04-01"].enumerated() {
            try ledger.book(F.mined(Int64(1000 * (i + 1)), on: day, key: "k\(i)"))
        }
        try ledger.write { try $0.assertBalance(account: "Assets:Reserve:Cold", commodity: "BTC", date: F.date("2026-04-01"), amount: 15_000) }
        #expect(try ledger.verify().isValid)
        return ledger
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
        let ledger = try sample()
        try tamper(ledger, "UPDATE posting SET metadata = 'x' WHERE txn_id = 5 AND line = 0")
        let first = try #require(try ledger.verify().failures.first)
        #expect(first.check == .chain && first.record == 5)
        #expect(first.message.hasPrefix("transaction 5 (2026-03-04)"))
    }

    @Test func editedAmountBreaksChainAndBalance() throws {
        let ledger = try sample()
        try tamper(ledger, "UPDATE posting SET amount = amount + 1 WHERE txn_id = 4 AND line = 0")
        let failures = try ledger.verify().failures
        #expect(failures.first?.record == 4 && failures.first?.check == .chain)
        #expect(failures.contains { $0.check == .balance && $0.record == 4 })
        #expect(failures.contains { $0.check == .dailyTotals })
        #expect(failures.contains { $0.check == .schema })
    }

    @Test func deletedTransactionIsNamed() throws {
        let ledger = try sample()
        try tamper(ledger, "DELETE FROM posting WHERE txn_id = 6; DELETE FROM txn WHERE id = 6; DELETE FROM natural_key WHERE txn_id = 6")
        let first = try #require(try ledger.verify().failures.first)
        #expect(first.check == .chain && first.record == 7)
        #expect(first.message.contains("record 6 is missing"))
    }

    /// A posting count edited to match a posting slipped in: the chain and the count check both name it.
    @Test func miscountedPostingsAreNamed() throws {
        let ledger = try sample()
        try tamper(ledger, """
            UPDATE posting SET lines = 3 WHERE txn_id = 5;
            INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES (5, 2, 1, 'BTC', 0, 0, 3)
            """)
        let failures = try ledger.verify().failures
        #expect(failures.first?.record == 5 && failures.first?.check == .chain)
        #expect(failures.contains { $0.check == .balance && $0.record == 5 && $0.message.contains("has 3 postings but records 2") })
    }

    @Test func editedDailyTotalIsFound() throws {
        let ledger = try sample()
        try tamper(ledger, "UPDATE account_day_store SET amount = amount + 1 WHERE date = '2026-03-03' AND amount > 0")
        let failures = try ledger.verify().failures
        #expect(failures.contains { $0.check == .dailyTotals && $0.message.contains("2026-03-03") })
        #expect(!failures.contains { $0.check == .chain || $0.check == .balance })
    }

    @Test func editedPriceIsNamed() throws {
        let ledger = try sample()
        try tamper(ledger, "UPDATE price SET price = 2850000001 WHERE id = 2")
        let first = try #require(try ledger.verify().failures.first)
        #expect(first.check == .chain && first.record == 2 && first.message.hasPrefix("price 2"))
    }

    @Test func reorderedChainIsNamed() throws {
        let ledger = try sample()
        // Swap transactions 4 and 5 (ids, postings and keys), keeping each row's own hash.
        try tamper(ledger, """
            UPDATE posting SET txn_id = 1000 WHERE txn_id = 4; UPDATE posting SET txn_id = 4 WHERE txn_id = 5;
            UPDATE posting SET txn_id = 5 WHERE txn_id = 1000;
            UPDATE txn SET id = 1000 WHERE id = 4; UPDATE txn SET id = 4 WHERE id = 5; UPDATE txn SET id = 5 WHERE id = 1000;
            """)
        let first = try #require(try ledger.verify().failures.first)
        #expect(first.check == .chain && first.record == 4)
    }

    @Test func editedAssertionIsNamed() throws {
        let ledger = try sample()
        try tamper(ledger, "UPDATE balance_assertion SET amount = 15001")
        let failures = try ledger.verify().failures
        #expect(failures.first?.check == .chain && failures.first?.record == 8)
        #expect(failures.contains { $0.check == .assertion && $0.record == 8 })
    }

    @Test func expectedHeadMustBeInTheChain() throws {
        let ledger = try sample()
        let head = try ledger.verify().headHash
        try ledger.book(F.mined(1, on: "2026-04-02"))
        #expect(try ledger.verify(expectHead: head).isValid)
        let other = String(repeating: "ab", count: 32)
        #expect(try ledger.verify(expectHead: other).failures.map(\.check) == [.head])
        #expect(throws: LedgerError.self) { try ledger.verify(expectHead: "zz") }
    }
}
