import Foundation
import Ledger
import TestSupport
import Testing
@testable import ReserveCommands

/// `register`, `accounts`, `print` and the `balance` queries through the built binary, on a small ledger whose
/// every figure is worked out by hand in the comments.
@Suite struct QueryCommandTests {
    static func date(_ s: String) throws -> LedgerDate { try LedgerDate(s) }

    /// Fiscal year from July, PKR. Prices: 28,500,000.00 PKR/BTC on 2026-03-01, 30,000,000.00 on 2026-04-01.
    /// 1. 2026-03-02 payout 12,345 sats to Cold: 12,345 × 28,500,000.00 / 10^8 = 3,518.325 → 3,518.32 (half to even)
    /// 2. 2026-03-03 payout 100,000 sats to Cold: 28,500.00
    /// 3. 2026-04-02 50,000 sats Cold → Hot (on chain, tx:ab12, Hot is output 1): 15,000.00 at the April price
    /// 4. 2026-04-05 power bill 10,000.00 PKR to Expenses:Electricity:Site-A
    static func sample(in directory: TemporaryDirectory) throws -> String {
        let path = directory.path("reserve.sqlite")
        #expect(ReserveMain.execute(["init", "--timezone", "Asia/Karachi", "--fiscal-year-start", "7", "--db", path]) == 0)
        let ledger = try LedgerStore.open(at: path)
        try ledger.write { w in
            try w.addPrice(date: try date("2026-03-01"), base: "BTC", quote: "PKR", price: 2_850_000_000)
            try w.addPrice(date: try date("2026-04-01"), base: "BTC", quote: "PKR", price: 3_000_000_000)
            for (i, sats) in [12_345, 100_000].enumerated() {
                try w.book(TransactionDraft(date: try date("2026-03-0\(i + 2)"), narration: "payout", postings: [
                    PostingDraft("Assets:Reserve:Cold", "BTC", Int64(sats)),
                    PostingDraft("Income:Mining:Site-A", "BTC", -Int64(sats), value: .balancing),
                ], naturalKey: "p:\(i)"))
            }
            try w.book(TransactionDraft(date: try date("2026-04-02"), narration: "to hot", postings: [
                PostingDraft("Assets:Reserve:Hot", "BTC", 50_000, metadata: "vout=1;approval=x"),
                PostingDraft("Assets:Reserve:Cold", "BTC", -50_000, value: .balancing),
            ], naturalKey: "tx:ab12"))
            try w.book(TransactionDraft(date: try date("2026-04-05"), narration: "power; March", postings: [
                PostingDraft("Expenses:Electricity:Site-A", "PKR", 1_000_000),
                PostingDraft("Liabilities:Payable:Power:Site-A", "PKR", -1_000_000),
            ]))
        }
        return path
    }

