/// How a posting gets its value in the functional currency.
public enum PostingValue: Hashable, Sendable {
    /// Functional-currency postings: the amount. Others: amount × the day's price (at most
    /// `maxPriceAgeDays` old), rounded half to even.
    case atPrice
    /// A value the caller computed.
    case explicit(Int64)
    /// Minus the sum of the other postings' values: this leg takes the rounding residue.
    case balancing
}

/// One leg of a transaction to book.
public struct PostingDraft: Hashable, Sendable {
    public var account: String
    public var commodity: String
    /// Minor units of `commodity`; negative for credits.
    public var amount: Int64
    public var value: PostingValue
    /// Free domain data (txid:vout, invoice, kWh…), stored and hashed as given.
    public var metadata: String?

    public init(_ account: String, _ commodity: String, _ amount: Int64, value: PostingValue = .atPrice,
                metadata: String? = nil) {
        self.account = account
        self.commodity = commodity
        self.amount = amount
        self.value = value
        self.metadata = metadata
    }
}

/// A transaction to book: validated, valued, sealed and chained by ``LedgerWriter/book(_:)``.
public struct TransactionDraft: Hashable, Sendable {
    public var date: LedgerDate
    public var narration: String
    public var postings: [PostingDraft]
    /// Where it came from (`payouts`, `power`, `manual`…).
    public var source: String?
    /// The idempotency key (UNIQUE among live transactions).
    public var naturalKey: String?
    public var metadata: String?
    /// The import batch (from ``LedgerWriter/beginBatch(kind:fileName:fileSHA256:)``).
    public var batch: Int64?

    public init(date: LedgerDate, narration: String, postings: [PostingDraft], source: String? = nil,
                naturalKey: String? = nil, metadata: String? = nil, batch: Int64? = nil) {
        self.date = date
        self.narration = narration
        self.postings = postings
        self.source = source
        self.naturalKey = naturalKey
        self.metadata = metadata
        self.batch = batch
    }
}

/// A transaction as booked.
public struct BookedPosting: Hashable, Sendable {
    public let line: Int
    public let account: String
    public let commodity: String
    public let amount: Int64
    public let value: Int64
    public let metadata: String?
}

/// A booked transaction read back from the journal.
public struct BookedTransaction: Hashable, Sendable {
    public let id: Int64
    public let date: LedgerDate
    public let narration: String
    public let source: String?
    public let naturalKey: String?
    public let reverses: Int64?
    public let batch: Int64?
    public let metadata: String?
    public let postings: [BookedPosting]
    /// The chain hash, lowercase hex.
    public let hash: String
}
