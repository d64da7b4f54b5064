import Foundation
import GRDB

/// Writes the ledger as a plain-text journal that hledger or Beancount reads as it is, with the same
/// balances: amounts in their own commodity (BTC with 8 decimals), values as total-cost annotations
/// (`@@`), revaluations as functional-currency-only postings, assertions in each tool's own timing.
public enum JournalExport {
    public enum Dialect: String, Sendable, CaseIterable {
        case hledger, beancount
    }

    /// Writes the journal to `path` (replacing it).
    public static func write(_ ledger: LedgerStore, dialect: Dialect, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw LedgerError.database("\(path): cannot create file")
        }
        defer { try? handle.close() }
        try write(ledger, dialect: dialect, to: handle)
    }

    /// Writes the journal to an open file (stdout for `-`).
    public static func write(_ ledger: LedgerStore, dialect: Dialect, to handle: FileHandle) throws {
        var sink = Sink(handle: handle)
        try ledger.read { db in
            var writer = try JournalWriter(db: db, dialect: dialect, functional: ledger.settings.functionalCurrency)
            try writer.write(into: &sink)
        }
        try sink.flush()
    }

    /// The journal as a string (small ledgers, tests).
    public static func render(_ ledger: LedgerStore, dialect: Dialect) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(ledger, dialect: dialect, to: path)
        guard let data = FileManager.default.contents(atPath: path) else { throw LedgerError.database("\(path): cannot read") }
        return String(decoding: data, as: UTF8.self)
    }

    struct Sink {
        let handle: FileHandle
        var buffer: [UInt8] = []

        mutating func append(_ s: String) throws {
            buffer.append(contentsOf: s.utf8)
            if buffer.count >= 1 << 20 { try flush() }
        }

        mutating func flush() throws {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
