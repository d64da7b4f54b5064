import Foundation
import GRDB
import TestSupport
import Testing
@testable import Ledger

/// docs/verify_chain.py, an auditor's independent script, recomputes the same chain head.
@Suite struct ChainScriptTests {
    typealias F = LedgerFixtures

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/verify_chain.py").path

    @Test(.enabled(if: ExportCrossCheckTests.tool("python3") != nil)) func pythonScriptAgrees() throws {
        let directory = try TemporaryDirectory("chain")
        let path = directory.path("ledger.sqlite")
        let ledger = try LedgerStore.create(at: path, settings: LedgerSettings(), commodities: try F.commodities())
        try ledger.write { w in
            try w.addPrice(date: F.date("2026-03-01"), base: "BTC", quote: "PKR", price: 2_850_000_000, source: "manual")
            try w.book(TransactionDraft(date: F.date("2026-03-02"), narration: "pipe | back\\slash\nnew line; ünïcode ₨",
                                        postings: [
                                            PostingDraft("Assets:Reserve:Cold", "BTC", 12_345, metadata: "txid:0|1"),
                                            PostingDraft("Income:Mining:Site-A", "BTC", -12_345, value: .balancing),
                                        ], source: "payouts", naturalKey: "ab:0", metadata: "{\"pool\":\"x\"}"))
            let id = try w.book(F.mined(5, on: "2026-03-02", key: "k"))
            try w.reverse(id, reason: "test")
            try w.assertBalance(account: "Assets:Reserve:Cold", commodity: "BTC", date: F.date("2026-03-02"), amount: 12_345)
        }
        let report = try ledger.verify()
        #expect(report.isValid)
        let python = try #require(ExportCrossCheckTests.tool("python3"))
        let ok = try ExportCrossCheckTests.run(python, [Self.script, path, report.headHash])
        #expect(ok.status == 0)
        // 1 setting and 3 commodity documents (creation), the price, 2 account documents (the first booking opens
        // them), 3 transactions (two bookings and a reversal) and the assertion.
        #expect(ok.output == "11 records, head \(report.headHash)\n")
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM document") } == 6)

        // The script chains the documents too: an edited configuration document breaks it, and putting it back mends it.
        try ledger.database.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER document_no_update; UPDATE document SET body = replace(body, 'scale=8', 'scale=2') WHERE kind = 'commodity' AND natural_key = 'BTC'")
            #expect(db.changesCount == 1)
        }
        #expect(try ExportCrossCheckTests.run(python, [Self.script, path]).status != 0)
        try ledger.database.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE document SET body = replace(body, 'scale=2', 'scale=8') WHERE kind = 'commodity' AND natural_key = 'BTC'")
        }
        #expect(try ExportCrossCheckTests.run(python, [Self.script, path, report.headHash]).status == 0)

        let edited = try F.transactionID(ledger, key: "ab:0")
        try ledger.database.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER posting_no_update; UPDATE posting SET metadata = 'txid:0|2' WHERE txn_id = \(edited) AND line = 0")
            #expect(db.changesCount == 1)
        }
        #expect(try ExportCrossCheckTests.run(python, [Self.script, path]).status != 0)
    }
}
