import Foundation
import GRDB
import Testing
@testable import Ledger

/// `account_day` (v4): the folded store plus the postings past `account_day_mark`, exact whether or not the mark moved.
@Suite struct DailyTotalsTests {
    typealias F = LedgerFixtures

    private static let recomputed = """
        SELECT p.account_id, p.commodity, t.date, sum(p.amount), sum(p.value) FROM posting p
        JOIN txn t ON t.id = p.txn_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        """
    private static let viewed = """
        SELECT account_id, commodity, date, sum(amount), sum(value) FROM account_day GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        """
    private static let stored = "SELECT account_id, commodity, date, amount, value FROM account_day_store ORDER BY 1, 2, 3"

    private func rows(_ ledger: LedgerStore, _ sql: String) throws -> [String] {
        try ledger.read { db in
            try Row.fetchAll(db, sql: sql).map { "\($0[0] as Int64) \($0[1] as String) \($0[2] as String) \($0[3] as Int64) \($0[4] as Int64)" }
        }
    }

    private func mark(_ ledger: LedgerStore) throws -> Int64? {
        try ledger.read { try Int64.fetchOne($0, sql: "SELECT through_txn FROM account_day_mark") }
    }

    /// Books by raw SQL two transactions with the next two chain ids (returned), never moving the mark: the view
    /// already counts them.
    private func bookBySQL(_ ledger: LedgerStore) throws -> (Int64, Int64) {
        let hash = "x'" + String(repeating: "00", count: 32) + "'"
        let first = try F.nextID(ledger), second = first + 1
        try ledger.database.write { db in
            try db.execute(sql: """
                INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES (\(first), 0, 1, 'BTC', 500, 1500, 2), (\(first), 1, 2, 'BTC', -500, -1500, 2);
                INSERT INTO txn(id, date, narration, hash, posting_count) VALUES (\(first), '2026-03-02', 'raw', \(hash), 2);
                INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES (\(second), 0, 1, 'BTC', 7, 21, 2), (\(second), 1, 2, 'BTC', -7, -21, 2);
                INSERT INTO txn(id, date, narration, hash, posting_count) VALUES (\(second), '2026-03-09', 'raw', \(hash), 2);
                """)
        }
        return (first, second)
    }

    @Test func rawBookingsCountBeforeAndAfterTheMarkMoves() throws {
        let ledger = try F.withPrices()
        try ledger.book(F.mined(1000, on: "2026-03-02", key: "k"))
        let booked = try F.transactionID(ledger, key: "k")
        #expect(try mark(ledger) == booked)
        let (_, last) = try bookBySQL(ledger)
        #expect(try mark(ledger) == booked)
        #expect(try rows(ledger, Self.viewed) == rows(ledger, Self.recomputed))
        #expect(try rows(ledger, Self.stored) != rows(ledger, Self.recomputed))
        let cold = try ledger.balances(BalanceQuery(prefix: "Assets:Reserve:Cold"))
        #expect(cold.map(\.amount) == [1507])
        // The next write finds the unfolded tail and folds it before committing.
        try ledger.write { _ in }
        #expect(try mark(ledger) == last)
        #expect(try rows(ledger, Self.stored) == rows(ledger, Self.recomputed))
        #expect(try rows(ledger, Self.viewed) == rows(ledger, Self.recomputed))
    }

    @Test func markMovesForwardOnlyUpToTheLastTransaction() throws {
        let ledger = try F.withPrices()
        try ledger.book(F.mined(1000, on: "2026-03-02", key: "k"))
        let booked = try F.transactionID(ledger, key: "k")
        let (first, last) = try bookBySQL(ledger)
        func refused(_ sql: String) -> String? { F.refused(ledger, sql) }
        #expect(refused("UPDATE account_day_mark SET through_txn = \(last + 1)")?.contains("forward only") == true)
        #expect(refused("UPDATE account_day_mark SET through_txn = \(first)") == nil)
        #expect(refused("UPDATE account_day_mark SET through_txn = \(booked)")?.contains("forward only") == true)
        #expect(refused("DELETE FROM account_day_mark")?.contains("DELETE refused") == true)
        #expect(refused("INSERT INTO account_day_mark(only, through_txn) VALUES (2, 0)") != nil)
        #expect(try mark(ledger) == first)
        #expect(try rows(ledger, Self.viewed) == rows(ledger, Self.recomputed))
        #expect(try ledger.verify().failures.allSatisfy { $0.check == .chain })
    }

