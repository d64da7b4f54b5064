import Bitcoin
import Foundation
import TestSupport
import Testing
@testable import ReserveCommands

/// `reserve address inspect`: verdict records, file reading, exit codes, and the binary over stdin.
@Suite struct AddressInspectTests {
    @Test func validRecord() {
        let verdict = AddressInspectVerdict(line: 3, input: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", network: .main)
        #expect(verdict.record.jsonObject == """
            {"line":3,"input":"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4","valid":true,"status":"valid","reason":"",\
            "network":"main","type":"p2wpkh","witness_version":0,"program":"751e76e8199196d454941c45d1b3a323f1433bd6",\
            "script_pubkey":"0014751e76e8199196d454941c45d1b3a323f1433bd6"}
            """)
    }

    @Test func base58RecordHasNoWitnessVersion() {
        let verdict = AddressInspectVerdict(line: 1, input: "3CMNFxN1oHBc4R1EpboAL5yzHGgE611Xou", network: nil)
        #expect(verdict.record.jsonObject == """
            {"line":1,"input":"3CMNFxN1oHBc4R1EpboAL5yzHGgE611Xou","valid":true,"status":"valid","reason":"",\
            "network":"main","type":"p2sh","witness_version":null,"program":"74f209f6ea907e2ea48f74fae05782ae8a665257",\
            "script_pubkey":"a91474f209f6ea907e2ea48f74fae05782ae8a66525787"}
            """)
    }

    @Test func sharedPrefixReportsTheRequiredNetwork() {
        let signet = AddressInspectVerdict(line: 1, input: "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", network: .signet)
        #expect(signet.valid && signet.network == .signet)
        let unchecked = AddressInspectVerdict(line: 1, input: "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", network: nil)
        #expect(unchecked.valid && unchecked.network == .test)
        let regtest = AddressInspectVerdict(line: 1, input: "mo9ncXisMeAoXwqcV5EWuyncbmCcQN4rVs", network: .regtest)
        #expect(regtest.valid && regtest.network == .regtest)
    }

    @Test func wrongNetworkIsInvalidWithoutScript() {
        let verdict = AddressInspectVerdict(line: 2, input: "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", network: .regtest)
        #expect(verdict.record.jsonObject == """
            {"line":2,"input":"tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx","valid":false,"status":"invalid",\
            "reason":"wrong network: expected regtest, got test","network":"test","type":"p2wpkh",\
            "witness_version":null,"program":null,"script_pubkey":null}
            """)
    }

    @Test func statuses() {
        func status(_ text: String) -> String { AddressInspectVerdict(line: 1, input: text, network: nil).status }
        #expect(status("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5") == "malformed")
        #expect(status("bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4") == "malformed")
        #expect(status("1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62j") == "malformed")
        #expect(status("") == "malformed")
        #expect(status("tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty") == "unsupported")
        #expect(status("KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn") == "unsupported")
        #expect(status("BC1SW50QGDZ25J") == "valid")
    }

    @Test func fileEntriesKeepPhysicalLineNumbers() {
        let text = "# reserve addresses\r\n\r\n  bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4  \r\n   # indented comment\n\t\n1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62i"
        let entries = AddressInspect.entries(text)
        #expect(entries.map(\.line) == [3, 6])
        #expect(entries.map(\.text) == ["bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62i"])
    }

    @Test func exitCodes() {
        #expect(ReserveMain.execute(["address", "inspect", "--format", "jsonl", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"]) == 0)
        #expect(ReserveMain.execute(["address", "inspect", "--format", "jsonl", "--network", "testnet",
                                     "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"]) == 1)
        #expect(ReserveMain.execute(["address", "inspect"]) == 64)
        #expect(ReserveMain.execute(["address", "inspect", "--network", "litecoin", "x"]) == 64)
        #expect(ReserveMain.execute(["address", "inspect", "--file", "/nonexistent/addresses.txt"]) == 74)
    }

    /// Runs the built `reserve` binary with `input` on stdin; nil when the binary is not next to the tests.
    static func runBinary(_ arguments: [String], input: String) throws -> (status: Int32, stdout: String)? {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [directory.appendingPathComponent("reserve"), Bundle.main.bundleURL.appendingPathComponent("reserve")]
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { return nil }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func binaryReadsStdinInOrder() throws {
        let input = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\n# comment\n\nxprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi\nmo9ncXisMeAoXwqcV5EWuyncbmCcQN4rVs\n"
        let result = try #require(try Self.runBinary(["address", "inspect", "--file", "-", "--format", "jsonl", "--network", "main"], input: input))
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"json_version":2,"command":"address inspect","line":1,"input":"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4","valid":true"#))
        #expect(lines[1].contains(#""line":4"#) && lines[1].contains("watch-only") && lines[1].contains(#""status":"unsupported""#))
        #expect(lines[2].contains(#""line":5"#) && lines[2].contains("wrong network: expected main, got test"))
    }

    @Test func ownerFieldsOnlyWithALedger() throws {
        let directory = try TemporaryDirectory("addr-owner")
        let db = directory.path("reserve.sqlite")
        let mine = "bc1qp5wfcq48h6d63wyy9qz0awtpfqwwv4sma86mhz" // cold, receive chain, index 0
        let other = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
        let arguments = ["address", "inspect", "--file", "-", "--format", "jsonl", "--db", db]

        let before = try #require(try Self.runBinary(arguments, input: mine + "\n"))
        #expect(before.status == 0 && !before.stdout.contains("wallet"))

        let xpub = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8"
        #expect(ReserveMain.execute(["init", "--db", db]) == 0)
        #expect(ReserveMain.execute(["wallet", "add", "cold", "--descriptor", "wpkh(\(xpub)/<0;1>/*)", "--format", "jsonl", "--db", db]) == 0)

        let after = try #require(try Self.runBinary(arguments, input: mine + "\n" + other + "\n"))
        let lines = after.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix(#""wallet":"cold","chain":0,"index":0}"#) == true)
        #expect(lines.last?.hasSuffix(#""wallet":null,"chain":null,"index":null}"#) == true)
    }

    @Test func jsonAndCSVFormats() throws {
        let input = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\nbc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5\n"
        let json = try #require(try Self.runBinary(["address", "inspect", "--file", "-", "--format", "json"], input: input))
        #expect(json.status == 1)
        #expect(json.stdout.hasPrefix(#"{"json_version":2,"command":"address inspect","network":null,"inputs_count":2,"valid_count":1,"not_valid_count":1,"#
                                      + "\n" + #""rows":[{"line":1,"#))

        let csv = try #require(try Self.runBinary(["address", "inspect", "--file", "-", "--format", "csv"], input: input))
        let rows = csv.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "line,input,valid,status,reason,network,type,witness_version,program,script_pubkey")
        #expect(rows.last == "2,bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5,false,malformed,checksum mismatch (mistyped or truncated),,,,,")
    }
}
