import GRDB
import Ledger

/// How the reserve's BTC moved over a period, from the opening to the closing balance of `Assets:Reserve:*`:
/// mined (gross of pool fees), less pool fees, less what accrual pools earned but have not paid yet, plus other
/// receipts, less network fees and disbursements. Every step is a BTC account's movement over the period from the
/// ledger's per-day totals; as every transaction balances per commodity, the steps add up to the closing balance
/// exactly. Built once here for the holdings JSON and the HTML page.
public struct BTCMovement: Sendable, Equatable {
    /// One step of the schedule, signed as it moves the reserve (outflows negative).
    public struct Step: Sendable, Equatable {
        /// Stable field name (`mined_gross`, `pool_fees`…), used in JSON.
        public var key: String
        /// What a reader sees.
        public var title: String
        public var sats: Int64
    }

    /// Opening balances are taken at the end of `since` (nil: the ledger's start, every balance zero).
    public var since: LedgerDate?
    public var at: LedgerDate
    /// The reserve (`Assets:Reserve:*`) at the end of `since` and of `at`.
    public var opening: Int64
    public var closing: Int64
    /// Credits to `Income:Mining:*` in the period: payouts of cash pools gross of their fee, accrual pools' earnings.
    public var minedGross: Int64
    /// Debits to `Expenses:PoolFees:*`: fees cash pools stated and withheld.
    public var poolFees: Int64
    /// Accrual pools' receivable (`Assets:Receivable:Pool:*`): earned and not yet paid, at both ends.
    public var receivableOpening: Int64
    public var receivableClosing: Int64
    /// BTC from any other account, net (an opening balance from `Equity:Opening`, a manual booking…).
    public var otherReceipts: Int64
    /// The accounts behind `otherReceipts`, by name, with their net contribution.
    public var otherAccounts: [(String, Int64)]
    /// Debits to `Expenses:NetworkFees` and `Expenses:Disbursements:*`.
    public var networkFees: Int64
    public var disbursements: Int64

    public static func == (a: BTCMovement, b: BTCMovement) -> Bool {
        a.since == b.since && a.at == b.at && a.opening == b.opening && a.closing == b.closing
            && a.minedGross == b.minedGross && a.poolFees == b.poolFees && a.receivableOpening == b.receivableOpening
            && a.receivableClosing == b.receivableClosing && a.otherReceipts == b.otherReceipts
            && a.otherAccounts.map(\.0) == b.otherAccounts.map(\.0) && a.otherAccounts.map(\.1) == b.otherAccounts.map(\.1)
            && a.networkFees == b.networkFees && a.disbursements == b.disbursements
    }

    /// BTC mined after the fees cash pools state (accrual pools' earnings are already net of theirs).
    public var minedNet: Int64 { minedGross - poolFees }
    /// Earned by accrual pools in the period and not yet paid (a decrease when they paid out earlier earnings).
    public var receivableIncrease: Int64 { receivableClosing - receivableOpening }

    /// The steps between the opening and the closing balance, in reading order.
    public var steps: [Step] {
        [
            Step(key: "mined_gross", title: "BTC mined (gross of pool fees)", sats: minedGross),
            Step(key: "pool_fees", title: "Pool fees withheld (cash pools)", sats: -poolFees),
            Step(key: "receivable_increase", title: "Earned by accrual pools, not yet paid", sats: -receivableIncrease),
            Step(key: "other_receipts", title: "Other receipts (net)", sats: otherReceipts),
            Step(key: "network_fees", title: "Network fees", sats: -networkFees),
            Step(key: "disbursements", title: "Disbursements", sats: -disbursements),
        ]
    }

    /// Whether opening plus the steps is the closing balance (always, on a ledger whose transactions balance).
    public var addsUp: Bool { opening + steps.reduce(0) { $0 + $1.sats } == closing }

    /// Every BTC account's balance at the end of `since` and its movement through `at`, from `account_day`.
    public static func compute(_ db: Database, since: LedgerDate?, at: LedgerDate) throws -> BTCMovement {
        var m = BTCMovement(since: since, at: at, opening: 0, closing: 0, minedGross: 0, poolFees: 0, receivableOpening: 0,
                            receivableClosing: 0, otherReceipts: 0, otherAccounts: [], networkFees: 0, disbursements: 0)
        // With no `since`, every day up to `at` is in the period (the empty string sorts before every date).
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.name, sum(CASE WHEN d.date <= ? THEN d.amount ELSE 0 END), sum(CASE WHEN d.date > ? THEN d.amount ELSE 0 END)
            FROM account_day d JOIN account a ON a.id = d.account_id
            WHERE d.commodity = 'BTC' AND d.date <= ? GROUP BY a.name ORDER BY a.name
            """, arguments: [since?.description ?? "", since?.description ?? "", at.description])
        for row in rows {
            let name: String = row[0]
            let before: Int64 = row[1], during: Int64 = row[2]
            func under(_ prefix: String) -> Bool { name == prefix || name.hasPrefix(prefix + ":") }
            if under("Assets:Reserve") {
                m.opening += before
                m.closing += before + during
            } else if under("Assets:Receivable:Pool") {
                m.receivableOpening += before
                m.receivableClosing += before + during
            } else if under("Income:Mining") {
                m.minedGross -= during
            } else if under("Expenses:PoolFees") {
                m.poolFees += during
            } else if under("Expenses:NetworkFees") {
                m.networkFees += during
            } else if under("Expenses:Disbursements") {
                m.disbursements += during
            } else if during != 0 {
                m.otherReceipts -= during
                m.otherAccounts.append((name, -during))
            }
        }
        return m
    }
}
