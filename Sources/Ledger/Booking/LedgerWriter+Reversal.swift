import Foundation
import GRDB

/// Counts an import batch records; stored with the batch.
public struct BatchCounts: Hashable, Sendable {
    public var new: Int
    public var alreadyBooked: Int
    public var conflicting: Int
    public var rejected: Int

    public init(new: Int = 0, alreadyBooked: Int = 0, conflicting: Int = 0, rejected: Int = 0) {
        self.new = new
        self.alreadyBooked = alreadyBooked
        self.conflicting = conflicting
        self.rejected = rejected
    }
}

extension LedgerWriter {
    /// Books the reversal of transaction `id` (every posting negated, amounts and values) on `date`
    /// (default: the original's date) and releases the original's natural key. Returns the reversal's id.
    @discardableResult
    public func reverse(_ id: Int64, reason: String, date: LedgerDate? = nil, batch: Int64? = nil) throws -> Int64 {
        try writePending()
        let original = try run { try transaction(id) }
        try run {
            if original.reverses != nil { throw LedgerError.reversalOfReversal(id) }
            if let by = try Int64.fetchOne(db, sql: "SELECT id FROM txn WHERE reverses = ?", arguments: [id]) {
                throw LedgerError.alreadyReversed(id, by: by)
            }
        }
        let postings = try original.postings.map { p -> PostingDraft in
            guard p.amount != Int64.min, p.value != Int64.min else {
                throw LedgerError.money(.arithmeticOverflow(operation: "negation in reversal of \(id)"))
            }
            return PostingDraft(p.account, p.commodity, -p.amount, value: .explicit(-p.value), metadata: p.metadata)
        }
        let draft = TransactionDraft(date: date ?? original.date, narration: "Reversal of \(id): \(reason)",
                                     postings: postings, source: "reversal", batch: batch)
        let reversal = try bookDraft(draft, reverses: id)
        // By key, the table's primary key: a release by `txn_id` scans every key.
        if let key = original.naturalKey {
            try run { try db.execute(sql: "DELETE FROM natural_key WHERE key = ? AND txn_id = ?", arguments: [key, id]) }
        }
        return reversal
    }

    /// Allocates an import batch id; record it with ``finishBatch(_:kind:fileName:fileSHA256:counts:importedAt:)``
    /// before the write ends (its row is checked at commit).
    public func nextBatchID() throws -> Int64 {
        try run { (try Int64.fetchOne(db, sql: "SELECT max(id) FROM import_batch") ?? 0) + 1 }
    }

    /// Records an import batch: file name, SHA-256 of the file (hex), counts and time.
    public func finishBatch(_ id: Int64, kind: String, fileName: String, fileSHA256: String, counts: BatchCounts,
                            importedAt: Date = Date()) throws {
        try writePending()
        try run {
            let stamp = importedAt.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 0)!))
            try db.execute(sql: """
                INSERT INTO import_batch(id, kind, file_name, file_sha256, new_count, already_booked_count,
                  conflicting_count, rejected_count, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, kind, fileName, fileSHA256.lowercased(), counts.new, counts.alreadyBooked,
                                 counts.conflicting, counts.rejected, stamp])
            let row = try Row.fetchOne(db, sql: "SELECT * FROM import_batch WHERE id = ?", arguments: [id])!
            try record(date: settings.accountingDate(of: importedAt), kind: ConfigurationRecords.batchKind,
                       naturalKey: String(id), body: ConfigurationRecords.batchBody(row))
        }
    }

    /// Reverses every live transaction of batch `id` (newest first) and releases their natural keys,
    /// so the corrected file can be imported again. Returns how many transactions were reversed.
    ///
    /// Linear in the batch and flat in memory: the originals are read a page at a time by the batch index (with
    /// their postings, in one query), their reversals booked with deferred writes, and the page's keys released
    /// by key (`natural_key` is keyed by `key`; a release by `txn_id` would scan the whole table per reversal).
    @discardableResult
    public func undoBatch(_ id: Int64, reason: String) throws -> Int {
        try writePending()
        try run {
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM import_batch WHERE id = ?)", arguments: [id]) == true else {
                throw LedgerError.unknownBatch(id)
            }
        }
        let why = "undo of import batch \(id): \(reason)"
        var reversed = 0
        var below = Int64.max
        var keys: [(key: String, txn: Int64)] = []
        try deferringWrites(upTo: LedgerWriter.maxDeferred) {
            while true {
                let page = try run { try undoPage(batch: id, below: below) }
                guard let last = page.last else { break }
                keys.removeAll(keepingCapacity: true)
                for original in page {
                    let draft = TransactionDraft(date: original.date, narration: "Reversal of \(original.id): \(why)",
                                                 postings: original.reversal, source: "reversal")
                    try bookDraft(draft, reverses: original.id)
                    if let key = original.naturalKey { keys.append((key, original.id)) }
                }
                // The keys go once their reversals are written (the release trigger checks for them).
                try writePending()
                try run {
                    let release = try db.cachedStatement(sql: "DELETE FROM natural_key WHERE key = ? AND txn_id = ?")
                    for k in keys { try release.execute(arguments: [k.key, k.txn]) }
                }
                reversed += page.count
                below = last.id
            }
        }
        return reversed
    }

    /// Transactions an undo reverses per page.
    static let undoPageSize = 512

    /// A transaction an undo reverses: its id, date, key and its postings already negated.
    private struct UndoOriginal {
        let id: Int64
        let date: LedgerDate
        let naturalKey: String?
        var reversal: [PostingDraft]
    }

    /// The next page of batch `batch`'s live transactions with ids below `below`, newest first, with their postings.
    private func undoPage(batch: Int64, below: Int64) throws -> [UndoOriginal] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT t.id, t.date, t.natural_key, a.name, p.commodity, p.amount, p.value, p.metadata
            FROM (SELECT id, date, natural_key FROM txn t WHERE t.batch = ? AND t.id < ? AND t.reverses IS NULL
                    AND NOT EXISTS (SELECT 1 FROM txn r WHERE r.reverses = t.id) ORDER BY t.id DESC LIMIT ?) t
            JOIN posting p ON p.txn_id = t.id JOIN account a ON a.id = p.account_id
            ORDER BY t.id DESC, p.line
            """), arguments: [batch, below, LedgerWriter.undoPageSize])
        var page: [UndoOriginal] = []
        while let row = try rows.next() {
            let txn: Int64 = row[0], amount: Int64 = row[5], value: Int64 = row[6]
            guard amount != Int64.min, value != Int64.min else {
                throw LedgerError.money(.arithmeticOverflow(operation: "negation in reversal of \(txn)"))
            }
            let posting = PostingDraft(row[3], row[4], -amount, value: .explicit(-value), metadata: row[7])
            if page.last?.id == txn {
                page[page.count - 1].reversal.append(posting)
            } else {
                page.append(UndoOriginal(id: txn, date: try LedgerDate(row[1]), naturalKey: row[2], reversal: [posting]))
            }
        }
        return page
    }
}
