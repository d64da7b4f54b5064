import Foundation
import GRDB

/// Recomputes the hash chain and re-checks every invariant from the stored rows, trusting nothing
/// the triggers were meant to guarantee.
enum ChainVerifier {
    static let requiredTriggers = [
        "txn_no_update", "txn_no_delete", "posting_no_update", "posting_no_delete", "price_no_update",
        "price_no_delete", "balance_assertion_no_update", "balance_assertion_no_delete",
        "txn_seal", "natural_key_release", "price_chain_order", "balance_assertion_chain_order",
        "account_day_mark_forward", "account_day_mark_fold",
        "document_no_update", "document_no_delete", "document_chain_order",
    ]

    static func verify(_ db: Database, expectHead: [UInt8]?, derived: [DerivedTableCheck]) throws -> VerificationReport {
        var failures: [VerificationFailure] = []
        let started = Date()
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM account") { names[row[0]] = row[1] }

        let txns = try Row.fetchCursor(db, sql: """
            SELECT id, date, narration, source, natural_key, reverses, batch, metadata, hash FROM txn ORDER BY id
            """)
        // In primary-key order (`lines` is the same for all of a transaction's postings): no sort.
        let postings = try Row.fetchCursor(db, sql: """
            SELECT txn_id, line, account_id, commodity, amount, value, metadata FROM posting ORDER BY txn_id, lines, line
            """)
        let prices = try Row.fetchCursor(db, sql: "SELECT id, date, base, quote, price, source, batch, hash FROM price ORDER BY id")
        let assertions = try Row.fetchCursor(db, sql: """
            SELECT id, date, account_id, commodity, amount, hash FROM balance_assertion ORDER BY id
            """)
        let documents = try Row.fetchCursor(db, sql: """
            SELECT id, date, kind, natural_key, batch, body, hash FROM document ORDER BY id
            """)
        var nextTxn = try txns.next(), nextPosting = try postings.next()
        var nextPrice = try prices.next(), nextAssertion = try assertions.next(), nextDocument = try documents.next()
        var counts = (txn: 0, posting: 0, price: 0, assertion: 0, document: 0)
        var previous = CanonicalForm.genesis
        var expectedID: Int64 = 1
        var chainBroken = false
        var headID: Int64 = 0
        var headFound = false
        let infinity = Int64.max

        while nextTxn != nil || nextPrice != nil || nextAssertion != nil || nextDocument != nil {
            let t: Int64 = nextTxn?[0] ?? infinity, p: Int64 = nextPrice?[0] ?? infinity, a: Int64 = nextAssertion?[0] ?? infinity
            let d: Int64 = nextDocument?[0] ?? infinity
            let id = min(t, p, a, d)
            var bytes: [UInt8]
            var stored: Data
            var what: String
            if id == t, let row = nextTxn {
                counts.txn += 1
                var fields: [CanonicalForm.PostingFields] = []
                while let pr = nextPosting, (pr[0] as Int64) <= id {
                    let owner: Int64 = pr[0]
                    if owner == id {
                        counts.posting += 1
                        let accountID: Int64 = pr[2]
                        fields.append(.init(line: pr[1], account: names[accountID] ?? "#\(accountID)", commodity: pr[3],
                                            amount: pr[4], value: pr[5], metadata: pr[6]))
                    } else if !chainBroken {
                        chainBroken = true
                        failures.append(.init(check: .chain, record: owner,
                                              message: "postings of transaction \(owner) exist but the transaction does not (deleted?)"))
                    }
                    nextPosting = try postings.next()
                }
                bytes = CanonicalForm.transaction(id: id, date: row[1], narration: row[2], source: row[3], naturalKey: row[4],
                                                  reverses: row[5], batch: row[6], metadata: row[7], postings: fields)
                stored = row[8]
                what = "transaction \(id) (\(row[1] as String))"
                nextTxn = try txns.next()
            } else if id == p, let row = nextPrice {
                counts.price += 1
                bytes = CanonicalForm.price(id: id, date: row[1], base: row[2], quote: row[3], price: row[4],
                                            source: row[5], batch: row[6])
                stored = row[7]
                what = "price \(id) (\(row[1] as String) \(row[2] as String)/\(row[3] as String))"
                nextPrice = try prices.next()
            } else if id == d, let row = nextDocument {
                counts.document += 1
                bytes = CanonicalForm.document(id: id, date: row[1], kind: row[2], naturalKey: row[3], batch: row[4], body: row[5])
                stored = row[6]
                what = "document \(id) (\(row[2] as String), \(row[1] as String))"
                nextDocument = try documents.next()
            } else if let row = nextAssertion {
                counts.assertion += 1
                let accountID: Int64 = row[2]
                bytes = CanonicalForm.assertion(id: id, date: row[1], account: names[accountID] ?? "#\(accountID)",
                                                commodity: row[3], amount: row[4])
                stored = row[5]
                what = "balance assertion \(id) (\(row[1] as String))"
                nextAssertion = try assertions.next()
            } else {
                break
            }
            if !chainBroken {
                let computed = CanonicalForm.chain(previous: previous, record: bytes)
                if id != expectedID {
                    chainBroken = true
                    let message = id > expectedID
                        ? "record \(expectedID) is missing before \(what) (deleted or renumbered)"
                        : "\(what) appears twice or out of order"
                    failures.append(.init(check: .chain, record: id, message: message))
                } else if computed != [UInt8](stored) {
                    chainBroken = true
                    failures.append(.init(check: .chain, record: id,
                                          message: "\(what): stored hash \(Hex.lower(stored)) does not match the recomputed \(Hex.lower(computed)) (edited, reordered, or an earlier link changed)"))
                } else {
                    previous = computed
                    headID = id
                    if let expectHead, expectHead == computed { headFound = true }
                }
            }
            expectedID = id + 1
        }
        while let pr = nextPosting {
            let owner: Int64 = pr[0]
            if !chainBroken {
                chainBroken = true
                failures.append(.init(check: .chain, record: owner,
                                      message: "postings of transaction \(owner) exist but the transaction does not (deleted?)"))
            }
            nextPosting = try postings.next()
        }

        let chainDone = Date()
        failures += try balanceFailures(db)
        let totalsOK = try dailyTotalFailures(db, into: &failures)
        if totalsOK { failures += try assertionFailures(db, names: names) }
        failures += try naturalKeyFailures(db)
        let profile = ProcessInfo.processInfo.environment["RESERVE_VERIFY_PROFILE"] != nil
        if profile {
            FileHandle.standardError.write(Data("verify: chain \(Int(chainDone.timeIntervalSince(started) * 1000)) ms, balances, totals, assertions and keys \(Int(Date().timeIntervalSince(chainDone) * 1000)) ms\n".utf8))
        }
        for check in ConfigurationChecks.all + derived {
            let start = Date()
            if let difference = try check.run(db) {
                failures.append(.init(check: .derived, record: nil, message: difference.description))
            }
            if profile { FileHandle.standardError.write(Data("verify: \(check.table) \(Int(Date().timeIntervalSince(start) * 1000)) ms\n".utf8)) }
        }
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        for name in requiredTriggers where !present.contains(name) {
            failures.append(.init(check: .schema, record: nil, message: "trigger \(name) is missing: the ledger is unprotected"))
        }
        let headHash = Hex.lower(previous)
        if let expectHead, !headFound {
            failures.append(.init(check: .head, record: nil,
                                  message: "expected head \(Hex.lower(expectHead)) is not a hash of this (verified) chain; head is \(headHash)"))
        }
        return VerificationReport(headID: headID, headHash: headHash,
                                  transactions: counts.txn, postings: counts.posting, prices: counts.price,
                                  assertions: counts.assertion, documents: counts.document, failures: failures)
    }

