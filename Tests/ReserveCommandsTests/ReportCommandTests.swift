import Foundation
import Testing

/// `reserve demo` and `reserve report …` end to end through the built binary, on the demo fixtures.
@Suite(.serialized) struct ReportCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("fixtures/demo").path

    /// One demo ledger for the suite (built by `reserve demo`, as `make demo` does).
    static let demo: (dir: URL, db: String, status: Int32) = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-cli-\(getpid())")
        let r = try? HDCLI.run(["demo", "--out", dir.path, "--fixtures", fixtures])
        return (dir, dir.appendingPathComponent("reserve.sqlite").path, r?.status ?? -1)
    }()

    static func challenge() throws -> String {
        let conf = try String(contentsOfFile: fixtures + "/demo.conf", encoding: .utf8)
        return conf.split(separator: "\n").first { $0.hasPrefix("challenge=") }.map { String($0.dropFirst(10)) } ?? ""
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func demoRunsAndWritesTheHTMLPage() throws {
        #expect(Self.demo.status == 0)
        let html = try String(contentsOf: Self.demo.dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(html.contains("Matches the chain"))
        #expect(html.contains("Fully proven"))
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
        let file = Self.demo.dir.appendingPathComponent("tampered.csv")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let r = try HDCLI.run(["report", "reserves", "--attestations", file.path, "--challenge", try Self.challenge(),
                               "--format", "json", "--db", Self.demo.db])
        #expect(r.status == 1)
        let doc = try Self.json(r.stdout)
        #expect(doc["passed"] as? Bool == false)
        let rows = try #require(doc["addresses"] as? [[String: Any]])
        #expect(rows.filter { $0["status"] as? String == "invalid_signature" }.count == 1)
        #expect(Int(doc["unproven_sats"] as? String ?? "") ?? 0 > 0)
    }

    @Test func usageErrors() throws {
        #expect(try HDCLI.run(["report", "mining", "--by", "decade", "--db", Self.demo.db]).status == 64)
        #expect(try HDCLI.run(["report", "holdings", "--at", "2026-13-01", "--db", Self.demo.db]).status == 64)
        #expect(try HDCLI.run(["report", "holdings", "--db", "/nonexistent/x.sqlite"]).status == 74)
        #expect(try HDCLI.run(["site", "set", "Sui", "--hashrate-ths", "0", "--power-kw", "5", "--db", Self.demo.db]).status == 64)
    }
}
