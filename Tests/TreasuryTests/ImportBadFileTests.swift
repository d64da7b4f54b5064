import Foundation
import Ledger
import Testing
@testable import Treasury

/// The bad-file corpus: each file is rejected with the right line (and column), and the ledger file is unchanged.
@Suite struct ImportBadFileTests {
    static let good = ["2026-03-01T00:12:05Z", "f2pool", "guddu-1", "0.1", ImportFixture.hot, txid(1), "0"]

    /// A payouts file whose third line is `good` with `column` replaced by `value`.
    static func withBadRow(_ column: Int, _ value: String) -> String {
        var bad = good
        bad[5] = txid(2)
        bad[column] = value
        return payoutsCSV([good, bad])
    }

    static let payoutCases: [(name: String, text: String, line: Int, column: String?, message: String)] = [
        ("wrong header", "paid,pool,site,amount_btc,address,txid,vout\n", 1, "paid", "unknown column (expected: paid_at, pool, site, amount_btc, address, txid, vout, fee_btc)"),
        ("missing column", "paid_at,pool,site,amount_btc,address,txid\n", 1, "vout", "missing required column vout"),
        ("unknown column", "paid_at,pool,site,amount_btc,address,txid,vout,memo\n", 1, "memo", "unknown column (expected: paid_at, pool, site, amount_btc, address, txid, vout, fee_btc)"),
        ("9 decimals", withBadRow(3, "0.123456789"), 3, "amount_btc", "amount \"0.123456789\" has 9 decimals, at most 8 allowed"),
        ("negative amount", withBadRow(3, "-0.1"), 3, "amount_btc", "amount \"-0.1\" has a sign; a positive amount without sign is required here"),
        ("zero amount", withBadRow(3, "0"), 3, "amount_btc", "amount must be greater than zero, got 0"),
        ("amount overflow", withBadRow(3, "92233720368.54775808"), 3, "amount_btc", "amount \"92233720368.54775808\" is out of range"),
        ("bad date", withBadRow(0, "2026-02-30T00:00:00Z"), 3, "paid_at", "no such date \"2026-02-30\""),
        ("timestamp without offset", withBadRow(0, "2026-03-01T00:12:05"), 3, "paid_at", "timestamp \"2026-03-01T00:12:05\" has no offset (add Z or ±hh:mm)"),
        ("stale price", withBadRow(0, "2026-04-05"), 3, "paid_at", "price of BTC in PKR for 2026-04-05 is too old: latest is 2026-03-28, at most 3 days allowed"),
        ("missing price", withBadRow(0, "2026-02-10"), 3, "paid_at", "no price of BTC in PKR on or before 2026-02-10"),
        ("bad txid", withBadRow(5, "xyz"), 3, "txid", "txid must be 64 hex digits, got 3 characters"),
        ("bad vout", withBadRow(6, "-1"), 3, "vout", "vout must be an integer ≥ 0, got \"-1\""),
        ("unknown address", withBadRow(4, ImportFixture.stranger), 3, "address", "address \(ImportFixture.stranger) does not belong to a registered reserve wallet"),
        ("bad pool id", withBadRow(1, "F2Pool"), 3, "pool", "pool id \"F2Pool\" does not match [a-z][a-z0-9-]*"),
        ("duplicate key inside one file", payoutsCSV([good, good]), 3, nil, "duplicate key payout:\(txid(1)):0 inside this file (first on line 2)"),
        ("wrong field count", payoutsCSV([good]) + "2026-03-01,f2pool\n", 3, nil, "expected 7 fields, found 2"),
        ("unterminated quote", payoutsCSV([good]) + "\"2026-03-01,f2pool\n", 3, nil, "unterminated quoted field (opened on line 3 or later)"),
    ]

    @Test(arguments: payoutCases.indices)
    func badPayoutsFile(index: Int) throws {
        let c = ImportBadFileTests.payoutCases[index]
        let f = try ImportFixture()
        let path = try f.file("bad.csv", c.text)
        let before = try f.fingerprint()
        let outcome = try f.importer.importPayouts(csv: path)
        #expect(outcome.batch == nil, "\(c.name)")
        #expect(outcome.errors.first == InputError(file: path, line: c.line, column: c.column, message: c.message), "\(c.name)")
        #expect(try f.fingerprint() == before, "\(c.name): the ledger file changed")
    }

    @Test func maxPriceAgeCanBeWidened() throws {
        let f = try ImportFixture()
        let path = try f.file("late.csv", payoutsCSV([["2026-04-05", "f2pool", "guddu-1", "0.1", ImportFixture.hot, txid(1), "0"]]))
        var options = ImportOptions()
        options.maxPriceAgeDays = 8
        #expect(try f.importer.importPayouts(csv: path, options: options).counts == BatchCounts(new: 1))
    }

    @Test func wrongNetworkAddress() throws {
        let f = try ImportFixture()
        let path = try f.file("bad.csv", ImportBadFileTests.withBadRow(4, ImportFixture.testnet))
        let outcome = try f.importer.importPayouts(csv: path)
        #expect(outcome.errors.first?.line == 3)
        #expect(outcome.errors.first?.column == "address")
        #expect(outcome.errors.first?.message.contains("network") == true)
        #expect(try f.count("txn") == 0)
    }

    @Test func everyErrorIsListedUpToTheLimitThenCounted() throws {
        let f = try ImportFixture()
        var rows: [[String]] = []
        for i in 0..<10 { rows.append(["2026-03-01", "f2pool", "guddu-1", "0.1", ImportFixture.stranger, txid(100 + i), "0"]) }
        var options = ImportOptions()
        options.errorLimit = 3
        let outcome = try f.importer.importPayouts(csv: try f.file("bad.csv", payoutsCSV(rows)), options: options)
        #expect(outcome.errors.map(\.line) == [2, 3, 4])
        #expect(outcome.errorCount == 10)
        #expect(outcome.counts.rejected == 10)
    }

    @Test func truncatedJSONAndNineDecimalsInJSON() throws {
        let f = try ImportFixture()
        let truncated = try f.file("t.json", "{\"transactions\": [\n {\"id\": 1, \"type\": \"payout\",\n")
        let t = try f.importer.importPayouts(f2pool: truncated, pool: "f2pool", site: "guddu-1")
        #expect(t.errors.first?.line == 3)
        #expect(t.errors.first?.message == "unexpected end of input (truncated JSON?)")
        let nine = try f.file("n.json", """
            {"transactions": [
              {"id": 7, "type": "payout", "changed_balance": -0.123456789, "created_at": 1772505912, "mining_extra": null,
               "payout_extra": {"value": 0.123456789, "address": "\(ImportFixture.hot)", "tx_id": "\(txid(9))", "paid_time": 1772505912}}
            ]}
            """)
        let n = try f.importer.importPayouts(f2pool: nine, pool: "f2pool", site: "guddu-1")
        #expect(n.errors.first == InputError(file: nine, line: 3, column: "transactions[0].payout_extra.value",
                                             message: "0.123456789 has more than 8 decimals"))
        #expect(try f.count("txn") == 0)
    }

    @Test func earningsOnACashPoolSayHowToSwitch() throws {
        let f = try ImportFixture()
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/pools/braiins-daily-rewards.json").path
        let outcome = try f.importer.importEarnings(sample, source: .braiins, pool: "braiins", site: "guddu-1")
        #expect(outcome.errors.first?.message.contains("reserve pool add braiins --basis accrual") == true)
        #expect(try f.count("pool") == 0)
    }
}
