import ArgumentParser
import Foundation

/// `--db PATH`, else `$RESERVE_DB`, else `./reserve.sqlite`.
public struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The ledger file (default: $RESERVE_DB, else ./reserve.sqlite).")
    public var db: String?

    public init() {}

    /// The ledger path this invocation uses.
    public var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["RESERVE_DB"], !env.isEmpty { return env }
        return "reserve.sqlite"
    }

    /// Whether a ledger file exists at `path`.
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }
}
