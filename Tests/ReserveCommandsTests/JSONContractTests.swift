import Foundation
import TestSupport
import Testing

/// The output contract of docs/json.md, end to end on the demo ledger: every command's `--format json` validates
/// against its JSON Schema in docs/schema and the field-name rule, every `--format jsonl` line against the line
/// schema, and every `--format csv` is one rectangular table (Python's csv module), via scripts/check-json.py.
@Suite(.serialized, .demoLedger) struct JSONContractTests {
    static let checker = ReportCommandTests.root.appendingPathComponent("scripts/check-json.py").path
    static let fixtures = ReportCommandTests.fixtures

    /// Whether python3 with jsonschema is there (`make test` installs python3-jsonschema).
    static let hasChecker: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import jsonschema"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    /// The commands checked, each with its schema; `{db}` is replaced by the demo ledger (or a copy for writers).
    static func commands(_ dir: TemporaryDirectory) throws -> [(schema: String, arguments: [String])] {
        let f = fixtures
        let ecdsa = dir.path("ecdsa.csv")
        try Data("pubkey,digest,signature\n\(VerifyCommandTests.key),\(VerifyCommandTests.digest),\(VerifyCommandTests.sig)\n".utf8)
            .write(to: URL(fileURLWithPath: ecdsa))
        let schnorr = dir.path("schnorr.csv")
        try Data("""
            pubkey,message,signature
            F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9,0000000000000000000000000000000000000000000000000000000000000000,E907831F80848D1069A5371B402410364BDF1C5F8307B0084C55F1CE2DCA821525F66A4A85EA8B71E482A74F382D2CE5EBEEE8FDB2172F477DF4900D310536C0

            """.utf8).write(to: URL(fileURLWithPath: schnorr))
        let challenge = try ReportCommandTests.challenge()
        return [
            ("report-holdings.json", ["report", "holdings", "--db", "{db}"]),
            ("report-holdings.json", ["report", "holdings", "--since", "2025-07-01", "--db", "{db}"]),
            ("report-mining.json", ["report", "mining", "--by", "quarter", "--db", "{db}"]),
            ("report-reconcile.json", ["report", "reconcile", "--db", "{db}"]),
            ("report-reserves.json", ["report", "reserves", "--attestations", "\(f)/attestations.csv", "--challenge", challenge, "--db", "{db}"]),
            ("report-all.json", ["report", "all", "--db", "{db}"]),
            ("report-all.json", ["report", "all", "--attestations", "\(f)/attestations.csv", "--challenge", challenge, "--db", "{db}"]),
            ("balance.json", ["balance", "--db", "{db}"]),
            ("balance.json", ["balance", "Income", "--by", "quarter", "--db", "{db}"]),
            ("verify-ledger.json", ["verify", "ledger", "--db", "{db}"]),
            ("verify-message.json", ["verify", "message", "--address", "15CRxFdyRpGZLW9w8HnHvVduizdL5jKNbs", "--message", "Trust no one",
                                     "--signature", "IPojfrX2dfPnH26UegfbGQQLrdK844DlHq5157/P6h57WyuS/Qsl+h/WSVGDF4MUi4rWSswW38oimDYfNNUBUOk="]),
            ("verify-ecdsa.json", ["verify", "ecdsa", ecdsa]),
            ("verify-schnorr.json", ["verify", "schnorr", schnorr]),
            ("verify-attestations.json", ["verify", "attestations", "\(f)/attestations.csv", "--challenge", challenge]),
            ("import.json", ["import", "prices", "\(f)/prices.csv", "--dry-run", "--db", "{db}"]),
            ("import.json", ["import", "transactions", "\(f)/transactions.csv", "--dry-run", "--db", "{db}"]),
            ("import.json", ["import", "payouts", "\(f)/luxor-payouts.csv", "--db", "{copy}"]),
            ("import-undo.json", ["import", "undo", "3", "--db", "{copy}"]),
            ("wallet-list.json", ["wallet", "list", "--db", "{db}"]),
            ("wallet-addresses.json", ["wallet", "addresses", "hot", "--count", "3", "--db", "{db}"]),
            ("wallet-add.json", ["wallet", "add", "spare", "--descriptor", DescriptorCommandTests.zpub, "--db", "{copy}"]),
            ("address-inspect.json", ["address", "inspect", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "nonsense", "--db", "{db}"]),
            ("descriptor-derive.json", ["descriptor", "derive", DescriptorCommandTests.zpub, "--count", "3"]),
            ("account-list.json", ["account", "list", "--db", "{db}"]),
            ("account-list.json", ["accounts", "reserve", "--tree", "--db", "{db}"]),
            ("register.json", ["register", "cold", "-p", "2025-07", "--db", "{db}"]),
            ("report-approvals.json", ["report", "approvals", "--db", "{db}"]),
        ]
    }