    @Test func readsInsideOneWriteSeeItsEarlierBookings() throws {
        let ledger = try F.withPrices()
        try ledger.write { w in
            try w.book(F.mined(1000, on: "2026-03-02"))
            let viewed = try Int64.fetchOne(w.db, sql: "SELECT sum(amount) FROM account_day WHERE account_id = 1")
            #expect(viewed == 1000)
            #expect(try BalanceQueries.amount(w.db, account: "Assets:Reserve", commodity: "BTC", at: F.date("2026-03-02")) == 1000)
            try w.assertBalance(account: "Assets:Reserve:Cold", commodity: "BTC", date: F.date("2026-03-02"), amount: 1000)
            #expect(throws: LedgerError.self) { try w.closeAccount("Assets:Reserve:Cold", on: F.date("2026-03-04")) }
        }
        try ledger.write { w in
            try w.book(TransactionDraft(date: F.date("2026-03-03"), narration: "move", postings: [
                PostingDraft("Assets:Reserve:Warm", "BTC", 1000),
                PostingDraft("Assets:Reserve:Cold", "BTC", -1000, value: .balancing),
            ]))
            try w.closeAccount("Assets:Reserve:Cold", on: F.date("2026-03-04"))
        }
        #expect(try ledger.verify().isValid)
    }

    /// A v3 ledger's totals move into the store with the mark at its last transaction.
    @Test func migrationFromV3KeepsTheTotals() throws {
        let queue = try DatabaseQueue()
        let migrator = LedgerSchema.migrator(LedgerSchema.migrations)
        try migrator.migrate(queue, upTo: "ledger-v3-one-pass-seal")
        let hash = "x'" + String(repeating: "00", count: 32) + "'"
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO commodity(code, scale) VALUES ('PKR', 2);
                INSERT INTO account(name, type, open_date) VALUES ('Assets:Bank', 'asset', '2026-01-01'), ('Equity:Opening', 'equity', '2026-01-01');
                INSERT INTO posting(txn_id, line, account_id, commodity, amount, value) VALUES (1, 0, 1, 'PKR', 100, 100), (1, 1, 2, 'PKR', -100, -100);
                INSERT INTO txn(id, date, narration, hash) VALUES (1, '2026-03-02', 'a', \(hash));
                INSERT INTO posting(txn_id, line, account_id, commodity, amount, value) VALUES (2, 0, 1, 'PKR', 50, 50), (2, 1, 2, 'PKR', -50, -50);
                INSERT INTO txn(id, date, narration, hash) VALUES (2, '2026-03-02', 'b', \(hash));
                """)
        }
        try migrator.migrate(queue)
        try queue.read { db in
            #expect(try Int64.fetchOne(db, sql: "SELECT through_txn FROM account_day_mark") == 2)
            let stored = try Row.fetchAll(db, sql: "SELECT account_id, amount, value FROM account_day_store ORDER BY account_id")
            #expect(stored.map { [$0[0], $0[1], $0[2]] as [Int64] } == [[1, 150, 150], [2, -150, -150]])
            #expect(try Int64.fetchOne(db, sql: "SELECT count(*) FROM account_day") == 2)
            // v5: each transaction records its posting count and each posting carries it.
            #expect(try Int64.fetchAll(db, sql: "SELECT posting_count FROM txn ORDER BY id") == [2, 2])
            #expect(try Int64.fetchAll(db, sql: "SELECT lines FROM posting ORDER BY txn_id, line") == [2, 2, 2, 2])
            #expect(try Int64.fetchOne(db, sql: "SELECT sum(amount) FROM posting WHERE account_id = 1") == 150)
        }
    }
}
