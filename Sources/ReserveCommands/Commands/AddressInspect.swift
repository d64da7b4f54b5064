import ArgumentParser
import Bitcoin
import Foundation

/// `reserve address inspect ADDRESS… | --file F`: parses and validates addresses, one verdict per input.
struct AddressInspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Parse and validate Bitcoin addresses: type, network, witness program, scriptPubKey.",
        discussion: """
            Reads P2PKH and P2SH (Base58Check), P2WPKH and P2WSH (Bech32), P2TR
            and witness v2-16 (Bech32m). A tb1 address fits test and signet; m, n
            and 2 addresses fit test, signet and regtest; bcrt1 is regtest.
            Private keys (WIF, xprv...) are refused: this tool is watch-only.
            With a ledger at --db (or $RESERVE_DB, or ./reserve.sqlite), each
            valid address also shows the reserve wallet, chain and index that own
            it (null when none does).
            Exit status: 0 when every input is valid, 1 when any is not, 64 on a
            usage error.

            Examples:
              reserve address inspect bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4
              reserve address inspect --network main \\
                1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH 3JvL6Ymt8MVWiCNHC7oWU6nLeHNJKLZGLN
              reserve address inspect --file payouts-addresses.txt --format csv
              cat addresses.txt | reserve address inspect --file - --format jsonl
            """
    )

    @Argument(help: "Addresses to inspect.")
    var addresses: [String] = []

    @Option(name: .long, help: "Read addresses from a file, one per line ('-' for stdin); blank lines and '#' comments are skipped.")
    var file: String?

    @Option(name: .long, help: "Require this network: \(Network.acceptedNames).")
    var network: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if addresses.isEmpty && file == nil { throw ValidationError("give addresses, or --file FILE ('-' for stdin)") }
        if !addresses.isEmpty && file != nil { throw ValidationError("give addresses or --file, not both") }
        if let network, Network(name: network) == nil {
            throw ValidationError("unknown network '\(network)' (expected \(Network.acceptedNames))")
        }
    }

    func run() throws {
        let required = network.flatMap(Network.init(name:))
        let inputs: [(line: Int, text: String)]
        if let file {
            inputs = AddressInspect.entries(try InputFile.read(file))
        } else {
            inputs = addresses.enumerated().map { ($0.offset + 1, $0.element) }
        }
        let verdicts = inputs.map { AddressInspectVerdict(line: $0.line, input: $0.text, network: required) }
        // With a ledger at --db, each valid address also names the reserve wallet that owns it.
        let owners = try WalletOwners(database)
        let validCount = verdicts.count { $0.valid }
        let summary: [(String, FieldValue)] = [
            ("inputs_count", .int(Int64(verdicts.count))),
            ("valid_count", .int(Int64(validCount))),
            ("not_valid_count", .int(Int64(verdicts.count - validCount))),
        ]
        let format = output.format
        let rows = try verdicts.map { try owners.extend(format == .table ? $0.tableRecord : $0.record, $0.valid ? $0.address : nil) }
        CommandDocument(command: "address inspect",
                        parameters: [("network", network.map { .string($0) } ?? .null)],
                        fields: summary, rows: rows).print(format, layout: output.layout)
        if format != .json {
            Console.error("\(verdicts.count) inspected: \(validCount) valid, \(verdicts.count - validCount) not valid")
        }
        if validCount < verdicts.count { throw ExitStatus.checkFailed.exitCode }
    }

    /// The addresses of a file: one per physical line (LF or CRLF), trimmed of spaces and tabs; blank lines
    /// and `#` comments skipped. Works on the UTF-8 bytes: a CRLF pair is one `Character`, so splitting
    /// characters on "\n" would miss it.
    static func entries(_ text: String) -> [(line: Int, text: String)] {
        var result: [(line: Int, text: String)] = []
        var text = text
        text.withUTF8 { utf8 in
            func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
            var number = 0
            var start = 0
            while start < utf8.count {
                var end = start
                while end < utf8.count && utf8[end] != 0x0A { end += 1 }
                number += 1
                var lo = start
                var hi = end
                while lo < hi && isBlank(utf8[lo]) { lo += 1 }
                while hi > lo && isBlank(utf8[hi - 1]) { hi -= 1 }
                if lo < hi && utf8[lo] != UInt8(ascii: "#") {
                    result.append((number, String(decoding: UnsafeBufferPointer(rebasing: utf8[lo..<hi]), as: UTF8.self)))
                }
                start = end + 1
            }
        }
        return result
    }
}