    static func check(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", checker] + arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: hasChecker)) func everyCommandFollowsTheContract() throws {
        let demo = try #require(DemoLedger.current)
        let dir = try TemporaryDirectory("json-contract")
        for (schema, template) in try Self.commands(dir) {
            for format in ["json", "jsonl", "csv"] {
                // Writers run on a fresh copy of the demo ledger each time.
                let copy = dir.path("copy.sqlite")
                if template.contains("{copy}") {
                    try? FileManager.default.removeItem(atPath: copy)
                    try FileManager.default.copyItem(atPath: demo.db, toPath: copy)
                }
                let arguments = template.map { $0 == "{db}" ? demo.db : $0 == "{copy}" ? copy : $0 } + ["--format", format]
                let r = try HDCLI.run(arguments)
                let name = "reserve " + template.prefix(3).joined(separator: " ") + " --format \(format)"
                #expect([0, 1].contains(r.status), "\(name): exit \(r.status): \(r.stderr)")
                let file = dir.path("out.\(format)")
                try Data(r.stdout.utf8).write(to: URL(fileURLWithPath: file))
                let checked = try Self.check(format == "csv" ? ["csv", file] : [format, schema, file])
                #expect(checked.status == 0, "\(name): \(checked.output)")
            }
        }
    }

    /// The checker itself catches what the contract forbids: an integer as a string, an array document, a CSV of
    /// two tables.
    @Test(.enabled(if: hasChecker)) func theCheckerRefusesTheFirstShape() throws {
        let dir = try TemporaryDirectory("json-contract-bad")
        func run(_ kind: String, _ schema: String, _ text: String) throws -> Int32 {
            let file = dir.path("bad")
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            return try Self.check(kind == "csv" ? ["csv", file] : [kind, schema, file]).status
        }
        #expect(try run("json", "verify-ledger.json", #"[{"valid":true,"head_id":3}]"#) == 1)
        #expect(try run("json", "import-undo.json",
                        #"{"json_version":2,"command":"import undo","reason":"r","batch_id":"2","reversed_count":1,"snapshots_removed_count":0}"#) == 1)
        #expect(try run("json", "import-undo.json",
                        #"{"json_version":2,"command":"import undo","reason":"r","batch_id":2,"reversed_count":1,"snapshots_removed_count":0}"#) == 0)
        #expect(try run("jsonl", "-", #"{"json_version":2,"command":"x","days":92}"#) == 1)
        #expect(try run("csv", "-", "a,b\n1,2\n\nc\n3\n") == 1)
        #expect(try run("csv", "-", "a,b\n1,\"2,3\"\n") == 0)
    }

    /// Headers and rows agree on type: the integers of the first shape's headers are JSON integers now.
    @Test func headerIntegersAreIntegers() throws {
        let demo = try #require(DemoLedger.current)
        let r = try HDCLI.run(["report", "reconcile", "--db", demo.db, "--format", "json"])
        let doc = try ReportCommandTests.json(r.stdout)
        #expect(doc["json_version"] as? Int == 2)
        #expect(doc["report"] as? String == "reconcile")
        #expect(doc["snapshot_id"] as? Int == 1)
        #expect(doc["height"] is Int)
        let m = try ReportCommandTests.json(try HDCLI.run(["report", "mining", "--db", demo.db, "--format", "json"]).stdout)
        let total = try #require(m["sites_total"] as? [String: Any])
        #expect(total["days_count"] is Int)
        #expect(total["days"] == nil)
        #expect(m["value_basis"] as? String == "book")
        let h = try ReportCommandTests.json(try HDCLI.run(["report", "holdings", "--db", demo.db, "--format", "json"]).stdout)
        #expect(h["value_basis"] as? String == "market")
        #expect(h["price_date"] as? String == "2026-06-30")
        #expect(h["price_minor"] is Int)
        #expect(h["currency"] as? String == "PKR")
    }
}