    private static func balanceFailures(_ db: Database) throws -> [VerificationFailure] {
        var out: [VerificationFailure] = []
        if let row = try Row.fetchOne(db, sql: """
            SELECT txn_id, commodity, sum(amount) FROM posting GROUP BY txn_id, commodity HAVING sum(amount) <> 0
            ORDER BY txn_id LIMIT 1
            """) {
            out.append(.init(check: .balance, record: row[0],
                             message: "transaction \(row[0] as Int64) does not balance in \(row[1] as String): sum \(row[2] as Int64)"))
        }
        if let row = try Row.fetchOne(db, sql: """
            SELECT txn_id, sum(value), count(*) FROM posting GROUP BY txn_id HAVING sum(value) <> 0 OR count(*) < 2
            ORDER BY txn_id LIMIT 1
            """) {
            out.append(.init(check: .balance, record: row[0],
                             message: "transaction \(row[0] as Int64): values sum to \(row[1] as Int64) over \(row[2] as Int64) postings"))
        }
        if let row = try Row.fetchOne(db, sql: """
            SELECT g.txn_id, g.n, t.posting_count FROM (SELECT txn_id, lines, count(*) AS n FROM posting GROUP BY txn_id, lines) g
            LEFT JOIN txn t ON t.id = g.txn_id WHERE g.n <> g.lines OR t.posting_count IS NOT g.lines ORDER BY g.txn_id LIMIT 1
            """) {
            out.append(.init(check: .balance, record: row[0],
                             message: "transaction \(row[0] as Int64) has \(row[1] as Int64) postings but records \((row[2] as Int64?).map(String.init) ?? "none")"))
        }
        return out
    }

