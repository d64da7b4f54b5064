extension LedgerError {
    /// Whether the ledger itself failed (disk full, an I/O error, a read-only file, a transaction SQLite rolled
    /// back) rather than refusing the record: such a failure is an I/O error (exit 74), never bad data.
    public var isStorageFailure: Bool {
        switch self {
        case .database: return true
        case .refusedTransaction(_, let reason): return reason.isStorageFailure
        default: return false
        }
    }

    /// The database's own message for a storage failure (`database or disk is full`), else the description.
    public var storageMessage: String {
        switch self {
        case .database(let message): return message
        case .refusedTransaction(_, let reason): return reason.storageMessage
        default: return description
        }
    }
}
