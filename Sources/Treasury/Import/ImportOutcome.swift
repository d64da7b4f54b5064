import Ledger

/// What an import file holds (the `reserve import` subcommands).
public enum ImportKind: String, Sendable, CaseIterable {
    case payouts, earnings, power, settlements, transactions, prices, snapshot
}

/// One input record as the import saw it (listed by `--dry-run`).
public struct ImportedRecord: Sendable, Equatable {
    public enum Status: String, Sendable {
        case new
        case alreadyBooked = "already_booked"
        case conflicting
        case rejected
    }
    public var line: Int
    public var key: String
    public var status: Status
    /// Accounting date ("" when the record was rejected before it had one; payouts give it only to `onRecord`, as
    /// the description: no text per row when nothing lists them).
    public var date: String
    /// What would be booked, in words (accounts and amounts).
    public var description: String
}

/// The result of one import: counts, the batch, and every problem found.
public struct ImportOutcome: Sendable {
    public var counts = BatchCounts()
    /// The recorded batch; nil on a dry run or when the import was refused.
    public var batch: Int64?
    /// The first `ImportOptions.errorLimit` errors, in input order.
    public var errors: [InputError] = []
    /// All errors, including those past the limit.
    public var errorCount = 0
    /// Remarks that are not errors (entries of another kind that this import leaves alone).
    public var notes: [String] = []
    public var dryRun = false

    /// Records read, whatever their status.
    public var records: Int { counts.new + counts.alreadyBooked + counts.conflicting + counts.rejected }

    /// Whether the import wrote (or, on a dry run, would write) its batch.
    public var succeeded: Bool { errorCount == 0 }
}

/// How to run an import.
public struct ImportOptions {
    /// Validate and report, then write nothing.
    public var dryRun = false
    /// How many errors are listed; the rest are counted.
    public var errorLimit = 50
    /// Oldest price (in days before the accounting date) booking may use; nil: the ledger's setting (default 3).
    public var maxPriceAgeDays: Int?
    /// Called with each record's outcome, in input order (for `--dry-run` listings).
    public var onRecord: ((ImportedRecord) -> Void)?
    /// Called now and then with the bytes read, the input's size when known, and the records handled so far.
    public var onProgress: ((Int, Int?, Int) -> Void)?
    /// Whether records may name pools and sites not declared before (`reserve pool add`, `reserve site add`). When not,
    /// an import naming any is refused, listing them (the CLI is strict unless given `--new-pools`/`--new-sites`).
    public var allowsNewPools = true
    public var allowsNewSites = true
    /// Whether `import transactions` books inputs signed with SIGHASH_NONE, SINGLE or ANYONECANPAY (`--allow-sighash`);
    /// by default such a transaction is refused, since others could change it after it was signed.
    public var allowsPermissiveSighash = false

    public init(dryRun: Bool = false, errorLimit: Int = 50) {
        self.dryRun = dryRun
        self.errorLimit = errorLimit
    }
}
