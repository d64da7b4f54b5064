import ArgumentParser
import Foundation

/// `reserve demo [--out DIR] [--fixtures DIR]`: builds a fresh ledger from fixtures/demo with the same commands a
/// user would type (README walks through them), prints every report and writes the HTML page.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo ledger from fixtures/demo (a fiscal year of a national programme), print every report, write the HTML.",
        discussion: """
            Exits 0 when it ran: the reports show their own findings. Every step is
            a public `reserve` command, echoed before it runs; the ledger is
            DIR/reserve.sqlite and the page DIR/report.html. Run it from the
            repository root, or pass --fixtures.

            Examples:
              reserve demo
              reserve demo --out /tmp/demo
              reserve demo --out /tmp/demo --fixtures ~/ReserveLedger/fixtures/demo
            """)

    @Option(help: "Where to write the ledger and the HTML report.")
    var out = "demo-out"

    @Option(help: "The demo fixtures (test-only data made with throwaway keys).")
    var fixtures = "fixtures/demo"

    func run() throws {
        let files = FileManager.default
        let conf = try DemoConfiguration(directory: fixtures)
        do {
            try files.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(.ioError, "\(out): cannot create the output directory (\(error.localizedDescription))")
        }
        let db = out + "/reserve.sqlite"
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: db + suffix) {
            do { try files.removeItem(atPath: db + suffix) } catch {
                throw CommandFailure(.ioError, "\(db + suffix): cannot remove the previous demo ledger")
            }
        }
        let html = out + "/report.html"
        var steps: [[String]] = [["init", "--currency", "PKR", "--timezone", "Asia/Karachi", "--fiscal-year-start", "7"]]
        steps += conf.wallets.map { w in
            ["wallet", "add", w.name, "--descriptor", w.descriptor] + (conf.keyNames[w.name].map { ["--key-names", $0] } ?? [])
        }
        // Pools and sites are declared before any data names them (imports refuse undeclared ones).
        steps += [["pool", "add", conf.cashPool, "--basis", "cash"], ["pool", "add", conf.accrualPool, "--basis", "accrual"]]
        steps += conf.sites.map { ["site", "add", $0.site, "--hashrate-ths", $0.hashrate, "--power-kw", $0.power] }
        steps += [
            ["import", "prices", fixtures + "/prices.csv"],
            ["import", "payouts", fixtures + "/\(conf.cashPool)-payouts.csv"],
            ["import", "earnings", fixtures + "/f2pool-transactions.json", "--source", "f2pool", "--pool", conf.accrualPool,
             "--site", conf.accrualSite],
            ["import", "payouts", fixtures + "/f2pool-transactions.json", "--source", "f2pool", "--pool", conf.accrualPool,
             "--site", conf.accrualSite],
            ["import", "power", fixtures + "/power-bills.csv"],
            ["import", "settlements", fixtures + "/settlements.csv"],
            ["import", "transactions", fixtures + "/transactions.csv"],
            ["import", "snapshot", fixtures + "/snapshot.json", "--as-of", conf.snapshotAsOf],
        ]
        steps += [["verify", "ledger"],
                  ["report", "all", "--attestations", fixtures + "/attestations.csv", "--challenge", conf.challenge,
                   "--title", conf.programme, "--html", html]]
        var failed: [String] = []
        for step in steps {
            Console.error("\n$ reserve " + step.map(Self.shellQuoted).joined(separator: " ") + " --db " + db)
            let status = ReserveMain.execute(step + ["--db", db])
            if status != 0 { failed.append("`reserve \(step.prefix(2).joined(separator: " "))` exited \(status)") }
        }
        Console.error("")
        if !failed.isEmpty { Console.error("demo: steps with findings or errors: " + failed.joined(separator: "; ")) }
        Console.error("demo: ledger \(db); HTML report \(html) (open it in a browser)")
    }

    static func shellQuoted(_ s: String) -> String {
        s.contains(where: { " ,()<>;*'\"".contains($0) }) ? "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" : s
    }
}

/// fixtures/demo/demo.conf, wallets.csv and sites.csv: what the demo types.
struct DemoConfiguration {
    var programme: String
    var challenge: String
    var snapshotAsOf: String
    var cashPool: String
    var accrualPool: String
    var accrualSite: String
    var wallets: [(name: String, descriptor: String)]
    /// `key_names_<wallet>=a,b,c` lines: the keyholders of a wallet's keys, in descriptor order.
    var keyNames: [String: String]
    var sites: [(site: String, hashrate: String, power: String)]

    init(directory: String) throws {
        func lines(_ name: String) throws -> [String] {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(.ioError, "\(path): cannot read the demo fixtures (run from the repository root or pass --fixtures DIR)")
            }
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        var values: [String: String] = [:]
        for line in try lines("demo.conf") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            values[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        func value(_ key: String) throws -> String {
            guard let v = values[key], !v.isEmpty else {
                throw CommandFailure(.dataError, "\(directory)/demo.conf: missing \(key)")
            }
            return v
        }
        keyNames = [:]
        for (key, names) in values where key.hasPrefix("key_names_") { keyNames[String(key.dropFirst("key_names_".count))] = names }
        programme = try value("programme")
        challenge = try value("challenge")
        snapshotAsOf = try value("snapshot_as_of")
        cashPool = try value("cash_pool")
        accrualPool = try value("accrual_pool")
        accrualSite = try value("accrual_site")
        wallets = try lines("wallets.csv").dropFirst().compactMap { line in
            guard let comma = line.firstIndex(of: ",") else { return nil }
            return (String(line[..<comma]), String(line[line.index(after: comma)...]))
        }
        sites = try lines("sites.csv").dropFirst().compactMap { line in
            let parts = line.split(separator: ",").map(String.init)
            return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
        }
    }
}