    private static func dailyTotalFailures(_ db: Database, into failures: inout [VerificationFailure]) throws -> Bool {
        let diff = """
            SELECT p.account_id, p.commodity, t.date, sum(p.amount), sum(p.value) FROM posting p
            JOIN txn t ON t.id = p.txn_id GROUP BY p.account_id, p.commodity, t.date
            """
        let stored = "SELECT account_id, commodity, date, sum(amount), sum(value) FROM account_day GROUP BY account_id, commodity, date"
        if let row = try Row.fetchOne(db, sql: "\(diff) EXCEPT \(stored) LIMIT 1") ?? Row.fetchOne(db, sql: "\(stored) EXCEPT \(diff) LIMIT 1") {
            failures.append(.init(check: .dailyTotals, record: nil,
                                  message: "daily totals of account #\(row[0] as Int64) \(row[1] as String) on \(row[2] as String) do not match its postings"))
            return false
        }
        return true
    }

    private static func assertionFailures(_ db: Database, names: [Int64: String]) throws -> [VerificationFailure] {
        var out: [VerificationFailure] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, date, account_id, commodity, amount FROM balance_assertion ORDER BY id") {
            let accountID: Int64 = row[2]
            let name = names[accountID] ?? "#\(accountID)"
            let date = try LedgerDate(row[1])
            let actual = try BalanceQueries.amount(db, account: name, commodity: row[3], at: date)
            let expected: Int64 = row[4]
            if actual != expected {
                // In the commodity's units (1.00000000 BTC), not its minor units.
                let code: String = row[3]
                let scale = try Int.fetchOne(db, sql: "SELECT scale FROM commodity WHERE code = ?", arguments: [code]) ?? 0
                func text(_ units: Int64) -> String { MinorUnits.format(units, scale: scale) + " " + code }
                out.append(.init(check: .assertion, record: row[0],
                                 message: "assertion \(row[0] as Int64): \(name) at end of \(date): expected \(text(expected)), ledger has \(text(actual))"))
            }
        }
        return out
    }

    private static func naturalKeyFailures(_ db: Database) throws -> [VerificationFailure] {
        var out: [VerificationFailure] = []
        if let id = try Int64.fetchOne(db, sql: """
            SELECT t.id FROM txn t WHERE t.natural_key IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM txn r WHERE r.reverses = t.id)
              AND NOT EXISTS (SELECT 1 FROM natural_key k WHERE k.key = t.natural_key AND k.txn_id = t.id)
            ORDER BY t.id LIMIT 1
            """) {
            out.append(.init(check: .naturalKey, record: id, message: "transaction \(id) is live but its natural key is not held"))
        }
        if let key = try String.fetchOne(db, sql: """
            SELECT k.key FROM natural_key k WHERE NOT EXISTS
              (SELECT 1 FROM txn t WHERE t.id = k.txn_id AND t.natural_key = k.key) LIMIT 1
            """) {
            out.append(.init(check: .naturalKey, record: nil, message: "natural key \"\(key)\" points to no matching transaction"))
        }
        return out
    }
}

extension LedgerStore {
    /// Recomputes the hash chain, re-checks balances, daily totals, assertions, natural keys and the
    /// protecting triggers; with `expectHead` (hex), also checks that hash is a head of this chain.
    /// `derived` are the other modules' checks of the tables they derive from chained records (run after the
    /// ledger's own); each reports its first difference.
    public func verify(expectHead: String? = nil, derived: [DerivedTableCheck] = []) throws -> VerificationReport {
        var expected: [UInt8]?
        if let expectHead {
            guard let bytes = Hex.decode(expectHead), bytes.count == 32 else {
                throw LedgerError.invalidSetting(key: "expect-head", value: expectHead, reason: "64 hex digits expected")
            }
            expected = bytes
        }
        return try read { db in try ChainVerifier.verify(db, expectHead: expected, derived: derived) }
    }
}

extension LedgerStore {
    /// The chain head: the last chained record's id and hash as lowercase hex (0 and 64 zeros when empty). Reports
    /// print it so a reader can check the page with `verify ledger --expect-head`.
    public func chainHead() throws -> (id: Int64, hash: String) {
        try read { db in
            let head = try LedgerWriter.readHead(db)
            return (head.id, Hex.lower(head.hash))
        }
    }
}