    /// The journal id of the transaction narrated `narration` (ids also count the chained configuration documents).
    static func transactionID(_ db: String, narration: String) throws -> String {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = ["-readonly", db, "SELECT id FROM txn WHERE narration = '\(narration)'"]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        shell.waitUntilExit()
        return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func registerRunsFromTheSpanStartOrHistorically() throws {
        let directory = try TemporaryDirectory("query")
        let db = try Self.sample(in: directory)
        let all = try HDCLI.run(["register", "COLD", "--format", "csv", "--db", db])
        #expect(all.status == 0 && all.stderr.isEmpty)
        let payouts = try Self.transactionID(db, narration: "payout").split(separator: "\n").map(String.init)
        let toHot = try Self.transactionID(db, narration: "to hot")
        #expect(payouts.count == 2)
        let allExpected: [String] = [
            "date,description,key,transaction_id,account,commodity,amount_minor,amount,value_minor,value,balance_minor,balance,balance_value_minor,balance_value",
            "2026-03-02,payout,p:0,\(payouts[0]),Assets:Reserve:Cold,BTC,12345,0.00012345,351832,3518.32,12345,0.00012345,351832,3518.32",
            "2026-03-03,payout,p:1,\(payouts[1]),Assets:Reserve:Cold,BTC,100000,0.00100000,2850000,28500.00,112345,0.00112345,3201832,32018.32",
            "2026-04-02,to hot,tx:ab12,\(toHot),Assets:Reserve:Cold,BTC,-50000,-0.00050000,-1500000,-15000.00,62345,0.00062345,1701832,17018.32",
        ]
        #expect(all.lines == allExpected)
        // hledger's register starts its running total at zero on the first day; --historical carries the past.
        let april = try HDCLI.run(["register", "cold", "-p", "2026-04", "--format", "jsonl", "--db", db])
        #expect(april.lines.count == 1 && april.stdout.contains(#""balance_minor":-50000,"#))
        let carried = try HDCLI.run(["register", "cold", "-p", "2026-04", "--historical", "--format", "jsonl", "--db", db])
        #expect(carried.lines.count == 1 && carried.stdout.contains(#""balance_minor":62345,"#))
        // Depth 2 clips both wallets to Assets:Reserve; the Hot output is keyed by its outpoint.
        let clipped = try HDCLI.run(["register", "reserve", "--depth", "2", "--from", "2026-04-01", "--format", "csv", "--db", db])
        let fields: [[String]] = clipped.lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
        let picked: [[String]] = fields.map { [$0[2], $0[4], $0[11]] }
        let clippedExpected: [[String]] = [["ab12:1", "Assets:Reserve", "0.00050000"], ["tx:ab12", "Assets:Reserve", "0.00000000"]]
        #expect(picked == clippedExpected)
    }

    @Test func emptyAndBadQueries() throws {
        let directory = try TemporaryDirectory("query")
        let db = try Self.sample(in: directory)
        let none = try HDCLI.run(["register", "Elektricity", "--format", "csv", "--db", db])
        #expect(none.status == 0 && none.lines.count == 1 && none.stderr.contains("no account matches \"Elektricity\""))
        let quiet = try HDCLI.run(["balance", "electricity", "-p", "2027", "--db", db])
        #expect(quiet.status == 0 && quiet.stderr.contains("no balances in 2027-01-01..2027-12-31"))
        let printed = try HDCLI.run(["print", "hot", "-p", "FY2026-27", "--db", db])
        #expect(printed.status == 0 && printed.stdout.isEmpty && printed.stderr.contains("no transactions in 2026-07-01..2027-06-30"))
        for args in [["register", "cold", "-p", "2026-05..2026-04"], ["register", "cold", "--from", "2026-04-02", "--to", "2026-04-01"],
                     ["balance", "-p", "2026Q3", "--from", "2026-10-01"], ["register", "("], ["accounts", "--depth", "0"],
                     ["balance", "--value", "mkt"], ["balance", "--value", "market=2026-02-30"], ["balance", "-p", "FY2026"],
                     ["print", "--syntax", "ledger"], ["balance", "--at", "2026-04-01", "-p", "2026"]] {
            let r = try HDCLI.run(args + ["--db", db])
            #expect(r.status == 64 && r.stdout.isEmpty && r.stderr.hasPrefix("error: "), "\(args): \(r.stderr)")
        }
    }

    @Test func accountsFlatTreeAndAlias() throws {
        let directory = try TemporaryDirectory("query")
        let db = try Self.sample(in: directory)
        let tree = try HDCLI.run(["accounts", "--tree", "--db", db])
        let treeHeads: [String] = tree.lines.map { String($0.prefix(14)) }
        let treeExpected: [String] = [
            "Account       ", "------------- ", "Assets        ", "  Reserve     ", "    Cold      ", "    Hot       ",
            "Expenses      ", "  Electricity ", "    Site-A    ", "Income        ", "  Mining      ", "    Site-A    ",
            "Liabilities   ", "  Payable     ", "    Power     ", "      Site-A  ",
        ]
        #expect(treeHeads == treeExpected)
        let csv = try HDCLI.run(["accounts", "site-a", "--tree", "--depth", "3", "--format", "csv", "--db", db])
        let csvExpected: [String] = [
            "account,type,opened,closed,depth,declared",
            "Expenses,expense,2026-04-05,,1,false", "Expenses:Electricity,expense,2026-04-05,,2,false",
            "Expenses:Electricity:Site-A,expense,2026-04-05,,3,true",
            "Income,income,2026-03-02,,1,false", "Income:Mining,income,2026-03-02,,2,false",
            "Income:Mining:Site-A,income,2026-03-02,,3,true",
            "Liabilities,liability,2026-04-05,,1,false", "Liabilities:Payable,liability,2026-04-05,,2,false",
            "Liabilities:Payable:Power,liability,2026-04-05,,3,false",
        ]
        #expect(csv.lines == csvExpected)
        for format in ["table", "csv", "json"] {
            let a = try HDCLI.run(["accounts", "--format", format, "--db", db])
            let b = try HDCLI.run(["account", "list", "--format", format, "--db", db])
            #expect(a.status == 0 && a.stdout == b.stdout && a.lines.count > 2)
        }
    }

    @Test func balanceRegexDepthHistoricalAndMarket() throws {
        let directory = try TemporaryDirectory("query")
        let db = try Self.sample(in: directory)
        // Anywhere in the name, any case (a prefix match found nothing here).
        let power = try HDCLI.run(["balance", "electricity", "--format", "csv", "--db", db])
        let powerExpected: [String] = ["account,commodity,amount_minor,amount,value_minor,value,value_basis,price_date",
                                "Expenses:Electricity:Site-A,PKR,1000000,10000.00,1000000,10000.00,book,"]
        #expect(power.lines == powerExpected)
        let depth = try HDCLI.run(["balance", "assets", "--depth", "2", "--format", "csv", "--db", db])
        #expect(depth.lines.last == "Assets:Reserve,BTC,112345,0.00112345,3201832,32018.32,book,")
        // End of March: 112,345 sats; end of April: 62,345 (Cold), 50,000 (Hot).
        let history = try HDCLI.run(["balance", "reserve", "--by", "month", "--historical", "--format", "csv", "--db", db])
        let historyExpected: [String] = [
            "period,period_end,account,commodity,amount_minor,amount,value_minor,value,value_basis,price_date",
            "2026-03,2026-03-31,Assets:Reserve:Cold,BTC,112345,0.00112345,3201832,32018.32,book,",
            "2026-04,2026-04-30,Assets:Reserve:Cold,BTC,62345,0.00062345,1701832,17018.32,book,",
            "2026-04,2026-04-30,Assets:Reserve:Hot,BTC,50000,0.00050000,1500000,15000.00,book,",
        ]
        #expect(history.lines == historyExpected)
        // Without --historical, April shows what moved in April.
        let flows = try HDCLI.run(["balance", "cold", "--by", "quarter", "--format", "csv", "--db", db])
        let flowCells: [String] = flows.lines.dropFirst().map { line in
            let f = line.split(separator: ",").map(String.init)
            return f[0] + "," + f[4]
        }
        #expect(flowCells == ["FY2025-26 Q3,112345", "FY2025-26 Q4,-50000"])
        // Market: 62,345 sats × 30,000,000.00 / 10^8 = 18,703.50 at the 2026-04-01 price, said on stderr.
        let market = try HDCLI.run(["balance", "cold", "--value", "market=2026-04-30", "--format", "csv", "--db", db])
        #expect(market.lines.last == "Assets:Reserve:Cold,BTC,62345,0.00062345,1870350,18703.50,market,2026-04-01")
        #expect(market.stderr.contains("BTC valued at the BTC/PKR price of 2026-04-01, the latest on or before 2026-04-30"))
        // Per period, each at its own end: March at 28,500,000.00 → 112,345 sats = 32,018.325 → 32,018.32.
        let perPeriod = try HDCLI.run(["balance", "cold", "--by", "month", "--historical", "--value", "market",
                                       "--format", "jsonl", "--db", db])
        #expect(perPeriod.lines.first?.contains(#""value_minor":3201832,"value":"32018.32","value_basis":"market","price_date":"2026-03-01""#) == true)
        // No price before 2026-03-01: the value is null, not a guess.
        let early = try HDCLI.run(["balance", "cold", "--value", "market=2026-02-01", "--format", "jsonl", "--db", db])
        #expect(early.status == 0 && early.stdout.contains(#""value_minor":null"#) && early.stderr.contains("no BTC/PKR price"))
        // PKR is its own value.
        let pkr = try HDCLI.run(["balance", "electricity", "--value", "market", "--format", "jsonl", "--db", db])
        #expect(pkr.stdout.contains(#""value_minor":1000000,"value":"10000.00","value_basis":"market","price_date":null"#))
    }

    @Test func printWritesEntriesAsTheExportDoes() throws {
        let directory = try TemporaryDirectory("query")
        let db = try Self.sample(in: directory)
        let printed = try HDCLI.run(["print", "hot|electricity", "--db", db])
        #expect(printed.status == 0)
        let toHot = try Self.transactionID(db, narration: "to hot")
        let power = try Self.transactionID(db, narration: "power; March")
        #expect(printed.stdout == """
            2026-04-02 to hot  ; txn:\(toHot)
                Assets:Reserve:Hot  0.00050000 BTC @@ 15000.00 PKR
                Assets:Reserve:Cold  -0.00050000 BTC @@ 15000.00 PKR

            2026-04-05 power, March  ; txn:\(power)
                Expenses:Electricity:Site-A  10000.00 PKR
                Liabilities:Payable:Power:Site-A  -10000.00 PKR

            """)
        let export = try HDCLI.run(["export", "journal", "--to", "hledger", "--db", db])
        for block in printed.stdout.components(separatedBy: "\n\n") where !block.isEmpty {
            #expect(export.stdout.contains(block.hasSuffix("\n") ? block : block + "\n"))
        }
        let march = try HDCLI.run(["print", "-p", "2026-03", "--db", db])
        #expect(march.stdout.components(separatedBy: "; txn:").count == 3)
    }
}
