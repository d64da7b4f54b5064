import ArgumentParser
import Treasury

/// `reserve wallet list`: registered wallets with their descriptors and derived-address counts.
struct WalletList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List registered wallets.",
        discussion: """
            Records: name, network, gap_limit_count, receive_derived_count,
            change_derived_count, receive_highest_used_index, change_highest_used_index
            (null before any use), account,
            descriptor, change_descriptor (null when the descriptor has <0;1>).

            Examples:
              reserve wallet list
              reserve wallet list --format json
            """)

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let registry = try WalletAccess.open(database, .read)
        let records = try WalletAccess.run {
            try registry.wallets().map { w in
                let receive = try registry.derivedCounts(w, chain: 0)
                let change = try registry.derivedCounts(w, chain: 1)
                return OutputRecord([
                    ("name", .string(w.name)), ("network", .string(w.network.rawValue)),
                    ("gap_limit_count", .int(Int64(w.gapLimit))),
                    ("receive_derived_count", .int(Int64(receive.derived))), ("change_derived_count", .int(Int64(change.derived))),
                    ("receive_highest_used_index", receive.highestUsed.map { .int(Int64($0)) } ?? .null),
                    ("change_highest_used_index", change.highestUsed.map { .int(Int64($0)) } ?? .null),
                    ("account", .string(w.account)), ("descriptor", .string(w.descriptor)),
                    ("change_descriptor", w.changeDescriptor.map(FieldValue.string) ?? .null),
                ])
            }
        }
        CommandDocument(command: "wallet list", rows: records).print(output.format, layout: output.layout)
    }
}
