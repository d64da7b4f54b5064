import Foundation
import TestSupport
import Testing

/// One demo ledger for a suite (built by `reserve demo`, as `make demo` does): made when the suite starts, in a
/// temporary directory that goes when the suite ends.
struct DemoLedger: Sendable {
    let directory: TemporaryDirectory
    /// `reserve demo`'s exit status (-1 when it could not be run).
    let status: Int32
    var dir: URL { directory.url }
    var db: String { directory.path("reserve.sqlite") }

    /// The demo of the suite running in this task.
    @TaskLocal static var current: DemoLedger?

    /// The suite trait: builds the demo, runs the suite's tests with it as `current`, then lets it go.
    struct Scope: SuiteTrait, TestScoping {
        func provideScope(for test: Test, testCase: Test.Case?,
                          performing function: @Sendable () async throws -> Void) async throws {
            let directory = try TemporaryDirectory("report-cli")
            let r = try? HDCLI.run(["demo", "--out", directory.path, "--fixtures", ReportCommandTests.fixtures])
            try await DemoLedger.$current.withValue(DemoLedger(directory: directory, status: r?.status ?? -1)) {
                try await function()
            }
        }
    }
}

extension Trait where Self == DemoLedger.Scope {
    /// Runs the suite with one demo ledger, ``DemoLedger/current``.
    static var demoLedger: Self { Self() }
}

