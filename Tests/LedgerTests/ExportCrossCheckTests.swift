import Foundation
import TestSupport
import Testing
@testable import Ledger

/// The exported journal gives, under hledger and Beancount, the balances this ledger computes: amounts per
/// commodity and values in PKR, to the last digit. Runs when the tools are installed (`make test-deps`).
@Suite struct ExportCrossCheckTests {
    typealias F = LedgerFixtures

    static func tool(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let directory = try TemporaryDirectory("out")
        let out = directory.url.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self))
    }

    /// A month of a small reserve: opening cash, payouts with rounding residue, a USD power bill paid in
    /// PKR, a transfer with a network fee, a reversal, an assertion, a revaluation, a closed account.
    static func sampleLedger(at path: String) throws -> LedgerStore {
        let ledger = try LedgerStore.create(at: path, settings: LedgerSettings(functionalCurrency: "PKR", fiscalYearStart: 7),
                                            commodities: try F.commodities())
        let d = F.date
        try ledger.write { w in
            try w.addPrice(date: d("2026-03-01"), base: "BTC", quote: "PKR", price: 2_850_000_000)
            try w.addPrice(date: d("2026-03-01"), base: "USD", quote: "PKR", price: 27_850)
            try w.addPrice(date: d("2026-03-04"), base: "BTC", quote: "PKR", price: 2_900_000_001)
            try w.addPrice(date: d("2026-03-31"), base: "BTC", quote: "PKR", price: 3_012_345_678)
            try w.book(TransactionDraft(date: d("2026-03-01"), narration: "Opening \"cash\"; a\\b", postings: [
                PostingDraft("Assets:Bank:PKR", "PKR", 100_000_000), PostingDraft("Equity:Opening", "PKR", -100_000_000),
            ]))
            try w.book(TransactionDraft(date: d("2026-03-02"), narration: "payout", postings: [
                PostingDraft("Assets:Reserve:Cold", "BTC", 12_345), PostingDraft("Expenses:PoolFees:Pool-A", "BTC", 1),
                PostingDraft("Income:Mining:Site-A", "BTC", -12_346, value: .balancing),
            ], naturalKey: "p:1"))
            for i in 0..<5 {
                try w.book(F.mined(Int64(1_000_003 * (i + 1)), on: "2026-03-0\(i + 2)", key: "m:\(i)"))
            }
            try w.book(TransactionDraft(date: d("2026-03-03"), narration: "power bill", postings: [
                PostingDraft("Expenses:Electricity:Site-A", "USD", 1_234),
                PostingDraft("Liabilities:Payable:Power:Site-A", "USD", -1_234, value: .balancing),
            ]))
            try w.book(TransactionDraft(date: d("2026-03-04"), narration: "pay bill", postings: [
                PostingDraft("Liabilities:Payable:Power:Site-A", "USD", 1_234),
                PostingDraft("Equity:Conversion", "USD", -1_234),
                PostingDraft("Equity:Conversion", "PKR", 343_669),
                PostingDraft("Assets:Bank:PKR", "PKR", -343_669),
            ]))
            try w.book(TransactionDraft(date: d("2026-03-04"), narration: "to hot wallet", postings: [
                PostingDraft("Assets:Reserve:Hot", "BTC", 500_000), PostingDraft("Expenses:NetworkFees", "BTC", 777),
                PostingDraft("Assets:Reserve:Cold", "BTC", -500_777, value: .balancing),
            ]))
            let wrong = try w.book(F.mined(99_999, on: "2026-03-04", key: "m:wrong"))
            try w.reverse(wrong, reason: "wrong site")
            // 12,345 + 1,000,003 × (1 + 2 + 3) − 500,777 (the reversed payout nets to zero).
            try w.assertBalance(account: "Assets:Reserve:Cold", commodity: "BTC", date: d("2026-03-04"), amount: 5_511_586)
            try w.openAccount("Assets:Reserve:Old", on: d("2026-03-01"))
            try w.closeAccount("Assets:Reserve:Old", on: d("2026-03-05"))
            try w.revalue(at: d("2026-03-31"))
        }
        return ledger
    }

    /// Our side: amounts per account and commodity as the export shows them (value-only postings as PKR),
    /// and the value per account.
    static func expected(_ ledger: LedgerStore) throws -> (amounts: [String: [String: String]], values: [String: String]) {
        var amounts: [String: [String: Int64]] = [:], values: [String: Int64] = [:]
        let scales = Dictionary(uniqueKeysWithValues: try ledger.commodities().map { ($0.code, $0.scale) })
        for row in try ledger.balances() {
            amounts[row.account, default: [:]][row.commodity, default: 0] += row.amount
            values[row.account, default: 0] += row.value
        }
        for account in amounts.keys {
            for r in try ledger.register(account: account) where r.account == account && r.amount == 0 && r.commodity != "PKR" {
                amounts[account, default: [:]]["PKR", default: 0] += r.value
            }
        }
        var out: [String: [String: String]] = [:]
        for (account, m) in amounts {
            for (c, v) in m where v != 0 { out[account, default: [:]][c] = MinorUnits.format(v, scale: scales[c] ?? 0) }
        }
        return (out.filter { !$0.value.isEmpty }, values.filter { $0.value != 0 }.mapValues { MinorUnits.format($0, scale: 2) })
    }

    @Test func sampleIsConsistent() throws {
        let directory = try TemporaryDirectory("export")
        let path = directory.path("ledger.sqlite")
        let ledger = try Self.sampleLedger(at: path)
        #expect(try ledger.verify().isValid)
        // Revaluation leaves every BTC holding at the 2026-03-31 price; the empty account has no value.
        for row in try ledger.balances(BalanceQuery(prefix: "Assets:Reserve", commodity: "BTC")) {
            #expect(row.value == (try Valuation.value(amount: row.amount, price: 3_012_345_678, amountScale: 8)))
        }
    }

    @Test(.enabled(if: tool("hledger") != nil)) func hledgerBalancesEqualOurs() throws {
        let directory = try TemporaryDirectory("export")
        let path = directory.path("ledger.sqlite")
        let ledger = try Self.sampleLedger(at: path)
        let journal = directory.path("ledger.journal")
        try JournalExport.write(ledger, dialect: .hledger, to: journal)
        let hledger = try #require(Self.tool("hledger"))
        func table(_ extra: [String]) throws -> [String: [String: String]] {
            let result = try Self.run(hledger, ["-f", journal, "bal", "-O", "csv", "--layout=bare", "--no-total"] + extra)
            #expect(result.status == 0)
            var out: [String: [String: String]] = [:]
            for line in result.output.split(separator: "\n").dropFirst() {
                let f = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                guard f.count == 3, f[2] != "0" else { continue }
                out[f[0], default: [:]][f[1]] = f[2]
            }
            return out
        }
        let ours = try Self.expected(ledger)
        #expect(try table([]) == ours.amounts)
        #expect(try table(["-B"]).mapValues { $0["PKR"] ?? "" } == ours.values)
    }

    static let beancountScript = """
        import sys, json
        from decimal import Decimal, ROUND_HALF_EVEN
        from beancount import loader
        from beancount.core import convert, data
        entries, errors, options = loader.load_file(sys.argv[1])
        units, weights = {}, {}
        for entry in entries:
            if isinstance(entry, data.Transaction):
                for p in entry.postings:
                    u = units.setdefault(p.account, {})
                    u[p.units.currency] = u.get(p.units.currency, Decimal(0)) + p.units.number
                    w = convert.get_weight(p)
                    weights[p.account] = weights.get(p.account, Decimal(0)) + w.number
        def q(d, places):
            return format(d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN), "f")
        scale = {"BTC": 8}
        print(json.dumps({"errors": [str(e.message) for e in errors],
          "units": {a: {c: q(n, scale.get(c, 2)) for c, n in m.items() if n != 0} for a, m in units.items()},
          "weights": {a: q(n, 2) for a, n in weights.items() if n != 0}}))
        """

    @Test(.enabled(if: tool("bean-check") != nil && tool("python3") != nil)) func beancountBalancesEqualOurs() throws {
        let directory = try TemporaryDirectory("export")
        let path = directory.path("ledger.sqlite")
        let ledger = try Self.sampleLedger(at: path)
        let journal = directory.path("ledger.beancount"), script = directory.path("balances.py")
        try JournalExport.write(ledger, dialect: .beancount, to: journal)
        try Self.beancountScript.write(toFile: script, atomically: true, encoding: .utf8)
        let check = try Self.run(try #require(Self.tool("bean-check")), [journal])
        #expect(check.status == 0, "bean-check: \(check.output)")
        let result = try Self.run(try #require(Self.tool("python3")), [script, journal])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((json["errors"] as? [String])?.isEmpty == true, "\(json["errors"] ?? "")")
        let units = (json["units"] as? [String: [String: String]] ?? [:]).filter { !$0.value.isEmpty }
        let ours = try Self.expected(ledger)
        #expect(units == ours.amounts)
        #expect(json["weights"] as? [String: String] == ours.values)
    }
}
