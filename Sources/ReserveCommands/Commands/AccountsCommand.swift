import ArgumentParser
import Ledger

/// What `accounts` and its alias `account list` take and print.
struct AccountsOptions: ParsableArguments {
    @Argument(help: "Regular expression for account names (default: every account).")
    var pattern: String?

    @Flag(help: "Show parents, each account indented under its parent (as hledger accounts --tree).")
    var tree = false

    @Option(help: "Show account names down to this many components (Assets:Reserve at 2).")
    var depth: Int?

    @OptionGroup var output: OutputOptions

    @OptionGroup var database: DatabaseOptions

    /// Flat: account, type, opened, closed. Tree: also depth and declared (false for a parent that only groups
    /// others); in a table the account is its last component, indented two spaces a level.
    func run(command: String) throws {
        let format = output.format
        let filter = try QuerySupport.filter(pattern, depth: depth)
        let ledger = try LedgerAccess.open(database, .read)
        let rows = AccountListing.rows(try LedgerAccess.run { try ledger.accounts() }, filter: filter, tree: tree)
        if rows.isEmpty { try QuerySupport.explainEmpty(ledger, filter, span: nil, what: "accounts") }
        let records = rows.map { a in
            var fields: [(String, FieldValue)] = [
                ("account", .string(tree && format == .table
                    ? String(repeating: "  ", count: a.depth - 1) + a.leaf : a.account)),
                ("type", a.type.map { .string($0.rawValue) } ?? .null),
                ("opened", a.opened.map { .string($0.description) } ?? .null),
                ("closed", a.closed.map { .string($0.description) } ?? .null),
            ]
            if tree { fields += [("depth", .int(Int64(a.depth))), ("declared", .bool(a.declared))] }
            return OutputRecord(fields)
        }
        CommandDocument(command: command,
                        parameters: [("pattern", pattern.map(FieldValue.string) ?? .null), ("tree", .bool(tree)),
                                     ("depth", depth.map { .int(Int64($0)) } ?? .null)],
                        rows: records,
                        columns: ["account", "type", "opened", "closed"] + (tree ? ["depth", "declared"] : []))
            .print(format, layout: output.layout)
    }
}

/// `reserve accounts [REGEX] [--tree] [--depth N]`
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "List accounts, flat or as a tree, with their open and close dates.",
        discussion: """
            REGEX matches anywhere in the account name, ignoring case. Records: account,
            type, opened, closed (null while open); with --tree also depth and declared
            (false for a parent shown only to hold its children). `reserve account list`
            is the same command.

            Examples:
              reserve accounts
              reserve accounts --tree
              reserve accounts electricity --format csv
              reserve accounts --depth 2
            """)

    @OptionGroup var options: AccountsOptions

    func run() throws { try options.run(command: "accounts") }
}
