/// How a pool's income is recognised.
public enum PoolBasis: String, Sendable, CaseIterable {
    /// Payouts are income when received (the default for a pool first seen in an import).
    case cash
    /// Earnings are income per mining day; payouts settle the pool receivable.
    case accrual
}
