import ArgumentParser
import Foundation

/// `--db PATH`, else `$RESERVE_DB`, else `./reserve.sqlite`; `--wait SECONDS` for another writer.
public struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The ledger file (default: $RESERVE_DB, else ./reserve.sqlite).")
    public var db: String?

    @Option(name: .customLong("wait"), help: ArgumentHelp(
        "How long to wait for another process writing the ledger before giving up (exit 74).", valueName: "seconds"))
    public var wait: Double = 30

    public init() {}

    public func validate() throws {
        guard wait.isFinite, (0...86_400).contains(wait) else {
            throw ValidationError("--wait: \(wait) is not a number of seconds from 0 to 86400")
        }
    }

    /// The ledger path this invocation uses.
    public var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["RESERVE_DB"], !env.isEmpty { return env }
        return "reserve.sqlite"
    }

    /// Whether a ledger file exists at `path`.
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }
}
