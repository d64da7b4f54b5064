import ArgumentParser
import Treasury

/// `reserve wallet addresses NAME [--change] [--start I] [--count N]`.
struct WalletAddresses: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "addresses",
        abstract: "List a wallet's addresses (default: every derived address of the chain).",
        discussion: """
            Records: chain (0 receive, 1 change), index, address, script_pubkey.
            Indexes past the derived table are derived on the fly.

            Examples:
              reserve wallet addresses hot
              reserve wallet addresses cold --change --count 5
              reserve wallet addresses hot --start 100 --count 10 --format csv
            """
    )

    @Argument(help: "Wallet name.")
    var name: String

    @Flag(help: "The change chain.")
    var change = false

    @Option(help: "First index (0 to 2147483647).")
    var start: Int64 = 0

    @Option(help: "Number of indexes (default: up to the end of the derived table).")
    var count: Int64?

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let registry = try WalletAccess.open(database, .read)
        let chain = change ? 1 : 0
        let records = try WalletAccess.run { () throws -> [OutputRecord] in
            let wallet = try registry.wallet(named: name)
            guard try wallet.descriptor(chain: chain) != nil else {
                throw CommandFailure(.usage, "wallet \(name) has no change chain (register it with a <0;1> descriptor or --change-descriptor)")
            }
            let derived = try registry.derivedCounts(wallet, chain: chain).derived
            let n = count ?? max(1, Int64(derived) - start)
            let range = try DerivationRequest.range(start: start, count: n)
            return try registry.addresses(wallet, chain: chain, range: range).map(WalletAccess.record)
        }
        CommandDocument(command: "wallet addresses",
                        parameters: [("name", .string(name)), ("chain", .int(Int64(chain))), ("start_index", .int(start)),
                                     ("requested_count", count.map { .int($0) } ?? .null)],
                        rows: records, columns: ["chain", "index", "address", "script_pubkey"])
            .print(output.format, layout: output.layout)
    }
}
