import Foundation
import GRDB
import Testing
@testable import Ledger

/// The database itself refuses what the Swift API would: these tests write SQL directly.
@Suite struct DatabaseInvariantTests {
    typealias F = LedgerFixtures

    private func refused(_ ledger: LedgerStore, _ sql: String) -> String? { F.refused(ledger, sql) }

    /// `(T, line, account, commodity, amount, value)` tuples with their transaction's posting count appended as `lines`.
    private func withLines(_ tuples: String) -> (rows: String, count: Int) {
        let count = tuples.filter { $0 == "(" }.count
        return (tuples.replacingOccurrences(of: ")", with: ", \(count))"), count)
    }

    /// A ledger with prices and two accounts (ids 1 and 2) open from 2026-01-01, for postings inserted by SQL.
    private func ledgerForRawBookings() throws -> LedgerStore {
        let ledger = try F.withPrices()
        try ledger.write { w in
            try w.openAccount("Assets:Bank:PKR", on: F.date("2026-01-01"))
            try w.openAccount("Equity:Opening", on: F.date("2026-01-01"))
        }
        return ledger
    }

    /// Books `(T, line, account, commodity, amount, value)` tuples by SQL as transaction T on 2026-03-02, T being the
    /// next chain id (after each one the database accepts, the next again); returns the refusal, or nil.
    private func rawBookings(_ ledger: LedgerStore) throws -> (String) -> String? {
        let hash = "x'" + String(repeating: "00", count: 32) + "'"
        var next = try F.nextID(ledger)
        return { postings in
            let id = next
            let (rows, count) = withLines(postings.replacingOccurrences(of: "(T,", with: "(\(id),"))
            let message = refused(ledger, """
                INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES \(rows);
                INSERT INTO txn(id, date, narration, hash, posting_count) VALUES (\(id), '2026-03-02', 'bypass', \(hash), \(count));
                """)
            if message == nil { next += 1 }
            return message
        }
    }

    @Test func updateAndDeleteOnJournalTablesFail() throws {
        let ledger = try F.withPrices()
        try ledger.book(F.mined(1000, on: "2026-03-02", key: "k"))
        try ledger.write { try $0.assertBalance(account: "Assets:Reserve:Cold", commodity: "BTC", date: F.date("2026-03-02"), amount: 1000) }
        for sql in [
            "UPDATE posting SET amount = amount + 1", "DELETE FROM posting",
            "UPDATE txn SET narration = 'x'", "DELETE FROM txn",
            "UPDATE price SET price = 1", "DELETE FROM price",
            "UPDATE balance_assertion SET amount = 0", "DELETE FROM balance_assertion",
            "DELETE FROM natural_key", "UPDATE natural_key SET key = 'x'",
            "UPDATE commodity SET scale = 2", "DELETE FROM account",
            "UPDATE account SET name = 'Assets:Other' WHERE name = 'Assets:Reserve:Cold'",
        ] {
            let message = refused(ledger, sql)
            #expect(message != nil, "\(sql) was not refused")
        }
        #expect(refused(ledger, "UPDATE posting SET amount = amount + 1")?.contains("append-only") == true)
        #expect(try ledger.verify().isValid)
    }

