import Ledger

/// A pool payment received on a reserve address.
public struct PayoutEvent: Sendable, Equatable {
    public var date: LedgerDate
    public var pool: String
    public var site: String
    public var wallet: String
    /// Satoshis received (> 0).
    public var amount: Int64
    /// Satoshis the pool withheld as its fee (cash pools only; 0 when not given).
    public var fee: Int64
    public var basis: PoolBasis
}

/// A pool's earnings for one mining day (accrual pools).
public struct EarningEvent: Sendable, Equatable {
    public var date: LedgerDate
    public var pool: String
    public var site: String
    public var amount: Int64
}

/// A power bill: the cost of a site's electricity over a period, booked on its last day.
public struct PowerBillEvent: Sendable, Equatable {
    public var site: String
    public var periodEnd: LedgerDate
    /// Minor units of `currency` (> 0).
    public var amount: Int64
    public var currency: String
}

/// A payment of (part of) a power bill from the bank account in the bill's currency.
public struct SettlementEvent: Sendable, Equatable {
    public var date: LedgerDate
    public var site: String
    public var amount: Int64
    public var currency: String
}

/// A transaction the reserve broadcast: what it spent and where the outputs went.
public struct ReserveSpendEvent: Sendable, Equatable {
    /// One spent output: the wallet that held it and its amount.
    public struct Input: Sendable, Equatable {
        public var wallet: String
        public var amount: Int64
    }
    /// One output: to a reserve wallet (transfer or change) or a disbursement.
    public enum Output: Sendable, Equatable {
        case reserve(wallet: String, amount: Int64, vout: UInt32)
        case disbursement(purpose: String, amount: Int64, vout: UInt32)
    }
    public var date: LedgerDate
    public var inputs: [Input]
    public var outputs: [Output]
    public var approval: String?

    /// Inputs minus outputs (the network fee); may be negative for a malformed event.
    public var fee: Int64 {
        inputs.reduce(0) { $0 + $1.amount } - outputs.reduce(0) {
            switch $1 {
            case .reserve(_, let a, _), .disbursement(_, let a, _): return $0 + a
            }
        }
    }
}
