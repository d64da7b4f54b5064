import Foundation
import TestSupport
import Testing

/// Where hledger is installed, nil when it is not.
enum HledgerTool {
    static let path: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":") {
            let path = "\(dir)/hledger"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()
}

/// hledger, reading `reserve export journal --to hledger`, gives row for row what `reserve register`,
/// `balance --by month --historical` and `accounts --tree` give on the demo ledger.
@Suite(.serialized, .demoLedger,
       .enabled(if: HledgerTool.path != nil,
                "hledger is not installed (`make test-deps` installs it): the hledger cross-check is skipped"))
struct HledgerQueryCrossCheckTests {
    static var hledger: String? { HledgerTool.path }

    /// The demo's journal, exported once per test (cheap: 8,000 lines).
    static func journal() throws -> String {
        let demo = try #require(DemoLedger.current)
        #expect(demo.status == 0)
        let path = demo.directory.path("demo.journal")
        if !FileManager.default.fileExists(atPath: path) {
            let r = try HDCLI.run(["export", "journal", "--to", "hledger", "--out", path, "--db", demo.db])
            #expect(r.status == 0, "\(r.stderr)")
        }
        return path
    }

    static func ours(_ arguments: [String]) throws -> [[String]] {
        let demo = try #require(DemoLedger.current)
        let r = try HDCLI.run(arguments + ["--format", "csv", "--db", demo.db])
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return r.lines.dropFirst().map { CSVLine.fields($0) }
    }

    static func theirs(_ arguments: [String]) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(hledger))
        process.arguments = ["-f", try journal()] + arguments
        let directory = try TemporaryDirectory("hledger")
        let out = directory.url.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0, "hledger \(arguments)")
        let text = String(decoding: try Data(contentsOf: out), as: UTF8.self)
        return text.split(separator: "\n").map { CSVLine.fields(String($0)) }
    }

    /// The `COMMODITY` part of an hledger amount cell ("0" and absent are nil), as "AMOUNT COMMODITY".
    static func component(_ cell: String, _ commodity: String) -> String? {
        cell.components(separatedBy: ", ").first { $0.hasSuffix(" " + commodity) }
    }

    @Test(arguments: [["cold"], ["hot"], ["electricity"], ["f2pool"], ["income"], ["cold", "-p", "2026Q1"],
                      ["reserve", "--depth", "2", "-p", "FY2025-26 Q2"]])
    func registerAgrees(_ query: [String]) throws {
        var hledgerArgs = ["reg", query[0], "-O", "csv"]
        if let p = query.firstIndex(of: "-p") {
            // Ours is inclusive; hledger's -e is the day after.
            let span: [String: (String, String)] = ["2026Q1": ("2026-01-01", "2026-04-01"), "FY2025-26 Q2": ("2025-10-01", "2026-01-01")]
            let (b, e) = try #require(span[query[p + 1]])
            hledgerArgs += ["-b", b, "-e", e]
        }
        if let d = query.firstIndex(of: "--depth") { hledgerArgs += ["--depth", query[d + 1]] }
        let mine = try Self.ours(["register"] + query)
        let theirs = try Self.theirs(hledgerArgs).dropFirst()
        #expect(mine.count == theirs.count && mine.count > 0, "\(query)")
        for (m, t) in zip(mine, theirs) {
            // ours: date, description, key, id, account, commodity, amount_minor, amount, …, balance_minor, balance
            // hledger: txnidx, date, code, description, account, amount, total
            let commodity = m[5]
            let row = [m[0], m[1], m[4], m[7] + " " + commodity, m[10] == "0" ? "0" : m[11] + " " + commodity]
            let expected = [t[1], t[3], t[4], t[5], Self.component(t[6], commodity) ?? "0"]
            #expect(row == expected, "\(query)")
            if row != expected { break }
        }
    }

    @Test(arguments: [[], ["reserve"], ["electricity", "--depth", "2"], ["", "-p", "2026Q1"]])
    func historicalMonthlyBalancesAgree(_ query: [String]) throws {
        var hledgerArgs = ["bal", "-H", "-M", "-O", "csv", "--no-total"]
        var oursArgs = ["balance", "--by", "month", "--historical"]
        if let pattern = query.first, !pattern.isEmpty { hledgerArgs.append(pattern); oursArgs.append(pattern) }
        if let d = query.firstIndex(of: "--depth") { hledgerArgs += ["--depth", query[d + 1]]; oursArgs += ["--depth", query[d + 1]] }
        if query.contains("-p") { hledgerArgs += ["-b", "2026-01-01", "-e", "2026-04-01"]; oursArgs += ["-p", "2026Q1"] }
        var mine: [String: String] = [:]
        for r in try Self.ours(oursArgs) where r[4] != "0" {
            mine["\(r[2]) \(r[0])", default: ""] += r[5] + " " + r[3] + ";"
        }
        let table = try Self.theirs(hledgerArgs)
        let months = try #require(table.first).dropFirst()
        var theirs: [String: String] = [:]
        for row in table.dropFirst() {
            for (month, cell) in zip(months, row.dropFirst()) where cell != "0" {
                let parts = cell.components(separatedBy: ", ").sorted { $0.split(separator: " ").last! < $1.split(separator: " ").last! }
                theirs["\(row[0]) \(month)"] = parts.map { $0 + ";" }.joined()
            }
        }
        #expect(!mine.isEmpty)
        #expect(mine == theirs, "\(query)")
    }

    @Test func accountTreesAgree() throws {
        let mine = try Self.ours(["accounts", "--tree"]).map { r in
            String(repeating: "  ", count: (Int(r[4]) ?? 1) - 1) + (r[0].split(separator: ":").last.map(String.init) ?? "")
        }
        let process = try Self.theirs(["accounts", "--tree"]).map { $0.joined(separator: ",") }
        #expect(mine == process)
        #expect(mine.count == 28)
        let flat = try Self.ours(["accounts", "--depth", "2"]).map { $0[0] }
        #expect(flat == (try Self.theirs(["accounts", "--depth", "2"]).map { $0.joined(separator: ",") }))
        #expect(try Self.ours(["accounts"]).map { $0[0] } == (try Self.theirs(["accounts"]).map { $0.joined(separator: ",") }))
    }
}

/// Splits one CSV line (quoted fields with doubled quotes; no embedded newlines in these outputs).
enum CSVLine {
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(field); field = ""
            } else {
                field.append(c)
            }
        }
        out.append(field)
        return out
    }
}