/// `reserve demo` and `reserve report …` end to end through the built binary, on the demo fixtures.
@Suite(.serialized, .demoLedger) struct ReportCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("fixtures/demo").path

    static var demo: DemoLedger {
        get throws { try #require(DemoLedger.current) }
    }

    static func challenge() throws -> String {
        let conf = try String(contentsOfFile: fixtures + "/demo.conf", encoding: .utf8)
        return conf.split(separator: "\n").first { $0.hasPrefix("challenge=") }.map { String($0.dropFirst(10)) } ?? ""
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func demoRunsAndWritesTheHTMLPage() throws {
        #expect(try Self.demo.status == 0)
        let html = try String(contentsOf: Self.demo.dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(html.contains("Matches the chain"))
        #expect(html.contains("Fully proven"))
        #expect(PageChecks.problems(html) == [])
        // Details fold under <details>; the checks come after mining, together.
        #expect(html.contains("<details><summary>Every month and site (36 rows)</summary>"))
        let mining = try #require(html.range(of: "id=\"mining\"")), checks = try #require(html.range(of: "id=\"checks\""))
        #expect(mining.lowerBound < checks.lowerBound)
        // Human labels, not field names.
        for field in ["snapshot_id", "as_of_date", "best_block", "proven_minus_ledger", "fiscal-year", ">25-07<"] {
            #expect(!html.contains(field), "\(field)")
        }
    }

    /// `report holdings --since`: the movement rows run from the opening to the closing reserve, which is the
    /// wallets' total in the same document; the page shows the same closing figure.
    @Test func holdingsMovementAddsUpInJSONAndOnThePage() throws {
        let r = try HDCLI.run(["report", "holdings", "--since", "2025-06-30", "--at", "2026-06-30", "--format", "json",
                               "--db", Self.demo.db])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.json(r.stdout)
        let rows = try #require(doc["movement"] as? [[String: Any]])
        let total = try #require(doc["movement_total"] as? [String: Any])
        let wallets = try #require(doc["wallets_total"] as? [String: Any])
        #expect(rows.compactMap { $0["btc_sats"] as? Int }.reduce(0, +) == total["btc_sats"] as? Int)
        #expect(total["btc_sats"] as? Int == wallets["btc_sats"] as? Int)
        // Pool fees and network fees are the ledger's own accounts over the year.
        let fees = try #require(rows.first { $0["step"] as? String == "pool_fees" }?["btc_sats"] as? Int)
        #expect(fees < 0)
        let html = try String(contentsOf: Self.demo.dir.appendingPathComponent("report.html"), encoding: .utf8)
        let closing = try #require(total["btc"] as? String)
        let whole = closing.split(separator: ".")
        let grouped = ReportCommandTests.grouped(String(whole[0])) + "." + whole[1]
        #expect(html.contains("<td>Reserve at the end of 2026-06-30</td><td class=\"num\">\(grouped)</td>"))
    }

    static func grouped(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }

    @Test func reconcileMatchesTheSnapshot() throws {
        let r = try HDCLI.run(["report", "reconcile", "--format", "json", "--db", Self.demo.db])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.json(r.stdout)
        #expect(doc["passed"] as? Bool == true)
        let total = try #require(doc["wallets_total"] as? [String: Any])
        #expect(total["difference_sats"] as? Int == 0)
        #expect((doc["outputs"] as? [[String: Any]])?.allSatisfy { $0["status"] as? String == "matched" } == true)
    }

    @Test func holdingsJSONTotalsEqualTheRows() throws {
        let r = try HDCLI.run(["report", "holdings", "--format", "json", "--db", Self.demo.db])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.json(r.stdout)
        let rows = try #require(doc["wallets"] as? [[String: Any]])
        let total = try #require(doc["wallets_total"] as? [String: Any])
        #expect(rows.compactMap { $0["btc_sats"] as? Int }.reduce(0, +) == total["btc_sats"] as? Int)
        #expect(rows.compactMap { $0["value_minor"] as? Int }.reduce(0, +) == total["value_minor"] as? Int)
        let table = try HDCLI.run(["report", "holdings", "--db", Self.demo.db])
        let btc = try #require(total["btc"] as? String)
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("Reserve total") && $0.contains(btc) })
    }

    @Test func aBadSignatureLeavesReservesUnproven() throws {
        var lines = try String(contentsOfFile: Self.fixtures + "/attestations.csv", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Corrupt the last (cold, funded) attestation's signature: its balance becomes unproven.
        let last = lines.count - 2
        lines[last] = String(lines[last].dropLast(8)) + "AAAAAAA="
        let file = try Self.demo.dir.appendingPathComponent("tampered.csv")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let r = try HDCLI.run(["report", "reserves", "--attestations", file.path, "--challenge", try Self.challenge(),
                               "--format", "json", "--db", Self.demo.db])
        #expect(r.status == 1)
        let doc = try Self.json(r.stdout)
        #expect(doc["passed"] as? Bool == false)
        let rows = try #require(doc["addresses"] as? [[String: Any]])
        #expect(rows.filter { $0["status"] as? String == "invalid_signature" }.count == 1)
        #expect(doc["unproven_sats"] as? Int ?? 0 > 0)
    }

    /// `report approvals`: the quarter-end sweeps of the cold wallet are signed 2 of 3, every keyholder in turn,
    /// named from `wallet add --key-names`; nothing is flagged.
    @Test func approvalsNameTheSigners() throws {
        let r = try HDCLI.run(["report", "approvals", "--format", "csv", "--db", Self.demo.db])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("section,total,date,txid,spent_sats,spent_btc,to_reserve_sats") == true)
        #expect(lines.filter { $0.hasPrefix("spends,false,2025-") || $0.hasPrefix("spends,false,2026-") }.count == 12)
        for name in ["Finance Ministry", "State Bank", "Auditor General"] { #expect(r.stdout.contains("p2wsh 2 of 3, cold): ") && r.stdout.contains(name)) }
        #expect(!r.stdout.contains("--allow-sighash"))
        let q = try HDCLI.run(["report", "approvals", "--from", "2025-12-01", "--to", "2025-12-31", "--db", Self.demo.db])
        #expect(q.status == 0 && q.stdout.contains("spends count: 1"))
        #expect(try HDCLI.run(["report", "approvals", "--from", "2026-01-01", "--to", "2025-12-31", "--db", Self.demo.db]).status == 64)
    }

    @Test func usageErrors() throws {
        #expect(try HDCLI.run(["report", "mining", "--by", "decade", "--db", Self.demo.db]).status == 64)
        #expect(try HDCLI.run(["report", "holdings", "--at", "2026-13-01", "--db", Self.demo.db]).status == 64)
        #expect(try HDCLI.run(["report", "holdings", "--db", "/nonexistent/x.sqlite"]).status == 74)
        #expect(try HDCLI.run(["site", "set", "Sui", "--hashrate-ths", "0", "--power-kw", "5", "--db", Self.demo.db]).status == 64)
    }
}
