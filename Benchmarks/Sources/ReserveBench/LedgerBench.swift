import Foundation
import Ledger

/// The "ledger" group: book 1M two-posting transactions (natural keys, hash chain, every database
/// check on), then the balance report and a monthly income report; beside them the sqlite3 shell's
/// `.import` of the same rows as CSV (the floor for writing them at all) and hledger/ledger `bal`
/// on our export when installed. Set LEDGER_BENCH_ROWS / LEDGER_BENCH_RUNS to change the size.
func ledgerBench() throws {
    let env = ProcessInfo.processInfo.environment
    let rows = Int(env["LEDGER_BENCH_ROWS"] ?? "") ?? 1_000_000
    let runs = Int(env["LEDGER_BENCH_RUNS"] ?? "") ?? 5
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-bench-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    print("rows: \(rows), runs: \(runs) (median)")
    fflush(nil)

    let csv = dir.appendingPathComponent("rows.csv").path
    try LedgerBenchRows.writeCSV(rows: rows, to: csv)
    var importTimes: [Double] = [], importCPU: [Double] = []
    for run in 0..<(profiling ? 0 : runs) {
        let db = dir.appendingPathComponent("import-\(run).sqlite").path
        let cpu = LedgerBenchRows.cpuSeconds(RUSAGE_CHILDREN)
        importTimes.append(try seconds {
            try LedgerBenchRows.shell("/usr/bin/sqlite3", [db, ".import --csv \(csv) rows"])
            return 1
        })
        importCPU.append(LedgerBenchRows.cpuSeconds(RUSAGE_CHILDREN) - cpu)
    }
    if profiling {
        try LedgerBenchRows.book(rows: rows, at: dir.appendingPathComponent("profile.sqlite").path)
        return
    }
    let importTime = importTimes.sorted()[runs / 2]
    report("sqlite3 .import of the rows as CSV", importTime, "s")
    report("  (CPU time, user+sys)", importCPU.sorted()[runs / 2], "s")
    fflush(nil)

    var bookTimes: [Double] = [], bookCPU: [Double] = [], balanceTimes: [Double] = [], incomeTimes: [Double] = []
    var lastPath = ""
    for run in 0..<runs {
        let path = dir.appendingPathComponent("ledger-\(run).sqlite").path
        lastPath = path
        let cpu = LedgerBenchRows.cpuSeconds(RUSAGE_SELF)
        bookTimes.append(try seconds {
            try LedgerBenchRows.book(rows: rows, at: path)
            return 1
        })
        bookCPU.append(LedgerBenchRows.cpuSeconds(RUSAGE_SELF) - cpu)
        let ledger = try LedgerStore.open(at: path)
        balanceTimes.append(try seconds { try ledger.balances().count })
        incomeTimes.append(try seconds { try ledger.balances(BalanceQuery(prefix: "Income", grouping: .month)).count })
    }
    let book = bookTimes.sorted()[runs / 2]
    report("book \(rows) transactions", book, "s", target: "≤ 8× .import = \(String(format: "%.1f", 8 * importTime)) s")
    report("booking / .import", book / importTime, "×", target: "≤ 8")
    report("  (CPU time, user+sys)", bookCPU.sorted()[runs / 2], "s")
    report("  booking / .import in CPU time", bookCPU.sorted()[runs / 2] / importCPU.sorted()[runs / 2], "×")
    report("balance report", balanceTimes.sorted()[runs / 2], "s", target: "≤ 1 s")
    report("monthly income report", incomeTimes.sorted()[runs / 2], "s", target: "≤ 1 s")
    report("peak memory (RSS)", peakRSSMiB(), "MiB", target: "≤ 100 MiB")
    fflush(nil)

    let ledger = try LedgerStore.open(at: lastPath)
    let journal = dir.appendingPathComponent("export.journal").path
    let exportTime = try seconds {
        try JournalExport.write(ledger, dialect: .hledger, to: journal)
        return 1
    }
    report("export journal (hledger)", exportTime, "s")
    fflush(nil)
    let limit = Double(env["LEDGER_BENCH_TOOL_LIMIT"] ?? "") ?? 300
    for tool in ["hledger", "ledger"] {
        guard let exe = LedgerBenchRows.which(tool) else { print("\(tool): not installed, skipped"); continue }
        let start = ContinuousClock.now
        let finished = try LedgerBenchRows.shell(exe, ["-f", journal, "bal"], limit: limit)
        let elapsed = ContinuousClock.now - start
        let t = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if finished {
            report("\(tool) -f EXPORT bal (1 run)", t, "s")
        } else {
            report("\(tool) -f EXPORT bal: stopped, not done after", limit, "s")
        }
        fflush(nil)
    }
}

