import GRDB

/// A transaction checked, valued and chained, whose rows are not written yet.
struct PendingTransaction {
    let id: Int64
    let date: String
    let draft: TransactionDraft
    let reverses: Int64?
    let hash: [UInt8]
    /// Where its postings' account ids and values start in `LedgerWriter.pendingPostings`.
    let firstPosting: Int
}

extension LedgerWriter {
    /// Runs `body` with the rows of its bookings written `limit` transactions at a time (at most
    /// `maxDeferred`), then writes the rest.
    ///
    /// Each booking is still checked, valued and chained when it is made, and the database still seals each
    /// transaction; only the writing is grouped: the postings of all queued transactions go in by one multi-row
    /// insert and their transaction rows by another, which costs SQLite far less than statements per transaction.
    /// The writer's own reads and journal writes write the queue first. Other code reading journal tables through
    /// `db` inside `body` must call ``writePending()`` first. A refusal by the database surfaces at a later call
    /// as ``LedgerError/refusedTransaction(id:_:)`` naming the refused transaction.
    public func deferringWrites<T>(upTo limit: Int, _ body: () throws -> T) throws -> T {
        let previous = deferLimit
        deferLimit = min(max(limit, 1), LedgerWriter.maxDeferred)
        defer { deferLimit = previous }
        let result = try body()
        // After a refusal the writer is unusable and its queue moot: the caller's error ends the write.
        if failed == nil { try writePending() }
        return result
    }

    /// Transactions a deferred write may queue: their rows bind 10 parameters each.
    static let maxDeferred = 64

    /// Writes the queued transactions (see ``deferringWrites(upTo:_:)``).
    public func writePending() throws {
        guard !pending.isEmpty else { return }
        try run {
            defer {
                pending.removeAll(keepingCapacity: true)
                pendingPostings.removeAll(keepingCapacity: true)
            }
            guard deferLimit > 1 else { return try write(pending[...]) }
            if pending.count > 1 {
                // All at once inside a savepoint; when the database refuses one, the group is undone and written
                // again one by one below, so that the refusal names its transaction.
                try savepoint("SAVEPOINT pending_writes")
                do {
                    try write(pending[...])
                    return try savepoint("RELEASE pending_writes")
                } catch let error as DatabaseError {
                    // Only a refusal (a constraint or trigger) is worth writing again one by one. On disk full or an
                    // I/O error SQLite may have rolled back the whole transaction, savepoint included: report that.
                    guard error.resultCode == .SQLITE_CONSTRAINT, db.isInsideTransaction else { throw error }
                    try savepoint("ROLLBACK TO pending_writes")
                    try savepoint("RELEASE pending_writes")
                }
            }
            for i in pending.indices {
                do {
                    try write(pending[i...i])
                } catch let refusal as LedgerError {
                    throw LedgerError.refusedTransaction(id: pending[i].id, refusal)
                } catch let refusal as DatabaseError {
                    throw LedgerError.refusedTransaction(id: pending[i].id, LedgerError(refusal))
                }
            }
        }
    }

    /// Inserts the postings of `txns`, then their rows, which seal them (the seal checks each transaction).
    private func write(_ txns: ArraySlice<PendingTransaction>) throws {
        guard let first = txns.first, let last = txns.last else { return }
        // Postings: multi-row inserts of up to `postingsPerInsert` rows. `posting` has no insert trigger (v5), so
        // SQLite writes the rows as it reads them.
        var remaining = last.firstPosting + last.draft.postings.count - first.firstPosting
        var rows = min(remaining, LedgerWriter.postingsPerInsert)
        var postingInsert = try self.postingInsert(rows: rows)
        var bound = 0
        for t in txns {
            let postings = t.draft.postings
            let lines = Int64(postings.count)
            for i in postings.indices {
                let row = pendingPostings[t.firstPosting + i]
                let o = Int32(bound * 8)
                postingInsert.bind(o + 1, t.id); postingInsert.bind(o + 2, Int64(i)); postingInsert.bind(o + 3, row.account)
                postingInsert.bind(o + 4, postings[i].commodity); postingInsert.bind(o + 5, postings[i].amount)
                postingInsert.bind(o + 6, row.value); postingInsert.bind(o + 7, postings[i].metadata)
                postingInsert.bind(o + 8, lines)
                bound += 1
                if bound == rows {
                    try postingInsert.run()
                    remaining -= rows
                    bound = 0
                    if remaining > 0 {
                        rows = min(remaining, LedgerWriter.postingsPerInsert)
                        postingInsert = try self.postingInsert(rows: rows)
                    }
                }
            }
        }
        // Transaction rows: SQLite stages a multi-row insert into a table with triggers, then seals row by row.
        let txnInsert = try self.txnInsert(rows: txns.count)
        var o: Int32 = 0
        for t in txns {
            txnInsert.bind(o + 1, t.id); txnInsert.bind(o + 2, t.date); txnInsert.bind(o + 3, t.draft.narration)
            txnInsert.bind(o + 4, t.draft.source); txnInsert.bind(o + 5, t.draft.naturalKey); txnInsert.bind(o + 6, t.reverses)
            txnInsert.bind(o + 7, t.draft.batch); txnInsert.bind(o + 8, t.draft.metadata); txnInsert.bind(o + 9, blob: t.hash)
            txnInsert.bind(o + 10, Int64(t.draft.postings.count))
            o += 10
        }
        do {
            try txnInsert.run()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY && txns.count == 1 {
            if let key = first.draft.naturalKey, let existing = try liveTransactionID(naturalKey: key) {
                throw LedgerError.duplicateNaturalKey(key, bookedAs: existing)
            }
            throw error
        }
    }

    /// Rows per posting insert: well within SQLite's limit on parameters (8 a row).
    static let postingsPerInsert = 64

    /// The insert of `rows` postings, prepared once per write for each number of rows used.
    private func postingInsert(rows: Int) throws -> RawStatement {
        if rows < postingInserts.count, let prepared = postingInserts[rows] { return prepared }
        if postingInserts.count <= rows { postingInserts += repeatElement(nil, count: rows + 1 - postingInserts.count) }
        let statement = try RawStatement(db, sql: """
            INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, metadata, lines)
            VALUES \(repeatElement("(?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
            """)
        postingInserts[rows] = statement
        return statement
    }

    /// The insert of `rows` transaction rows, prepared once per write for each number of rows used.
    private func txnInsert(rows: Int) throws -> RawStatement {
        if rows < txnInserts.count, let prepared = txnInserts[rows] { return prepared }
        if txnInserts.count <= rows { txnInserts += repeatElement(nil, count: rows + 1 - txnInserts.count) }
        let statement = try RawStatement(db, sql: """
            INSERT INTO txn(id, date, narration, source, natural_key, reverses, batch, metadata, hash, posting_count)
            VALUES \(repeatElement("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
            """)
        txnInserts[rows] = statement
        return statement
    }

    private func savepoint(_ sql: String) throws {
        if let prepared = savepointStatements[sql] { return try prepared.run() }
        let statement = try RawStatement(db, sql: sql)
        savepointStatements[sql] = statement
        try statement.run()
    }
}
