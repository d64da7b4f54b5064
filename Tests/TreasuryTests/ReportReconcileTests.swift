import Bitcoin
import Foundation
import Ledger
import Testing
@testable import Treasury

/// Reconciliation finds each kind of difference; a snapshot that agrees passes.
@Suite struct ReportReconcileTests {
    static let hot = Address(payload: .witness(version: 0, program: [UInt8](repeating: 1, count: 20)))
    static let cold = Address(payload: .witness(version: 0, program: [UInt8](repeating: 2, count: 32)))
    static func txid(_ c: Character) -> String { String(repeating: c, count: 64) }

    /// Outputs: aa:0 Hot 1,000,000 and bb:1 Hot 2,000,000 (07-01); cc:0 Cold 500,000 and ee:0 Hot 300,000 (07-02);
    /// ee:0 spent on 07-02 into ff:0 Cold 299,000 (fee 1,000); gg:0 Hot 50,000 booked on 07-03 (after the as-of date).
    func ledger() throws -> ReportTestLedger {
        let l = try ReportTestLedger()
        try l.store.write { try $0.addPrice(date: try LedgerDate("2025-07-03"), base: "BTC", quote: "PKR", price: 3_100_000_000) }
        func output(_ t: Character, _ vout: Int, _ wallet: String, _ amount: Int64, _ txn: Int64, spent: Int64? = nil) throws {
            let script = wallet == "hot" ? Self.hot.scriptPubKey : Self.cold.scriptPubKey
            try l.sql("""
                INSERT INTO reserve_output(txid, vout, wallet, script_pubkey, amount, txn_id, spent_txn_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [Self.txid(t), vout, wallet, Data(script), amount, txn, spent])
        }
        let a = try l.payout("2025-07-01", sats: 1_000_000)
        let b = try l.payout("2025-07-01", sats: 2_000_000)
        let c = try l.payout("2025-07-02", sats: 500_000, wallet: "Cold")
        let d = try l.payout("2025-07-02", sats: 300_000)
        let e = try l.transfer("2025-07-02", from: "Hot", to: "Cold", sats: 299_000, fee: 1_000)
        let g = try l.payout("2025-07-03", sats: 50_000)
        try output("a", 0, "hot", 1_000_000, a)
        try output("b", 1, "hot", 2_000_000, b)
        try output("c", 0, "cold", 500_000, c)
        try output("e", 0, "hot", 300_000, d, spent: e)
        try output("f", 0, "cold", 299_000, e)
        try output("0", 0, "hot", 50_000, g)
        return l
    }

    func snapshot(_ l: ReportTestLedger, id: Int, asOfDate: String, _ utxos: [(Character, Int, Address, Int64)]) throws {
        try l.sql("""
            INSERT INTO snapshot(id, as_of, as_of_date, height, best_block, format, natural_key, content_sha256)
            VALUES (?, ?, ?, 905000, ?, 'scantxoutset', ?, ?)
            """, [id, asOfDate + "T23:00:00+05:00", asOfDate, String(repeating: "0", count: 64), "snap\(id)", String(repeating: "1", count: 64)])
        for u in utxos {
            try l.sql("INSERT INTO snapshot_utxo(snapshot_id, txid, vout, script_pubkey, amount) VALUES (?, ?, ?, ?, ?)",
                      [id, Self.txid(u.0), u.1, Data(u.2.scriptPubKey), u.3])
        }
    }

    @Test func findsEachKindOfDifference() throws {
        let l = try ledger()
        try snapshot(l, id: 1, asOfDate: "2025-07-02", [
            ("a", 0, Self.hot, 1_000_000),   // matched
            ("b", 1, Self.hot, 1_999_000),   // amount differs
            ("d", 2, Self.cold, 700_000),    // on chain, never booked
            ("e", 0, Self.hot, 300_000),     // spent in the ledger, unspent on chain
            ("f", 0, Self.cold, 299_000),    // matched
        ])
        let r = try ReconciliationReport.compute(l.store)
        let status = Dictionary(uniqueKeysWithValues: r.outputs.map { ($0.txid.prefix(1) + ":\($0.vout ?? -1)", $0.status) })
        #expect(status == ["a:0": .matched, "b:1": .amountDiffers, "c:0": .bookedNotOnChain, "d:2": .onChainNotBooked,
                           "e:0": .spentInLedger, "f:0": .matched])
        #expect(!r.matches)
        // Ledger through 07-02: Hot 1,000,000 + 2,000,000 + 300,000 - 300,000 = 3,000,000; Cold 500,000 + 299,000.
        // Chain: Hot 1,000,000 + 1,999,000 + 300,000 = 3,299,000; Cold 700,000 + 299,000 = 999,000. (gg:0 is later.)
        let hot = try #require(r.wallets.first { $0.wallet == "hot" })
        let cold = try #require(r.wallets.first { $0.wallet == "cold" })
        #expect((hot.ledgerSats, hot.chainSats, hot.difference) == (3_000_000, 3_299_000, -299_000))
        #expect((cold.ledgerSats, cold.chainSats, cold.difference) == (799_000, 999_000, -200_000))
        #expect((hot.outputsMatched, hot.outputsDiffering) == (1, 2))
        let doc = r.document()
        #expect(doc.passed == false)
        #expect(doc.findings.contains("1 output(s) booked_not_on_chain"))
        let json = ReportDataRenderer.json(doc)
        #expect(json.contains("\"passed\":false"))
        #expect(json.contains("\"wallets_total\":{\"wallet\":\"Total\",\"ledger_sats\":3799000,\"ledger\":\"0.03799000\",\"chain_sats\":4298000"))
    }

    @Test func agreeingSnapshotPasses() throws {
        let l = try ledger()
        try snapshot(l, id: 1, asOfDate: "2025-07-01", [("a", 0, Self.hot, 1_000_000), ("b", 1, Self.hot, 2_000_000)])
        try snapshot(l, id: 2, asOfDate: "2025-07-02", [("a", 0, Self.hot, 1_000_000)])
        let r = try ReconciliationReport.compute(l.store, snapshot: 1)
        #expect(r.matches)
        #expect(r.outputs.map(\.status) == [.matched, .matched])
        #expect(r.document().findings.isEmpty)
        // The default is the latest snapshot, which does not match.
        #expect(try ReconciliationReport.compute(l.store).snapshotID == 2)
        #expect(throws: ReportError.unknownSnapshot(9)) { try ReconciliationReport.compute(l.store, snapshot: 9) }
    }

    @Test func noSnapshotIsAnError() throws {
        #expect(throws: ReportError.noSnapshot) { try ReconciliationReport.compute(try ledger().store) }
    }
}