    @Test func unbalancedTransactionRefusedBySQL() throws {
        let ledger = try ledgerForRawBookings()
        let hash = "x'" + String(repeating: "00", count: 32) + "'"
        // T: the next chain id, past the configuration documents (the last record is Equity:Opening's).
        let T = try F.nextID(ledger)
        /// Inserts `(T, line, account, commodity, amount, value)` tuples as transaction `id`.
        func attempt(_ postings: String, id: Int64 = T, date: String = "2026-03-02") -> String? {
            let (rows, count) = withLines(postings.replacingOccurrences(of: "(T,", with: "(\(id),"))
            return refused(ledger, """
                INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES \(rows);
                INSERT INTO txn(id, date, narration, hash, posting_count) VALUES (\(id), '\(date)', 'bypass', \(hash), \(count));
                """)
        }
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100), (T, 1, 2, 'PKR', -99, -99)")?.contains("unbalanced") == true)
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100), (T, 1, 2, 'PKR', -100, -99)")?.contains("unbalanced") == true)
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100), (T, 1, 2, 'BTC', -100, -100)")?.contains("unbalanced") == true)
        #expect(attempt("(T, 0, 1, 'PKR', 0, 0)")?.contains("unbalanced") == true)
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100), (T, 1, 2, 'PKR', -100, -100)", date: "2025-12-31")?.contains("not open") == true)
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100), (T, 1, 2, 'PKR', -100, -100)", date: "2026-02-30") != nil)
        // An id taken by a price, or by a document (the last record, an account's), is out of chain order.
        let lastPrice = try #require(try F.priceIDs(ledger).last)
        #expect(try ledger.read { try Documents.find($0, id: T - 1) }?.kind == "account")
        for taken in [lastPrice, T - 1] {
            #expect(attempt("(T, 0, 1, 'PKR', 100, 100), (T, 1, 2, 'PKR', -100, -100)", id: taken)?.contains("chain order") == true,
                    "id \(taken) was not refused")
        }
        // Postings without their transaction fail at commit (deferred foreign key).
        #expect(refused(ledger, "INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES (\(T), 0, 1, 'PKR', 1, 1, 2)") != nil)
        // A posting count that does not match the postings is refused by the seal.
        #expect(refused(ledger, """
            INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES (\(T), 0, 1, 'PKR', 100, 100, 3), (\(T), 1, 2, 'PKR', -100, -100, 3);
            INSERT INTO txn(id, date, narration, hash, posting_count) VALUES (\(T), '2026-03-02', 'bypass', \(hash), 3);
            """)?.contains("posting_count") == true)
        #expect(refused(ledger, """
            INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES (\(T), 0, 1, 'PKR', 100, 100, 2), (\(T), 1, 2, 'PKR', -100, -100, 2);
            INSERT INTO txn(id, date, narration, hash) VALUES (\(T), '2026-03-02', 'bypass', \(hash));
            """)?.contains("posting_count") == true)
        // A balanced one passes the seal; a posting added afterwards is refused whatever count it claims:
        // a taken line, a line past its count, or a count its transaction does not have (at commit).
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100), (T, 1, 2, 'PKR', -100, -100)") == nil)
        for late in ["(T, 1, 1, 'PKR', 0, 0, 2)", "(T, 2, 1, 'PKR', 0, 0, 2)", "(T, 2, 1, 'PKR', 0, 0, 3)", "(T, 0, 1, 'PKR', 0, 0, 1)"] {
            let row = late.replacingOccurrences(of: "(T,", with: "(\(T),")
            #expect(refused(ledger, "INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES \(row)") != nil,
                    "late posting \(row) was not refused")
        }
        #expect(try ledger.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM posting WHERE txn_id = ?", arguments: [T]) } == 2)
        // The bypassing row has a wrong hash: verify names it.
        let report = try ledger.verify()
        #expect(report.failures.first?.check == .chain && report.failures.first?.record == T)
    }

    /// The v3 seal's one-pass checks: mixed commodities, three postings, closed accounts, large amounts.
    @Test func sealChecksMixedCommoditiesAndClosedAccountsBySQL() throws {
        let ledger = try F.withPrices()
        try ledger.write { w in
            try w.openAccount("Assets:Bank:PKR", on: F.date("2026-01-01"))
            try w.openAccount("Equity:Opening", on: F.date("2026-01-01"))
            try w.openAccount("Expenses:Fees", on: F.date("2026-01-01"))
            try w.openAccount("Assets:Old", on: F.date("2026-01-01"))
            try w.closeAccount("Assets:Old", on: F.date("2026-02-01"))
        }
        let attempt = try rawBookings(ledger)
        // Values balance and PKR balances, but BTC does not.
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100), (T, 1, 2, 'PKR', -100, -100), (T, 2, 1, 'BTC', 5, 50), (T, 3, 2, 'BTC', -4, -50)")?
            .contains("unbalanced") == true)
        // The same with the unbalanced commodity first.
        #expect(attempt("(T, 0, 1, 'BTC', 5, 50), (T, 1, 2, 'BTC', -4, -50), (T, 2, 1, 'PKR', 100, 100), (T, 3, 2, 'PKR', -100, -100)")?
            .contains("unbalanced") == true)
        // A posting to a closed account, in a transaction that balances.
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100), (T, 1, 4, 'PKR', -100, -100)")?.contains("not open") == true)
        // A three-posting payout with a fee, and a balanced mixed-commodity transaction whose amounts
        // together exceed Int64 (each commodity's sum does not) pass the seal.
        #expect(attempt("(T, 0, 1, 'BTC', 1000, 3000), (T, 1, 3, 'BTC', 7, 21), (T, 2, 2, 'BTC', -1007, -3021)") == nil)
        let big = Int64.max - 2_000
        #expect(attempt("(T, 0, 1, 'BTC', \(big), 0), (T, 1, 1, 'PKR', \(big), 0), (T, 2, 2, 'BTC', -\(big), 0), (T, 3, 2, 'PKR', -\(big), 0)") == nil)
        #expect(try ledger.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM txn") } == 2)
        #expect(try ledger.database.read { try Int64.fetchOne($0, sql: """
            SELECT amount FROM account_day WHERE account_id = 3 AND commodity = 'BTC' AND date = '2026-03-02'
            """) } == 7)
    }

    /// The v5 seal sums a single commodity's amounts in 32-bit halves: exact at the edges of Int64, and an
    /// unbalanced transaction whose plain 64-bit sum would wrap around to zero is still refused.
    @Test func sealSumsSingleCommodityExactlyAtInt64EdgesBySQL() throws {
        let ledger = try ledgerForRawBookings()
        let attempt = try rawBookings(ledger)
        let max = Int64.max
        // max + max + 2 = 2^64: zero in wrapping 64-bit arithmetic, not zero in fact.
        #expect(attempt("(T, 0, 1, 'BTC', \(max), 0), (T, 1, 1, 'BTC', \(max), 0), (T, 2, 2, 'BTC', 2, 0)")?
            .contains("unbalanced") == true)
        // Off by one at each edge.
        #expect(attempt("(T, 0, 1, 'BTC', \(max), 0), (T, 1, 2, 'BTC', -\(max - 1), 0)")?.contains("unbalanced") == true)
        #expect(attempt("(T, 0, 1, 'BTC', -\(max), 0), (T, 1, 1, 'BTC', -1, 0), (T, 2, 2, 'BTC', \(max), 0)")?
            .contains("unbalanced") == true)
        // Balanced at the edges, and with low halves that carry: these pass.
        #expect(attempt("(T, 0, 1, 'BTC', \(max), 0), (T, 1, 2, 'BTC', -\(max), 0)") == nil)
        #expect(attempt("(T, 0, 1, 'BTC', \(Int64.min + 1), 0), (T, 1, 2, 'BTC', \(max - 5), 0), (T, 2, 2, 'BTC', 5, 0)") == nil)
        #expect(attempt("(T, 0, 1, 'BTC', 4294967295, 0), (T, 1, 1, 'BTC', 4294967297, 0), (T, 2, 2, 'BTC', -8589934592, 0)") == nil)
        #expect(attempt("(T, 0, 1, 'BTC', -5, 0), (T, 1, 2, 'BTC', 5, 0)") == nil)
        #expect(try ledger.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM txn") } == 4)
    }

    /// The v6 seal counts the postings but no longer reads their `lines`: fewer postings than `posting_count` are
    /// refused by the seal, and a posting that claims another count than its transaction's fails the commit
    /// (the deferred key from `(txn_id, lines)` to `txn(id, posting_count)`), leaving nothing behind.
    @Test func sealCountsPostingsAndTheKeyChecksTheirLines() throws {
        let ledger = try ledgerForRawBookings()
        let hash = "x'" + String(repeating: "00", count: 32) + "'"
        let T = try F.nextID(ledger)
        /// Inserts `(T, line, account, commodity, amount, value, lines)` tuples and transaction T claiming `count` postings.
        func attempt(_ postings: String, count: Int) -> String? {
            F.refused(ledger, """
                INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, lines) VALUES \(postings.replacingOccurrences(of: "(T,", with: "(\(T),"));
                INSERT INTO txn(id, date, narration, hash, posting_count) VALUES (\(T), '2026-03-02', 'bypass', \(hash), \(count));
                """)
        }
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100, 3), (T, 1, 2, 'PKR', -100, -100, 3)", count: 3)?.contains("posting_count") == true)
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100, 2), (T, 1, 2, 'PKR', -100, -100, 3)", count: 2)?.contains("FOREIGN KEY") == true)
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100, 3), (T, 1, 2, 'PKR', -100, -100, 3)", count: 2)?.contains("FOREIGN KEY") == true)
        #expect(try ledger.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM txn") } == 0)
        #expect(try ledger.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM posting") } == 0)
        #expect(attempt("(T, 0, 1, 'PKR', 100, 100, 2), (T, 1, 2, 'PKR', -100, -100, 2)", count: 2) == nil)
    }
}