struct BenchFailure: Error {
    let message: String
}

/// The benchmark's synthetic rows: 365 days from 2025-07-01, four mining sites, one price a day.
enum LedgerBenchRows {
    static let start = (try? LedgerDate("2025-07-01")) ?? LedgerDate(year: 2025, month: 7, day: 1)!

    static func day(_ i: Int, of rows: Int) -> LedgerDate { start.adding(days: i * 365 / rows) ?? start }
    static func sats(_ i: Int) -> Int64 { Int64(1_000 + (i * 7_919) % 50_000) }
    static func price(_ d: Int) -> Int64 { 2_500_000_000 + Int64(d) * 1_234_567 }

    static func book(rows: Int, at path: String) throws {
        let ledger = try LedgerStore.create(at: path, settings: LedgerSettings(), commodities: [
            try Commodity("PKR", scale: 2), try Commodity("BTC", scale: 8),
        ])
        try ledger.write { w in
            for d in 0..<366 {
                try w.addPrice(date: start.adding(days: d) ?? start, base: "BTC", quote: "PKR", price: price(d))
            }
        }
        let sites = ["Income:Mining:Site-A", "Income:Mining:Site-B", "Income:Mining:Site-C", "Income:Mining:Site-D"]
        let chunk = 100_000
        var i = 0
        while i < rows {
            let end = min(rows, i + chunk)
            try ledger.write { w in
                for j in i..<end {
                    let s = sats(j)
                    try w.book(TransactionDraft(date: day(j, of: rows), narration: "payout", postings: [
                        PostingDraft("Assets:Reserve:Cold", "BTC", s),
                        PostingDraft(sites[j & 3], "BTC", -s, value: .balancing),
                    ], source: "bench", naturalKey: "bench:\(j)"))
                }
            }
            i = end
        }
    }

    static func writeCSV(rows: Int, to path: String) throws {
        var out = "date,narration,source,natural_key,debit,credit,commodity,amount,value\n"
        let sites = ["Income:Mining:Site-A", "Income:Mining:Site-B", "Income:Mining:Site-C", "Income:Mining:Site-D"]
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchFailure(message: "cannot write \(path)") }
        defer { try? handle.close() }
        for j in 0..<rows {
            let d = day(j, of: rows)
            let s = sats(j)
            let v = (try? Valuation.value(amount: s, price: price(d.dayNumber - start.dayNumber), amountScale: 8)) ?? 0
            out += "\(d),payout,bench,bench:\(j),Assets:Reserve:Cold,\(sites[j & 3]),BTC,\(s),\(v)\n"
            if out.utf8.count > 1 << 20 { try handle.write(contentsOf: Data(out.utf8)); out = "" }
        }
        try handle.write(contentsOf: Data(out.utf8))
    }

    /// Runs `executable`; false when it was stopped after `limit` seconds. A failure exit throws.
    @discardableResult
    static func shell(_ executable: String, _ arguments: [String], limit: Double = .infinity) throws -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(limit)
        while p.isRunning {
            if Date() > deadline {
                p.terminate()
                p.waitUntilExit()
                return false
            }
            usleep(20_000)
        }
        guard p.terminationStatus == 0 else { throw BenchFailure(message: "\(executable) exited \(p.terminationStatus)") }
        return true
    }

    /// User + system CPU seconds of this process (`RUSAGE_SELF`) or its waited-for children.
    static func cpuSeconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
