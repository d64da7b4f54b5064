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
            var accountIDs: [Int64] = []
            accountIDs.reserveCapacity(postings.count)
            var sums: [String: Int64] = [:]
            var values: [Int64] = []
            values.reserveCapacity(postings.count)
            var balancingIndex: Int?
            var valueSum: Int64 = 0
            for (i, p) in postings.enumerated() {
                accountIDs.append(try accountForBooking(p.account, on: draft.date))
                _ = try scale(of: p.commodity)
                sums[p.commodity] = try checkedAdd(sums[p.commodity] ?? 0, p.amount, "sum of \(p.commodity) postings")
                let v: Int64
                switch p.value {
                case .atPrice: v = try value(of: p.amount, p.commodity, on: draft.date)
                case .explicit(let x): v = x
                case .balancing:
                    guard balancingIndex == nil else { throw LedgerError.moreThanOneBalancingLeg }
                    balancingIndex = i
                    v = 0
                }
                values.append(v)
                valueSum = try checkedAdd(valueSum, v, "sum of posting values")
            }
            for (commodity, sum) in sums.sorted(by: { $0.key < $1.key }) where sum != 0 {
                throw LedgerError.unbalanced(commodity: commodity, residue: sum)
            }
            if !assertions.isEmpty { try checkAssertions(draft) }
            if let b = balancingIndex {
                guard valueSum != Int64.min else { throw LedgerError.money(.arithmeticOverflow(operation: "balancing value")) }
                values[b] = -valueSum
            } else if valueSum != 0 {
                throw LedgerError.unbalancedValue(residue: valueSum)
            }
            for (i, p) in postings.enumerated() where p.commodity == settings.functionalCurrency && values[i] != p.amount {
                throw LedgerError.functionalValueMismatch(account: p.account, amount: p.amount, value: values[i])
            }
            return try insert(draft, accountIDs: accountIDs, values: values, reverses: reverses)
        }
    }

    private func checkedAdd(_ a: Int64, _ b: Int64, _ what: String) throws -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw LedgerError.money(.arithmeticOverflow(operation: what)) }
        return r
    }

    private func accountForBooking(_ name: String, on date: LedgerDate) throws -> Int64 {
        guard let info = accounts[name] else { return try openAccount(name, on: date) }
        guard info.open <= date else { throw LedgerError.accountNotOpen(account: name, date: date, opened: info.open) }
        if let closed = info.close, closed < date { throw LedgerError.accountClosed(account: name, date: date, closed: closed) }
        return info.id
    }

    private func insert(_ draft: TransactionDraft, accountIDs: [Int64], values: [Int64], reverses: Int64?) throws -> Int64 {
        let id = head.id + 1
        let date = draft.date.description
        var fields: [CanonicalForm.PostingFields] = []
        fields.reserveCapacity(draft.postings.count)
        var arguments: [(any DatabaseValueConvertible)?] = []
        arguments.reserveCapacity(draft.postings.count * 7)
        for (i, p) in draft.postings.enumerated() {
            fields.append(.init(line: Int64(i), account: p.account, commodity: p.commodity, amount: p.amount,
                                value: values[i], metadata: p.metadata))
            arguments.append(id); arguments.append(Int64(i)); arguments.append(accountIDs[i])
            arguments.append(p.commodity); arguments.append(p.amount); arguments.append(values[i]); arguments.append(p.metadata)
        }
        let bytes = CanonicalForm.transaction(id: id, date: date, narration: draft.narration, source: draft.source,
                                              naturalKey: draft.naturalKey, reverses: reverses, batch: draft.batch,
                                              metadata: draft.metadata, postings: fields)
        let hash = CanonicalForm.chain(previous: head.hash, record: bytes)
        let postingStatement = try db.cachedStatement(sql: LedgerWriter.postingInsertSQL(count: draft.postings.count))
        postingStatement.setUncheckedArguments(StatementArguments(arguments))
        try postingStatement.execute()
        let txnStatement = try db.cachedStatement(sql: """
            INSERT INTO txn(id, date, narration, source, natural_key, reverses, batch, metadata, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        txnStatement.setUncheckedArguments([id, date, draft.narration, draft.source, draft.naturalKey, reverses,
                                            draft.batch, draft.metadata, Data(hash)])
        do {
            try txnStatement.execute()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            if let key = draft.naturalKey, let existing = try bookedTransactionID(naturalKey: key) {
                throw LedgerError.duplicateNaturalKey(key, bookedAs: existing)
            }
            throw error
        }
        head = (id, hash)
        return id
    }

    static func postingInsertSQL(count: Int) -> String {
        "INSERT INTO posting(txn_id, line, account_id, commodity, amount, value, metadata) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
    }

    /// The live transaction holding `naturalKey`, if any (released keys are not found).
    public func bookedTransactionID(naturalKey: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT txn_id FROM natural_key WHERE key = ?"), arguments: [naturalKey])
    }

    /// Reads a booked transaction with its postings.
    public func transaction(_ id: Int64) throws -> BookedTransaction {
        guard let t = try JournalQueries.transaction(db, id: id) else { throw LedgerError.unknownTransaction(id) }
        return t
    }
}
