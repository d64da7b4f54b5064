/// One thing `verify` found wrong, naming the record where it is.
public struct VerificationFailure: Hashable, Sendable, CustomStringConvertible {
    public enum Check: String, Sendable {
        case chain, balance, dailyTotals = "daily-totals", assertion, naturalKey = "natural-key", schema, head
        /// A table derived from chained records differs from what the chain gives.
        case derived
    }

    public let check: Check
    /// The journal id of the bad record, when there is one.
    public let record: Int64?
    public let message: String

    public var description: String { "\(check.rawValue): \(message)" }
}

/// The outcome of ``LedgerStore/verify(expectHead:)``: what was checked and what failed.
public struct VerificationReport: Sendable {
    /// The last record whose link verified (the head when the chain is intact).
    public let headID: Int64
    /// Lowercase hex of that record's hash (64 zeros for an empty ledger).
    public let headHash: String
    public let transactions: Int
    public let postings: Int
    public let prices: Int
    public let assertions: Int
    /// Documents (chained facts of other modules: snapshots and the like).
    public let documents: Int
    /// In check order: chain, balances, daily totals, assertions, natural keys, schema, expected head.
    public let failures: [VerificationFailure]

    public var isValid: Bool { failures.isEmpty }
}
