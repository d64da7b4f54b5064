import Foundation
import GRDB
import Ledger
import TestSupport
import Testing
@testable import ReserveCommands

/// The ledger commands, run in-process (exit codes and effects) and as the built binary (output).
@Suite struct LedgerCommandTests {
    static func date(_ s: String) throws -> LedgerDate { try LedgerDate(s) }

    /// A ledger made by `reserve init` in `directory`, with a price and two payouts booked through the API; returns
    /// its path.
    static func sample(in directory: TemporaryDirectory) throws -> String {
        let path = directory.path("reserve.sqlite")
        #expect(ReserveMain.execute(["init", "--timezone", "Asia/Karachi", "--fiscal-year-start", "7", "--db", path]) == 0)
        let ledger = try LedgerStore.open(at: path)
        try ledger.write { w in
            try w.addPrice(date: try date("2026-03-01"), base: "BTC", quote: "PKR", price: 2_850_000_000)
            for (i, sats) in [12_345, 100_000].enumerated() {
                try w.book(TransactionDraft(date: try date("2026-03-0\(i + 2)"), narration: "payout", postings: [
                    PostingDraft("Assets:Reserve:Cold", "BTC", Int64(sats)),
                    PostingDraft("Income:Mining:Site-A", "BTC", -Int64(sats), value: .balancing),
                ], naturalKey: "p:\(i)"))
            }
        }
        return path
    }

