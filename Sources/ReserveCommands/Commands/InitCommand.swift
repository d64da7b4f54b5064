import ArgumentParser
import Ledger
import Treasury

/// `reserve init`: creates a new ledger file (never overwrites one).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new ledger (refuses to overwrite an existing file).",
        discussion: """
            Creates the ledger at --db (or $RESERVE_DB, or ./reserve.sqlite). The
            currency values every posting, the time zone gives each timestamp its
            accounting date, and the fiscal year start sets quarters and years.

            Examples:
              reserve init
              reserve init --currency PKR --timezone Asia/Karachi --fiscal-year-start 7
              reserve init --network signet --db signet.sqlite
            """
    )

    @Option(help: "Functional currency: every posting is valued in it (2 decimals).")
    var currency = "PKR"

    @Option(help: "IANA time zone giving each timestamp its accounting date.")
    var timezone = "UTC"

    @Option(help: "Month (1-12) the fiscal year starts in.")
    var fiscalYearStart = 1

    @Option(help: "Bitcoin network: main, test, signet or regtest (mainnet, testnet, testnet4 accepted).")
    var network = "main"

    @OptionGroup var database: DatabaseOptions

    /// DESIGN.md network spellings and their aliases, to the stored name.
    static let networks = ["main": "main", "mainnet": "main", "test": "test", "testnet": "test", "testnet3": "test",
                           "testnet4": "test", "signet": "signet", "regtest": "regtest"]

    func run() throws {
        guard let net = InitCommand.networks[network] else {
            throw CommandFailure(.usage, "--network: unknown network \"\(network)\" (main, test, signet, regtest)")
        }
        guard (1...12).contains(fiscalYearStart) else {
            throw CommandFailure(.usage, "--fiscal-year-start: \(fiscalYearStart) is not a month 1-12")
        }
        let commodities: [Commodity]
        do {
            let functional = try Commodity(currency, scale: 2)
            commodities = currency == "BTC" ? [functional] : [functional, try Commodity("BTC", scale: 8)]
            guard currency != "BTC" else {
                throw CommandFailure(.usage, "--currency: BTC cannot be the functional currency")
            }
        } catch let error as LedgerError {
            throw CommandFailure(.usage, "--currency: \(error)")
        }
        let settings = LedgerSettings(functionalCurrency: currency, timeZone: timezone, fiscalYearStart: fiscalYearStart,
                                      extra: ["network": net])
        let ledger: LedgerStore
        do {
            ledger = try LedgerStore.create(at: database.path, settings: settings, commodities: commodities,
                                            migrations: BookSchema.migrations)
        } catch let error as LedgerError {
            if case .invalidSetting = error { throw CommandFailure(.usage, error.description) }
            throw LedgerAccess.failure(error)
        }
        let report = try LedgerAccess.run { try ledger.verify() }
        Console.out("created \(database.path): functional currency \(currency), time zone \(timezone), "
                    + "fiscal year from month \(fiscalYearStart), network \(net); head \(report.headHash)")
    }
}
