import Foundation
import Ledger
import Treasury

/// The "reports" group: a ledger of 1,000,000 transactions shaped like a programme's year (cash-pool payouts with
/// fees, accrual earnings and their payouts, consolidations, monthly bills of three sites), then the holdings and
/// mining reports (median of 5 runs) and peak memory while reporting. REPORT_BENCH_ROWS changes the size.
func reportBench() throws {
    let rows = Int(ProcessInfo.processInfo.environment["REPORT_BENCH_ROWS"] ?? "") ?? 1_000_000
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-bench-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // REPORT_BENCH_DB=PATH keeps the ledger there and reuses it on the next run (booking takes a while).
    let kept = ProcessInfo.processInfo.environment["REPORT_BENCH_DB"]
    let path = kept ?? dir.appendingPathComponent("reports.sqlite").path
    if !FileManager.default.fileExists(atPath: path) {
        let bookTime = try seconds {
            try ReportBenchLedger.book(rows: rows, at: path)
            let store = try LedgerStore.open(at: path, migrations: BookSchema.migrations)
            try ReportBenchLedger.bills(store, dir: dir)
            return 1
        }
        report("book \(rows) transactions (setup)", bookTime, "s")
    }
    let store = try LedgerStore.open(at: path, migrations: BookSchema.migrations)
    // Peak memory of the reports alone: reset the high-water mark after booking (Linux clear_refs 5).
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    let at = ReportBenchLedger.start.adding(days: 364) ?? ReportBenchLedger.start
    let since = ReportBenchLedger.start.adding(days: 180) ?? ReportBenchLedger.start
    let holdings = try median(runs: 5) { try HoldingsReport.compute(store, at: at, since: since).wallets.count }
    report("holdings report (1M transactions)", holdings, "s", target: "≤ 1 s")
    let mining = try median(runs: 5) { try MiningReport.compute(store, by: .month).lines.count }
    report("mining report by month (1M transactions)", mining, "s", target: "≤ 1 s")
    let quarter = try median(runs: 5) { try MiningReport.compute(store, by: .quarter).lines.count }
    report("mining report by quarter", quarter, "s", target: "≤ 1 s")
    report("peak memory while reporting (RSS)", peakRSSMiB(), "MiB", target: "≤ 100 MiB")
}

/// The benchmark's synthetic year: 365 days from 2025-07-01, one BTC price a day.
enum ReportBenchLedger {
    static let start = (try? LedgerDate("2025-07-01")) ?? LedgerDate(year: 2025, month: 7, day: 1)!
    static let sites = ["Tarbela", "Sahiwal", "Sui"]

    static func book(rows: Int, at path: String) throws {
        let store = try LedgerStore.create(at: path, settings: LedgerSettings(functionalCurrency: "PKR", timeZone: "Asia/Karachi",
                                                                                fiscalYearStart: 7),
                                           commodities: [try Commodity("PKR", scale: 2), try Commodity("BTC", scale: 8)],
                                           migrations: BookSchema.migrations)
        try store.write { w in
            for d in 0..<366 {
                try w.addPrice(date: start.adding(days: d) ?? start, base: "BTC", quote: "PKR",
                               price: 3_000_000_000 + Int64(d % 97) * 9_876_543)
            }
        }
        for (i, site) in sites.enumerated() {
            try SiteSpecs.set(try SiteSpec(site: site, hashrateTHs: 300_000 + Int64(i) * 50_000, powerKW: 5_000 + Int64(i) * 1_000),
                              in: store)
        }
        let chunk = 50_000
        var i = 0
        while i < rows {
            let end = min(rows, i + chunk)
            try store.write { w in
                for j in i..<end {
                    let date = start.adding(days: j * 365 / rows) ?? start
                    let sats = Int64(20_000 + (j * 7_919) % 500_000)
                    let site = sites[j % 3]
                    let postings: [PostingDraft]
                    switch j % 100 {
                    case 0..<60:  // cash-pool payout with its fee
                        postings = [PostingDraft("Assets:Reserve:Hot", "BTC", sats),
                                    PostingDraft("Expenses:PoolFees:Luxor", "BTC", sats / 40),
                                    PostingDraft("Income:Mining:\(site)", "BTC", -(sats + sats / 40), value: .balancing)]
                    case 60..<85:  // accrual earnings
                        postings = [PostingDraft("Assets:Receivable:Pool:F2pool", "BTC", sats),
                                    PostingDraft("Income:Mining:Sui", "BTC", -sats, value: .balancing)]
                    case 85..<98:  // accrual payout
                        postings = [PostingDraft("Assets:Reserve:Hot", "BTC", sats),
                                    PostingDraft("Assets:Receivable:Pool:F2pool", "BTC", -sats, value: .balancing)]
                    default:  // consolidation to cold storage
                        postings = [PostingDraft("Assets:Reserve:Hot", "BTC", -(sats + 500), value: .balancing),
                                    PostingDraft("Assets:Reserve:Cold", "BTC", sats),
                                    PostingDraft("Expenses:NetworkFees", "BTC", 500)]
                    }
                    try w.book(TransactionDraft(date: date, narration: "bench", postings: postings, source: "bench",
                                                naturalKey: "bench:\(j)"))
                }
            }
            i = end
        }
    }

    /// Monthly bills of each site, imported as a user would (`reserve import power`).
    static func bills(_ store: LedgerStore, dir: URL) throws {
        var csv = "site,period_start,period_end,kwh,amount,invoice,currency,marginal_amount\n"
        for m in 0..<12 {
            let first = LedgerDate(year: 2025 + (m + 6) / 12, month: (m + 6) % 12 + 1, day: 1) ?? start
            let next = LedgerDate(year: 2025 + (m + 7) / 12, month: (m + 7) % 12 + 1, day: 1) ?? start
            let last = next.adding(days: -1) ?? first
            for site in sites {
                let amount: Int64 = 9_000_000_000 + Int64(m) * 12_345_678
                csv += "\(site),\(first),\(last),3600000,\(MinorUnits.format(amount, scale: 2)),\(site)-\(m),PKR,"
                    + "\(MinorUnits.format(amount / 2, scale: 2))\n"
            }
        }
        let path = dir.appendingPathComponent("bills.csv")
        try Data(csv.utf8).write(to: path)
        _ = try Importer(store: store, wallets: StaticWalletDirectory([:])).importPower(csv: path.path)
    }
}