    /// The journal id of the sample's transaction with `naturalKey` (ids are shared with the configuration documents).
    static func transactionID(_ path: String, key naturalKey: String) throws -> Int64 {
        try #require(try LedgerStore.open(at: path, mode: .read).read {
            try Int64.fetchOne($0, sql: "SELECT id FROM txn WHERE natural_key = ?", arguments: [naturalKey])
        })
    }

    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/reserve").path

    static func output(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func initRefusesBadSettingsAndOverwriting() throws {
        let directory = try TemporaryDirectory("cli")
        let path = directory.path("reserve.sqlite")
        #expect(ReserveMain.execute(["init", "--network", "litecoin", "--db", path]) == 64)
        #expect(ReserveMain.execute(["init", "--fiscal-year-start", "13", "--db", path]) == 64)
        #expect(ReserveMain.execute(["init", "--timezone", "Mars/Olympus", "--db", path]) == 64)
        #expect(ReserveMain.execute(["init", "--currency", "pkr", "--db", path]) == 64)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(ReserveMain.execute(["init", "--network", "testnet4", "--currency", "USD", "--db", path]) == 0)
        let ledger = try LedgerStore.open(at: path)
        #expect(ledger.settings.extra["network"] == "test" && ledger.settings.functionalCurrency == "USD")
        #expect(ReserveMain.execute(["init", "--db", path]) == 74)
    }

    @Test func assertReverseRevalueAndAccounts() throws {
        let directory = try TemporaryDirectory("cli")
        let path = try Self.sample(in: directory)
        #expect(ReserveMain.execute(["assert", "Assets:Reserve:Cold", "0.00112345", "BTC", "--date", "2026-03-03", "--db", path]) == 0)
        #expect(ReserveMain.execute(["assert", "Assets:Reserve:Cold", "0.00112346", "BTC", "--date", "2026-03-03", "--db", path]) == 1)
        #expect(ReserveMain.execute(["assert", "Assets:Reserve:Cold", "1e-3", "BTC", "--date", "2026-03-03", "--db", path]) == 65)
        #expect(ReserveMain.execute(["assert", "Assets:Nope", "1", "BTC", "--date", "2026-03-03", "--db", path]) == 65)
        #expect(ReserveMain.execute(["assert", "Assets:Reserve:Cold", "1", "BTC", "--date", "2026-03-32", "--db", path]) == 64)
        // The second payout (2026-03-03): reversed on its own date it would break the assertion.
        let second = String(try Self.transactionID(path, key: "p:1"))
        #expect(ReserveMain.execute(["reverse", second, "--reason", "duplicate", "--db", path]) == 65)
        #expect(ReserveMain.execute(["reverse", second, "--reason", "duplicate", "--date", "2026-03-04", "--db", path]) == 0)
        #expect(ReserveMain.execute(["reverse", second, "--reason", "again", "--db", path]) == 65)
        #expect(ReserveMain.execute(["reverse", "99", "--reason", "none", "--db", path]) == 65)
        // A document's id (the first: the settings) is not a transaction's.
        let document = try #require(try LedgerStore.open(at: path, mode: .read).read {
            try Int64.fetchOne($0, sql: "SELECT min(id) FROM document")
        })
        #expect(ReserveMain.execute(["reverse", String(document), "--reason", "none", "--db", path]) == 65)
        #expect(ReserveMain.execute(["revalue", "--at", "2026-03-04", "--db", path]) == 0)
        #expect(ReserveMain.execute(["revalue", "--at", "2026-04-30", "--db", path]) == 65)
        #expect(ReserveMain.execute(["account", "close", "Assets:Reserve:Cold", "--date", "2026-03-05", "--db", path]) == 65)
        #expect(ReserveMain.execute(["account", "list", "--format", "json", "--db", path]) == 0)
        #expect(ReserveMain.execute(["verify", "ledger", "--db", path]) == 0)
        #expect(ReserveMain.execute(["balance", "--by", "week", "--db", path]) == 64)
        #expect(ReserveMain.execute(["balance", "--at", "2026-03-02", "--from", "2026-03-01", "--db", path]) == 64)
        #expect(ReserveMain.execute(["verify", "ledger", "--db", path + ".missing"]) == 74)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary))) func balanceAndVerifyOutput() throws {
        let directory = try TemporaryDirectory("cli")
        let path = try Self.sample(in: directory)
        let balance = try Self.output(["balance", "Assets", "--format", "csv", "--db", path])
        #expect(balance.status == 0)
        // 112,345 sats at 28,500,000.00: 12,345 → 351,832 (351,832.5 to even) + 100,000 → 2,850,000.
        #expect(balance.stdout == """
            account,commodity,amount_minor,amount,value_minor,value,value_basis,price_date
            Assets:Reserve:Cold,BTC,112345,0.00112345,3201832,32018.32,book,

            """)
        let monthly = try Self.output(["balance", "Income", "--by", "quarter", "--format", "jsonl", "--db", path])
        #expect(monthly.stdout.contains("\"period\":\"FY2025-26 Q3\""))
        let verify = try Self.output(["verify", "ledger", "--format", "json", "--db", path])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("\"valid\":true") && verify.stdout.contains("\"transactions_count\":2")
                && verify.stdout.contains("\"records_count\":"))
        let first = try Self.transactionID(path, key: "p:0")
        let ledger = try LedgerStore.open(at: path)
        let head = try ledger.verify().headHash
        #expect(try Self.output(["verify", "ledger", "--expect-head", head, "--db", path]).status == 0)
        #expect(try Self.output(["verify", "ledger", "--expect-head", String(repeating: "0", count: 63) + "1", "--db", path]).status == 1)
        #expect(try Self.output(["verify", "ledger", "--expect-head", "xyz", "--db", path]).status == 64)
        try ledger.database.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER posting_no_update; UPDATE posting SET amount = 12346 WHERE txn_id = ? AND line = 0",
                           arguments: [first])
            #expect(db.changesCount == 1)
        }
        let broken = try Self.output(["verify", "ledger", "--format", "jsonl", "--db", path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("\"valid\":false") && broken.stdout.contains("transaction \(first) (2026-03-02)"))
    }

    @Test func exportJournal() throws {
        let directory = try TemporaryDirectory("cli")
        let path = try Self.sample(in: directory)
        let out = directory.path("reserve.beancount")
        #expect(ReserveMain.execute(["export", "journal", "--to", "gnucash", "--db", path]) == 64)
        #expect(ReserveMain.execute(["export", "journal", "--to", "beancount", "--out", out, "--db", path]) == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("  Assets:Reserve:Cold  0.00012345 BTC @@ 3518.32 PKR\n"))
        #expect(text.contains("  Income:Mining:Site-A  -0.00012345 BTC @@ 3518.32 PKR\n"))
    }
}
