import Bitcoin
import Foundation
import Testing

/// Runs the built `reserve` binary (next to the test bundle) and captures its output.
enum HDCLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reserve")
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ["RESERVE_DB": "/nonexistent/reserve.sqlite"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }
}

/// `reserve descriptor derive`: formats, chains, networks, index bounds and refusals, end to end.
@Suite struct DescriptorCommandTests {
    static let zpub = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs"

    @Test func bip84AddressesAsJSONL() throws {
        let r = try HDCLI.run(["descriptor", "derive", Self.zpub, "--start", "0", "--count", "2", "--format", "jsonl"])
        #expect(r.status == 0)
        #expect(r.lines == [
            #"{"json_version":2,"command":"descriptor derive","chain":0,"index":0,"address":"bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu","script_pubkey":"0014c0cebcd6c3d3ca8c75dc5ec62ebe55330ef910e2"}"#,
            #"{"json_version":2,"command":"descriptor derive","chain":0,"index":1,"address":"bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g","script_pubkey":"00149c90f934ea51fa0f6504177043e0908da6929983"}"#,
        ])
        let change = try HDCLI.run(["descriptor", "derive", Self.zpub, "--change", "--count", "1", "--format", "csv"])
        #expect(change.lines == ["chain,index,address,script_pubkey",
                                 "1,0,bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el,00143e34985dca6fddc9fb369940e4c7d8e2873f529c"])
    }

    @Test func lastIndexAndRangeErrors() throws {
        let last = try HDCLI.run(["descriptor", "derive", Self.zpub, "--start", "2147483647", "--count", "1", "--format", "jsonl"])
        #expect(last.status == 0 && last.lines.count == 1 && last.stdout.contains(#""index":2147483647"#))
        for (args, fragment) in [(["--start", "2147483647", "--count", "2"], "start + count must be ≤ 2^31"),
                                 (["--start", "2147483648"], "out of range"), (["--count", "0"], "at least 1")] {
            let r = try HDCLI.run(["descriptor", "derive", Self.zpub] + args)
            #expect(r.status == 64 && r.stderr.contains(fragment), "\(args)")
        }
        // Without /*, every index has the one script.
        let fixed = try HDCLI.run(["descriptor", "derive", "raw(deadbeef)", "--start", "7", "--count", "2", "--format", "csv"])
        #expect(fixed.status == 0 && fixed.lines == ["chain,index,address,script_pubkey", "0,7,,deadbeef", "0,8,,deadbeef"])
    }

    @Test func networksFollowTheKey() throws {
        let tpub = try ExtendedPublicKey(parsing: Self.zpub).encoded(as: .bip32Public(testnet: true))
        let tpubDescriptor = "wpkh(\(tpub)/0/*)"
        let test = try HDCLI.run(["descriptor", "derive", tpubDescriptor, "--format", "jsonl"])
        #expect(test.status == 0 && test.stdout.contains(#""address":"tb1q"#))
        let reg = try HDCLI.run(["descriptor", "derive", tpubDescriptor, "--network", "regtest", "--format", "jsonl"])
        #expect(reg.status == 0 && reg.stdout.contains(#""address":"bcrt1q"#))
        let wrong = try HDCLI.run(["descriptor", "derive", tpubDescriptor, "--network", "main"])
        #expect(wrong.status == 64 && wrong.stderr.contains("does not match"))
        let bogus = try HDCLI.run(["descriptor", "derive", Self.zpub, "--network", "moon"])
        #expect(bogus.status == 64)
    }

    @Test func refusalsNamePositionAndReason() throws {
        let cases: [(String, String)] = [
            ("wpkh(\(Self.zpub)/0/*)#aaaaaaaa", "bad checksum"),
            ("wpkh(\(Self.zpub)/0/*", "expected ')'"),
            ("combo(\(Self.zpub)/0/*)", "unsupported: combo()"),
            ("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi", "watch-only"),
            ("wpkh(L4rK1yDtCWekvXuE6oXD9jCYfFNV2cWRpVuPLBcCU2z8TrisoyY1)", "watch-only"),
            ("wpkh(\(Self.zpub)/0h/*)", "hardened"),
        ]
        for (descriptor, fragment) in cases {
            let r = try HDCLI.run(["descriptor", "derive", descriptor])
            #expect(r.status == 65, "\(descriptor.prefix(30))")
            #expect(r.stderr.hasPrefix("error: descriptor position ") && r.stderr.contains(fragment), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        let noChange = try HDCLI.run(["descriptor", "derive", "wpkh(\(Self.zpub)/0/*)", "--change"])
        #expect(noChange.status == 64)
    }

    @Test func jsonDocumentAndScriptsWithoutAddress() throws {
        let r = try HDCLI.run(["descriptor", "derive", "raw(deadbeef)", "--format", "json"])
        #expect(r.stdout == #"{"json_version":2,"command":"descriptor derive","network":"main","chain":0,"start_index":0,"requested_count":1,"#
                + "\n" + #""rows":[{"chain":0,"index":0,"address":null,"script_pubkey":"deadbeef"}]}"# + "\n")
    }
}
