import Foundation
import GRDB
import Ledger
import Testing
import Treasury

/// `reserve import …` through the built binary: a ledger, a wallet, prices, payouts and power bills; re-import,
/// a broken file, undo, and an import killed mid-file.
@Suite(.serialized) struct ImportCommandTests {
    static let xpub = "xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL"
    /// The first receive addresses of `wpkh(xpub/0/*)`, as `reserve wallet addresses` lists them.
    static let a0 = "bc1qxzv66jwlm5pphum53alctrsdr7stfahcs3g4zm"
    static let a1 = "bc1qlj6q3kwqtv7af02veey7nsn3x5x3uehd4qclpc"

    /// A folder with a ledger (PKR, Asia/Karachi, July fiscal year) holding wallet `cold`, cash pool `f2pool`, site
    /// `guddu-1` and March prices.
    static func ledger() throws -> (VerifyCLI, String) {
        let cli = try VerifyCLI()
        let db = cli.directory.appendingPathComponent("r.sqlite").path
        #expect(try cli.run(["init", "--timezone", "Asia/Karachi", "--fiscal-year-start", "7", "--db", db]).status == 0)
        #expect(try cli.run(["wallet", "add", "cold", "--descriptor", "wpkh(\(xpub)/0/*)", "--db", db]).status == 0)
        #expect(try cli.run(["pool", "add", "f2pool", "--basis", "cash", "--db", db]).status == 0)
        #expect(try cli.run(["site", "add", "guddu-1", "--db", db]).status == 0)
        var prices = "date,currency,price\n"
        for day in 1...28 { prices += "2026-03-\(day < 10 ? "0" : "")\(day),PKR,28500000.00\n" }
        #expect(try cli.run(["import", "prices", try cli.write("prices.csv", prices), "--db", db]).status == 0)
        return (cli, db)
    }

    /// Every row of every table of the ledger file, as text (opening a ledger bumps SQLite's header counters, so
    /// the bytes of two reads differ even when nothing was written).
    static func settledBytes(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var dump = ""
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                dump += "\(table)\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") { dump += row.description + "\n" }
            }
            return dump
        }
    }

    static func hex(_ n: Int) -> String {
        let h = String(n, radix: 16)
        return String(repeating: "0", count: 64 - h.count) + h
    }

    @Test func importReimportBreakUndo() throws {
        let (cli, db) = try ImportCommandTests.ledger()
        let payouts = try cli.write("payouts.csv", """
            paid_at,pool,site,amount_btc,address,txid,vout,fee_btc
            2026-03-01T00:12:05Z,f2pool,guddu-1,0.00012345,\(ImportCommandTests.a0),\(ImportCommandTests.hex(1)),0,0.00000617
            2026-03-02T10:00:00+05:00,f2pool,guddu-1,0.5,\(ImportCommandTests.a1),\(ImportCommandTests.hex(2)),1,

            """)
        let first = try cli.run(["import", "payouts", payouts, "--format", "json", "--db", db])
        #expect(first.status == 0)
        #expect(first.stdout == "{\"json_version\":2,\"command\":\"import payouts\",\"file\":\"\(payouts)\",\"new_count\":2,"
                + "\"already_booked_count\":0,\"conflicting_count\":0,\"rejected_count\":0,\"batch_id\":2,\"dry_run\":false}\n")
        let again = try cli.run(["import", "payouts", payouts, "--format", "jsonl", "--db", db])
        #expect(again.stdout.hasSuffix(",\"new_count\":0,\"already_booked_count\":2,\"conflicting_count\":0,\"rejected_count\":0,\"batch_id\":3,\"dry_run\":false}\n"))
        let before = try ImportCommandTests.settledBytes(db)
        let broken = try cli.write("broken.csv", """
            paid_at,pool,site,amount_btc,address,txid,vout
            2026-03-03,f2pool,guddu-1,0.1,\(ImportCommandTests.a0),\(ImportCommandTests.hex(3)),0
            2026-03-03,f2pool,guddu-1,0.1,\(ImportCommandTests.a0),\(ImportCommandTests.hex(4)),x

            """)
        let bad = try cli.run(["import", "payouts", broken, "--db", db])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("broken.csv:3: vout: vout must be an integer ≥ 0, got \"x\"\nerror: nothing was written"))
        #expect(try ImportCommandTests.settledBytes(db) == before)
        let dry = try cli.run(["import", "payouts", payouts, "--dry-run", "--format", "csv", "--db", db])
        #expect(dry.lines.first == "line,key,status,date,description")
        #expect(dry.lines.count == 3)
        let undo = try cli.run(["import", "undo", "2", "--format", "jsonl", "--db", db])
        #expect(undo.stdout == "{\"json_version\":2,\"command\":\"import undo\",\"reason\":\"undone by reserve import undo\",\"batch_id\":2,\"reversed_count\":2,\"snapshots_removed_count\":0}\n")
        #expect(try cli.run(["import", "payouts", payouts, "--format", "jsonl", "--db", db]).stdout.contains("\"new_count\":2,"))
        #expect(try cli.run(["import", "undo", "99", "--db", db]).status == 64)
    }

    @Test func poolBasisAndEarnings() throws {
        let (cli, db) = try ImportCommandTests.ledger()
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/pools/braiins-daily-rewards.json").path
        let cash = try cli.run(["import", "earnings", sample, "--source", "braiins", "--pool", "braiins", "--site", "guddu-1", "--db", db])
        #expect(cash.status == 65)
        #expect(cash.stderr.contains("reserve pool add braiins --basis accrual"))
        #expect(try cli.run(["pool", "add", "braiins", "--basis", "accrual", "--db", db]).status == 0)
        #expect(try cli.run(["pool", "add", "braiins", "--basis", "cash", "--db", db]).status == 65)
        let accrual = try cli.run(["import", "earnings", sample, "--source", "braiins", "--pool", "braiins", "--site", "guddu-1",
                                   "--format", "jsonl", "--db", db])
        #expect(accrual.status == 0)
        #expect(accrual.stdout.contains("\"new_count\":2,"))
        #expect(try cli.run(["import", "payouts", "x.json", "--source", "f2pool", "--db", db]).status == 64)
        #expect(try cli.run(["import", "payouts", "missing.csv", "--db", db]).status == 74)
    }

    @Test func killedImportLeavesNothingAndTheRerunCompletes() throws {
        let (cli, db) = try ImportCommandTests.ledger()
        var text = "paid_at,pool,site,amount_btc,address,txid,vout\n"
        let rows = 20_000
        for i in 0..<rows { text += "2026-03-02T10:00:00Z,f2pool,guddu-1,0.00\(100 + i % 800)123,\(ImportCommandTests.a0),\(ImportCommandTests.hex(i + 1000)),\(i % 3)\n" }
        let path = try cli.write("big.csv", text)
        let count = { () throws -> Int in
            let store = try LedgerStore.open(at: db, migrations: BookSchema.migrations)
            return try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM txn WHERE source = 'payouts'") ?? 0 }
        }
        let process = Process()
        process.executableURL = VerifyCLI.binary
        process.arguments = ["import", "payouts", path, "--db", db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it 1.5 s in: reading, validating and booking 20,000 rows takes several seconds in a debug build.
        usleep(1_500_000)
        #expect(process.isRunning, "the import finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try count() == 0)
        let rerun = try cli.run(["import", "payouts", path, "--format", "jsonl", "--db", db])
        #expect(rerun.status == 0)
        #expect(rerun.stdout.contains("\"new_count\":\(rows),"))
        #expect(try count() == rows)
    }
}
