import ArgumentParser
import Foundation
import Treasury

/// `reserve wallet add NAME --descriptor D [--change-descriptor D2] [--gap-limit N]`.
struct WalletAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a watch-only wallet: validates its descriptors and derives its first addresses.",
        discussion: """
            The wallet's network is the ledger's (reserve init --network). Its coins
            are booked to Assets:Reserve:<NAME>. The first addresses of each chain
            are shown.

            Examples:
              reserve wallet add hot \\
                --descriptor "$(grep ^hot, fixtures/demo/wallets.csv | cut -d, -f2)"
              reserve wallet add vault --descriptor "$ZPUB" --gap-limit 50
              reserve wallet add cold --descriptor "wpkh($XPUB/0/*)" \\
                --change-descriptor "wpkh($XPUB/1/*)"
            """
    )

    @Argument(help: "Wallet name: [A-Za-z0-9][A-Za-z0-9-]*.")
    var name: String

    @Option(help: "Receive descriptor, a <0;1> multipath descriptor for both chains, or a bare xpub/ypub/zpub.")
    var descriptor: String

    @Option(help: "Change descriptor (when --descriptor has no <0;1> step).")
    var changeDescriptor: String?

    @Option(help: "Unused addresses kept derived after the highest used one, per chain.")
    var gapLimit = 20

    @Option(help: "Keyholders' names, comma-separated, one per key in descriptor order (shown by `report approvals`).")
    var keyNames: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let registry = try WalletAccess.open(database, .write)
        let wallet = try WalletAccess.run {
            try registry.add(name: name, descriptor: descriptor.trimmingCharacters(in: .whitespacesAndNewlines),
                             changeDescriptor: changeDescriptor?.trimmingCharacters(in: .whitespacesAndNewlines), gapLimit: gapLimit,
                             keyNames: keyNames.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? [])
        }
        let first = try WalletAccess.run {
            try registry.addresses(wallet, chain: 0, range: 0..<5) + registry.addresses(wallet, chain: 1, range: 0..<5)
        }
        let summary = ["wallet \(wallet.name) added: network \(wallet.network.rawValue), gap limit \(wallet.gapLimit), account \(wallet.account)",
                       "descriptor: \(wallet.descriptor)"] + (wallet.changeDescriptor.map { ["change descriptor: \($0)"] } ?? [])
        for line in summary {
            if output.format == .table { Console.out(line) } else { Console.error(line) }
        }
        CommandDocument(command: "wallet add",
                        parameters: [("name", .string(wallet.name)), ("network", .string(wallet.network.rawValue)),
                                     ("gap_limit_count", .int(Int64(wallet.gapLimit))), ("account", .string(wallet.account)),
                                     ("descriptor", .string(wallet.descriptor)),
                                     ("change_descriptor", wallet.changeDescriptor.map(FieldValue.string) ?? .null)],
                        rows: first.map(WalletAccess.record)).print(output.format, layout: output.layout)
    }
}
