import ArgumentParser
import Ledger
import Treasury

/// `reserve upgrade`: applies the migrations a ledger made by an older version lacks.
struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Bring a ledger made by an older version up to this version's schema.",
        discussion: """
            Applies, in order, every migration the ledger lacks and prints the schema
            number before and after (the number of migrations applied). Read commands
            (balance, reports, verify, export, lists) never upgrade: on an older ledger
            they exit 74 and ask for this command. The first writing command (an
            import, wallet add, ...) upgrades the ledger too, saying so on stderr.

            Examples:
              reserve upgrade
              reserve upgrade --db year.sqlite
            """
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let store = try LedgerAccess.open(database, .write)
        let total = BookSchema.migrations.count
        if let upgrade = store.upgrade {
            Console.out("\(database.path): upgraded from schema \(upgrade.from) to \(upgrade.to)")
        } else {
            Console.out("\(database.path): already at schema \(total); nothing to do")
        }
    }
}
