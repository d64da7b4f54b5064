import Foundation
import GRDB

extension LedgerWriter {
    /// Validates, values, seals and chains one transaction. Returns its id.
    ///
    /// Checks: at least two postings, known commodities, accounts valid and open on the date (unknown
    /// accounts are opened on it), every commodity sums to zero, values sum to zero (a `.balancing`
    /// leg takes the residue), checked arithmetic. The database re-checks balance when sealing.
    @discardableResult
    public func book(_ draft: TransactionDraft) throws -> Int64 {
        try bookDraft(draft, reverses: nil)
    }

    /// Books `drafts` in order; accounts they open are opened on the earliest date that uses them.
    @discardableResult
    public func book(_ drafts: [TransactionDraft]) throws -> [Int64] {
        var firstUse: [String: LedgerDate] = [:]
        for d in drafts {
            for p in d.postings where accounts[p.account] == nil {
                if let seen = firstUse[p.account], seen <= d.date { continue }
                firstUse[p.account] = d.date
            }
        }
        for (name, date) in firstUse.sorted(by: { $0.key < $1.key }) { try openAccount(name, on: date) }
        var ids: [Int64] = []
        ids.reserveCapacity(drafts.count)
        for d in drafts { ids.append(try book(d)) }
        return ids
    }

    func bookDraft(_ draft: TransactionDraft, reverses: Int64?) throws -> Int64 {
        try run {
            let postings = draft.postings
            guard postings.count >= 2 else { throw LedgerError.tooFewPostings(count: postings.count) }
            try checkCommodityBalance(postings)
            let functional = settings.functionalCurrency
            // Both per-posting results in one buffer on the stack (no allocation per booking).
            return try withUnsafeTemporaryAllocation(of: (account: Int64, value: Int64).self, capacity: postings.count) { rows in
                rows.initialize(repeating: (0, 0))
                var balancingIndex: Int?
                var valueSum: Int64 = 0
                for i in postings.indices {
                    rows[i].account = try accountForBooking(postings[i].account, on: draft.date)
                    let commodity = postings[i].commodity
                    guard let scale = knownScale(commodity) else { throw LedgerError.unknownCommodity(commodity) }
                    switch postings[i].value {
                    case .atPrice:
                        let amount = postings[i].amount
                        rows[i].value = commodity == functional ? amount : try foreignValue(of: amount, commodity, scale: scale, on: draft.date)
                    case .explicit(let x): rows[i].value = x
                    case .balancing:
                        guard balancingIndex == nil else { throw LedgerError.moreThanOneBalancingLeg }
                        balancingIndex = i
                    }
                    valueSum = try checkedAdd(valueSum, rows[i].value, "sum of posting values")
                }
                if let b = balancingIndex {
                    guard valueSum != Int64.min else { throw LedgerError.money(.arithmeticOverflow(operation: "balancing value")) }
                    rows[b].value = -valueSum
                } else if valueSum != 0 {
                    throw LedgerError.unbalancedValue(residue: valueSum)
                }
                for i in postings.indices where rows[i].value != postings[i].amount && postings[i].commodity == functional {
                    throw LedgerError.functionalValueMismatch(account: postings[i].account, amount: postings[i].amount, value: rows[i].value)
                }
                if !assertions.isEmpty { try checkAssertions(draft) }
                return try insert(draft, rows: UnsafeBufferPointer(rows), reverses: reverses)
            }
        }
    }

    /// Every commodity's amounts sum to zero (checked arithmetic; the first unbalanced commodity by code).
    private func checkCommodityBalance(_ postings: [PostingDraft]) throws {
        var unbalanced: (String, Int64)?
        // By index: no copy of each posting, and no retain of its strings.
        search: for i in postings.indices {
            let commodity = postings[i].commodity
            for k in 0..<i where postings[k].commodity == commodity { continue search }
            var sum: Int64 = 0
            for k in i..<postings.count where postings[k].commodity == commodity {
                sum = try checkedAdd(sum, postings[k].amount, "sum of \(commodity) postings")
            }
            if sum != 0, unbalanced.map({ commodity < $0.0 }) ?? true { unbalanced = (commodity, sum) }
        }
        if let (commodity, sum) = unbalanced { throw LedgerError.unbalanced(commodity: commodity, residue: sum) }
    }

    private func checkedAdd(_ a: Int64, _ b: Int64, _ what: @autoclosure () -> String) throws -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw LedgerError.money(.arithmeticOverflow(operation: what())) }
        return r
    }

    private func accountForBooking(_ name: String, on date: LedgerDate) throws -> Int64 {
        guard let info = knownAccount(name) else { return try openAccount(name, on: date) }
        guard info.open <= date else { throw LedgerError.accountNotOpen(account: name, date: date, opened: info.open) }
        if let closed = info.close, closed < date { throw LedgerError.accountClosed(account: name, date: date, closed: closed) }
        return info.id
    }

    /// Hashes the record onto the chain and queues it (see ``deferringWrites(upTo:_:)``); the queue is written
    /// at once unless writes are deferred.
    private func insert(_ draft: TransactionDraft, rows: UnsafeBufferPointer<(account: Int64, value: Int64)>, reverses: Int64?) throws -> Int64 {
        let id = head.id + 1
        let date = draft.date.description
        var w = CanonicalForm.Writer(tag: UInt8(ascii: "T"), previous: head.hash, into: canonicalBuffer)
        w.int(id); w.text(date); w.text(draft.narration); w.optionalText(draft.source); w.optionalText(draft.naturalKey)
        w.optionalInt(reverses); w.optionalInt(draft.batch); w.optionalText(draft.metadata)
        // By index: no copy of each posting, and no retain of its strings.
        let postings = draft.postings
        for i in postings.indices {
            w.newLine(tag: UInt8(ascii: "P"))
            w.int(Int64(i)); w.text(postings[i].account); w.text(postings[i].commodity); w.int(postings[i].amount)
            w.int(rows[i].value); w.optionalText(postings[i].metadata)
        }
        let hash = CanonicalForm.chain(prefixed: w)
        pending.append(PendingTransaction(id: id, date: date, draft: draft, reverses: reverses, hash: hash,
                                          firstPosting: pendingPostings.count))
        pendingPostings.append(contentsOf: rows)
        head = (id, hash)
        if pending.count >= deferLimit { try writePending() }
        try noteBooked()
        return id
    }

    /// The live transaction holding `naturalKey`, if any (released keys are not found), queued ones included.
    public func bookedTransactionID(naturalKey: String) throws -> Int64? {
        for t in pending where t.draft.naturalKey == naturalKey { return t.id }
        return try liveTransactionID(naturalKey: naturalKey)
    }

    /// The written transaction holding `naturalKey` in `natural_key`, if any.
    func liveTransactionID(naturalKey: String) throws -> Int64? {
        let lookup = try naturalKeyLookup ?? RawStatement(db, sql: "SELECT txn_id FROM natural_key WHERE key = ?")
        naturalKeyLookup = lookup
        lookup.bind(1, naturalKey)
        return try lookup.int64()
    }

    /// Reads a booked transaction with its postings.
    public func transaction(_ id: Int64) throws -> BookedTransaction {
        try writePending()
        guard let t = try JournalQueries.transaction(db, id: id) else { throw LedgerError.unknownTransaction(id) }
        return t
    }
}
