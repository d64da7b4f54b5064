import ArgumentParser
import Bitcoin
import Foundation

/// `reserve descriptor derive D|KEY [--change] [--network N] --start I --count N`: addresses and
/// scriptPubKeys of a descriptor or bare extended public key, without a database.
struct DescriptorDerive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Derive addresses and scriptPubKeys from a descriptor or an extended public key.",
        discussion: """
            A bare xpub/tpub stands for pkh(KEY/<0;1>/*), ypub/upub for
            sh(wpkh(KEY/<0;1>/*)), zpub/vpub for wpkh(KEY/<0;1>/*). A descriptor
            without /* has the same script at every index. No ledger is needed.
            Records: chain (0 receive, 1 change), index, address (null for scripts
            without one), script_pubkey.

            Examples:
              reserve descriptor derive \\
                'tr(79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798)'
              reserve descriptor derive --change --count 5 \\
                "$(grep ^hot, fixtures/demo/wallets.csv | cut -d, -f2)"
              reserve descriptor derive "$XPUB" --network main --start 100 --count 20 \\
                --format csv
            """
    )

    @Argument(help: "An output descriptor (checksum optional) or an extended public key.")
    var descriptor: String

    @Flag(help: "Derive the change chain (branch 1 of a <0;1> step; /1/* for a bare key).")
    var change = false

    @Option(help: "Network for addresses: main, test, signet, regtest (default: the key's).")
    var network: String?

    @Option(help: "First derivation index (0 to 2147483647).")
    var start: Int64 = 0

    @Option(help: "Number of indexes (start + count ≤ 2^31).")
    var count: Int64 = 1

    @OptionGroup var output: OutputOptions

    func run() throws {
        let parsed: Descriptor
        do { parsed = try Descriptor(descriptorOrKey: descriptor.trimmingCharacters(in: .whitespacesAndNewlines)) } catch {
            throw CommandFailure(.dataError, "\(error)")
        }
        let chain = try DerivationRequest.chain(of: parsed, change: change)
        let net = try DerivationRequest.network(for: parsed, requested: network)
        let range = try DerivationRequest.range(start: start, count: count)
        let deriver: DescriptorDeriver
        do { deriver = try DescriptorDeriver(parsed.branch(chain)) } catch {
            throw CommandFailure(.dataError, "\(error)")
        }
        try DerivedRows.write(deriver: deriver, chain: chain, range: range, network: net, format: output.format,
                              layout: output.layout,
                              parameters: [("network", .string(net.rawValue)), ("chain", .int(Int64(chain))),
                                           ("start_index", .int(start)), ("requested_count", .int(count))])
    }
}
