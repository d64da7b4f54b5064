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
        try run { try db.execute(sql: "DELETE FROM natural_key WHERE txn_id = ?", arguments: [id]) }
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
        }
    }

    /// Reverses every live transaction of batch `id` (newest first) and releases their natural keys,
    /// so the corrected file can be imported again. Returns the reversals' ids.
    @discardableResult
    public func undoBatch(_ id: Int64, reason: String) throws -> [Int64] {
        try writePending()
        let ids = try run { () -> [Int64] in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM import_batch WHERE id = ?)", arguments: [id]) == true else {
                throw LedgerError.unknownBatch(id)
            }
            return try Int64.fetchAll(db, sql: """
                SELECT t.id FROM txn t WHERE t.batch = ? AND t.reverses IS NULL
                  AND NOT EXISTS (SELECT 1 FROM txn r WHERE r.reverses = t.id) ORDER BY t.id DESC
                """, arguments: [id])
        }
        return try ids.map { try reverse($0, reason: "undo of import batch \(id): \(reason)") }
    }
}
