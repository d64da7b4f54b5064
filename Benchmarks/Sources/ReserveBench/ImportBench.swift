import Foundation
import Ledger
import Treasury

/// `reserve import payouts` of a 1,000,000-row CSV into a ledger with one registered wallet (CSV parsing, address
/// decoding, wallet lookup, valuation and booking), beside the sqlite3 shell's `.import` of the same file; peak
/// memory after the 100,000-row and the 1,000,000-row imports. Median of 5 runs (`IMPORT_BENCH_RUNS` to change);
/// `IMPORT_BENCH_ROWS` (comma-separated row counts, e.g. `100000`) to iterate on one size; with `BENCH_PROFILE=1`,
/// `IMPORT_BENCH_REPORTS=1` profiles the import into a ledger with the report aggregates installed.
func importBench() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let xpub = "xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL"
    let addresses = [
        "bc1qxzv66jwlm5pphum53alctrsdr7stfahcs3g4zm", "bc1qlj6q3kwqtv7af02veey7nsn3x5x3uehd4qclpc",
        "bc1qwjxx4xqym6nzk870er3g22zmw56nzmx02m2s43",
    ]
    let runs = Int(ProcessInfo.processInfo.environment["IMPORT_BENCH_RUNS"] ?? "") ?? 5
    let ledgerPath = directory.appendingPathComponent("ledger.sqlite").path
    /// A fresh ledger with wallet `cold` (wpkh of the xpub) and a price for every day of March 2026.
    /// With `reports`, the report aggregates are installed too (any ledger a report has been run on).
    func freshLedger(reports: Bool = false) throws -> LedgerStore {
        let path = ledgerPath
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try LedgerStore.create(
            at: path, settings: LedgerSettings(functionalCurrency: "PKR", timeZone: "Asia/Karachi", fiscalYearStart: 7, extra: ["network": "main"]),
            commodities: [try Commodity("PKR", scale: 2), try Commodity("BTC", scale: 8)], migrations: reports ? BookSchema.migrations : BookSchema.migrations.filter { !$0.name.contains("report-aggregates") })
        _ = try WalletRegistry(store: store).add(name: "cold", descriptor: "wpkh(\(xpub)/0/*)")
        try store.write { w in
            for day in 1...31 { try w.addPrice(date: LedgerDate(year: 2026, month: 3, day: day)!, base: "BTC", quote: "PKR", price: 2_850_000_000) }
        }
        return store
    }
    /// Writes an `n`-row payouts CSV, streaming.
    func writeCSV(rows n: Int) throws -> String {
        let path = directory.appendingPathComponent("payouts-\(n).csv").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var chunk = "paid_at,pool,site,amount_btc,address,txid,vout,fee_btc\n"
        for i in 0..<n {
            let day = 1 + i % 28
            let txid = String(i, radix: 16)
            chunk += "2026-03-\(day < 10 ? "0" : "")\(day)T0\(i % 10):12:05Z,f2pool,guddu-\(1 + i % 3),0.0\(1000 + i % 9000)1,"
                + "\(addresses[i % addresses.count]),\(String(repeating: "0", count: 64 - txid.count))\(txid),\(i % 4),0.0000\(100 + i % 900)\n"
            if chunk.utf8.count > 1 << 20 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
        try handle.close()
        return path
    }
    func sqliteImport(_ csv: String) throws -> Double {
        let db = directory.appendingPathComponent("plain-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: db) }
        return try seconds {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            p.arguments = [db, "-cmd", ".mode csv", ".import \(csv) payouts"]
            try p.run()
            p.waitUntilExit()
            return Int(p.terminationStatus)
        }
    }
    func ourImport(_ csv: String, rows: Int, reports: Bool = false) throws -> Double {
        let store = try freshLedger(reports: reports)
        return try seconds {
            let outcome = try Importer(store: store, wallets: RegisteredWallets()).importPayouts(csv: csv)
            guard outcome.errorCount == 0, outcome.counts.new == rows else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(outcome.errors.first.map { "\($0)" } ?? "bad counts")"])
            }
            return outcome.counts.new
        }
    }
    let sizes = (ProcessInfo.processInfo.environment["IMPORT_BENCH_ROWS"] ?? "").split(separator: ",").compactMap { Int($0) }
    for rows in sizes.isEmpty ? [100_000, 1_000_000] : sizes {
        let csv = try writeCSV(rows: rows)
        var plain: [Double] = [], ours: [Double] = []
        if profiling {
            _ = try ourImport(csv, rows: rows, reports: ProcessInfo.processInfo.environment["IMPORT_BENCH_REPORTS"] == "1")
            continue
        }
        for _ in 0..<runs {
            plain.append(try sqliteImport(csv))
            ours.append(try ourImport(csv, rows: rows))
        }
        plain.sort()
        ours.sort()
        let label = rows == 1_000_000 ? "1M" : rows == 100_000 ? "100k" : "\(rows)"
        let (p, o) = (plain[runs / 2], ours[runs / 2])
        report("sqlite3 .import \(label) rows (median of \(runs))", p, "s")
        report("reserve import payouts \(label) rows (median of \(runs))", o, "s")
        report("import payouts \(label) vs sqlite3 .import", o / p, "×", target: "≤ 10×")
        report("import payouts \(label) rows/s", Double(rows) / o, "rows/s")
        report("peak RSS after the \(label) imports", peakRSSMiB(), "MiB", target: "≤ 100 MiB, same at 100k and 1M")
        if rows <= 100_000 {
            let withReports = try ourImport(csv, rows: rows, reports: true)
            report("  same, ledger with report aggregates (1 run)", withReports, "s")
            report("  that vs sqlite3 .import", withReports / p, "×")
        }
        try? FileManager.default.removeItem(atPath: csv)
    }
}
