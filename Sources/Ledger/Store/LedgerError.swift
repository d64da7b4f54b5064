/// Why the ledger refused an operation: each case says what and where.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidDate(String)
    case invalidAccountName(String, reason: String)
    case invalidCommodityCode(String)
    case invalidSetting(key: String, value: String, reason: String)
    case unknownCommodity(String)
    case unknownAccount(String)
    case accountNotOpen(account: String, date: LedgerDate, opened: LedgerDate)
    case accountClosed(account: String, date: LedgerDate, closed: LedgerDate)
    case accountNotEmpty(account: String, commodity: String, amount: Int64)
    case accountAlreadyClosed(account: String, closed: LedgerDate)
    case tooFewPostings(count: Int)
    case unbalanced(commodity: String, residue: Int64)
    case unbalancedValue(residue: Int64)
    case moreThanOneBalancingLeg
    case functionalValueMismatch(account: String, amount: Int64, value: Int64)
    case noPrice(base: String, quote: String, date: LedgerDate)
    case priceTooOld(base: String, quote: String, date: LedgerDate, latest: LedgerDate, maxAgeDays: Int)
    case invalidPrice(Int64)
    case duplicatePrice(base: String, quote: String, date: LedgerDate)
    case duplicateNaturalKey(String, bookedAs: Int64)
    case unknownTransaction(Int64)
    case alreadyReversed(Int64, by: Int64)
    case reversalOfReversal(Int64)
    case unknownBatch(Int64)
    case breaksAssertion(id: Int64, account: String, commodity: String, date: LedgerDate)
    case assertionFailed(account: String, commodity: String, date: LedgerDate, expected: Int64, actual: Int64)
    case money(MoneyError)
    case ledgerExists(path: String)
    case notALedger(path: String, reason: String)
    /// The ledger lacks migrations this program applies (schema `from` of `to`); only a writing open upgrades it.
    case needsUpgrade(path: String, from: Int, to: Int)
    /// Another connection held the write lock for the whole wait; `pid` is its process when it left one.
    case busy(path: String, pid: Int32?, waitedSeconds: Double)
    /// The database refused the write (a constraint or trigger): its message says which invariant.
    case refusedByDatabase(String)
    /// A transaction whose writing was deferred (``LedgerWriter/deferringWrites(upTo:_:)``) was refused: which, and why.
    indirect case refusedTransaction(id: Int64, LedgerError)
    case database(String)

    public var description: String {
        switch self {
        case .invalidDate(let t): return "invalid date \"\(t)\" (expected an existing YYYY-MM-DD date)"
        case .invalidAccountName(let n, let r): return "invalid account name \"\(n)\": \(r)"
        case .invalidCommodityCode(let c): return "invalid commodity code \"\(c)\" (2-24 characters: A-Z, 0-9, starting with a letter)"
        case .invalidSetting(let k, let v, let r): return "invalid setting \(k)=\"\(v)\": \(r)"
        case .unknownCommodity(let c): return "unknown commodity \(c)"
        case .unknownAccount(let a): return "unknown account \(a)"
        case .accountNotOpen(let a, let d, let o): return "account \(a) is not open on \(d) (opened \(o))"
        case .accountClosed(let a, let d, let c): return "account \(a) is closed on \(d) (closed \(c))"
        case .accountNotEmpty(let a, let c, let x): return "account \(a) still holds \(x) minor units of \(c)"
        case .accountAlreadyClosed(let a, let c): return "account \(a) was already closed on \(c)"
        case .tooFewPostings(let n): return "a transaction needs at least two postings, got \(n)"
        case .unbalanced(let c, let r): return "transaction does not balance in \(c): postings sum to \(r)"
        case .unbalancedValue(let r): return "transaction values do not balance: they sum to \(r)"
        case .moreThanOneBalancingLeg: return "a transaction may have only one balancing leg"
        case .functionalValueMismatch(let a, let x, let v):
            return "posting to \(a) in the functional currency must be valued at its amount \(x), not \(v)"
        case .noPrice(let b, let q, let d): return "no price of \(b) in \(q) on or before \(d)"
        case .priceTooOld(let b, let q, let d, let l, let m):
            return "price of \(b) in \(q) for \(d) is too old: latest is \(l), at most \(m) days allowed"
        case .invalidPrice(let p): return "price must be positive, got \(p)"
        case .duplicatePrice(let b, let q, let d): return "a price of \(b) in \(q) on \(d) is already recorded"
        case .duplicateNaturalKey(let k, let t): return "natural key \"\(k)\" is already booked as transaction \(t)"
        case .unknownTransaction(let t): return "no transaction \(t)"
        case .alreadyReversed(let t, let by): return "transaction \(t) was already reversed by transaction \(by)"
        case .reversalOfReversal(let t): return "transaction \(t) is itself a reversal; book the original again instead"
        case .unknownBatch(let b): return "no import batch \(b)"
        case .breaksAssertion(let id, let a, let c, let d):
            return "booking would break balance assertion \(id) (\(a) \(c) at end of \(d)); date it after \(d)"
        case .assertionFailed(let a, let c, let d, let e, let x):
            return "balance assertion failed: \(a) \(c) at end of \(d): expected \(e), ledger has \(x)"
        case .money(let e): return e.description
        case .ledgerExists(let p): return "\(p): a file already exists; refusing to overwrite it"
        case .notALedger(let p, let r): return "\(p): not a ledger (\(r))"
        case .needsUpgrade(let p, let from, let to): return "\(p): this ledger needs an upgrade (schema \(from) to \(to))"
        case .busy(let p, let pid, let waited):
            let who = pid.map { " (pid \($0))" } ?? ""
            return "\(p): another process is writing this ledger\(who); gave up after waiting \(LedgerError.seconds(waited)) s"
        case .refusedByDatabase(let m): return "refused by the database: \(m)"
        case .refusedTransaction(let id, let reason): return "transaction \(id): \(reason.description)"
        case .database(let m): return "database error: \(m)"
        }
    }

    /// Whole seconds without a fraction, else one decimal.
    static func seconds(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
