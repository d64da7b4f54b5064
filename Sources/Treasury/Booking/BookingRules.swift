import Ledger

/// Turns reserve events into ledger transactions (docs/booking-rules.md is the table of these rules).
///
/// Every posting but one is valued by `valuer` (the DESIGN.md price rule); the rule's balancing leg takes minus
/// the sum of the others, so the rounding residue lands there and the transaction always balances in value.
public struct BookingRules {
    /// The value in functional minor units of `amount` minor units of `commodity` on `date`.
    public typealias Valuer = (_ amount: Int64, _ commodity: String, _ date: LedgerDate) throws -> Int64

    public static let btc = "BTC"
    private let valuer: Valuer
    private let names = AccountNames()

    public init(valuer: @escaping Valuer) { self.valuer = valuer }

    private func valued(_ account: String, _ commodity: String, _ amount: Int64, _ date: LedgerDate,
                        metadata: String? = nil) throws -> PostingDraft {
        PostingDraft(account, commodity, amount, value: .explicit(try valuer(amount, commodity, date)), metadata: metadata)
    }

    /// Payout: BTC into the wallet; cash pools: mining income (gross of the pool fee, which is expensed);
    /// accrual pools: settles the pool receivable. Balancing leg: the income or the receivable.
    public func payout(_ e: PayoutEvent) throws -> [PostingDraft] {
        let received = try valued(names.reserve(wallet: e.wallet), Self.btc, e.amount, e.date)
        switch e.basis {
        case .cash:
            let income = PostingDraft(names.mining(site: e.site), Self.btc, -(e.amount + e.fee), value: .balancing)
            guard e.fee > 0 else { return [received, income] }
            return [received, try valued(names.poolFees(e.pool), Self.btc, e.fee, e.date), income]
        case .accrual:
            return [received, PostingDraft(ReserveAccounts.poolReceivable(e.pool), Self.btc, -e.amount, value: .balancing)]
        }
    }

    /// Earnings of a mining day (accrual pools): the pool receivable against mining income (balancing leg).
    public func earning(_ e: EarningEvent) throws -> [PostingDraft] {
        [try valued(ReserveAccounts.poolReceivable(e.pool), Self.btc, e.amount, e.date),
         PostingDraft(ReserveAccounts.mining(site: e.site), Self.btc, -e.amount, value: .balancing)]
    }

    /// Power bill: electricity expense in the bill's currency, valued into the functional one, against the site's
    /// power payable (balancing leg).
    public func powerBill(_ e: PowerBillEvent) throws -> [PostingDraft] {
        [try valued(ReserveAccounts.electricity(site: e.site), e.currency, e.amount, e.periodEnd),
         PostingDraft(ReserveAccounts.powerPayable(site: e.site), e.currency, -e.amount, value: .balancing)]
    }

    /// Settlement: the site's power payable against the bank account in that currency (balancing leg).
    public func settlement(_ e: SettlementEvent) throws -> [PostingDraft] {
        [try valued(ReserveAccounts.powerPayable(site: e.site), e.currency, e.amount, e.date),
         PostingDraft(ReserveAccounts.bank(e.currency), e.currency, -e.amount, value: .balancing)]
    }

    /// The reserve's own transaction: each spending wallet credited (the first one is the balancing leg), outputs
    /// to reserve wallets debited, other outputs expensed as disbursements (with the approval), the fee to network fees.
    public func reserveSpend(_ e: ReserveSpendEvent) throws -> [PostingDraft] {
        var spent: [(String, Int64)] = []
        for input in e.inputs {
            if let i = spent.firstIndex(where: { $0.0 == input.wallet }) { spent[i].1 += input.amount } else {
                spent.append((input.wallet, input.amount))
            }
        }
        var postings: [PostingDraft] = []
        for (i, (wallet, amount)) in spent.enumerated() {
            let account = ReserveAccounts.reserve(wallet: wallet)
            if i == 0 {
                postings.append(PostingDraft(account, Self.btc, -amount, value: .balancing))
            } else {
                postings.append(PostingDraft(account, Self.btc, -amount, value: .explicit(-(try valuer(amount, Self.btc, e.date)))))
            }
        }
        for output in e.outputs {
            switch output {
            case .reserve(let wallet, let amount, let vout):
                postings.append(try valued(ReserveAccounts.reserve(wallet: wallet), Self.btc, amount, e.date, metadata: "vout=\(vout)"))
            case .disbursement(let purpose, let amount, let vout):
                postings.append(try valued(ReserveAccounts.disbursements(purpose), Self.btc, amount, e.date,
                                           metadata: "vout=\(vout);approval=\(e.approval ?? "")"))
            }
        }
        let fee = e.fee
        if fee > 0 { postings.append(try valued(ReserveAccounts.networkFees, Self.btc, fee, e.date)) }
        return postings
    }
}

/// The account names of payouts, kept for the last eight ids of each kind: an import names the same few accounts
/// record after record, and comparing ids costs less than hashing them or making the name again.
private final class AccountNames {
    private var reserve = RecentNames()
    private var poolFees = RecentNames()
    private var mining = RecentNames()

    func reserve(wallet: String) -> String { reserve.name(wallet, ReserveAccounts.reserve(wallet:)) }
    func poolFees(_ pool: String) -> String { poolFees.name(pool, ReserveAccounts.poolFees) }
    func mining(site: String) -> String { mining.name(site, ReserveAccounts.mining(site:)) }
}

/// Up to eight ids with their names, the oldest replaced first.
private struct RecentNames {
    private var entries: [(id: String, name: String)] = []
    private var next = 0

    mutating func name(_ id: String, _ make: (String) -> String) -> String {
        for entry in entries where entry.id == id { return entry.name }
        let name = make(id)
        if entries.count < 8 { entries.append((id, name)) } else { entries[next] = (id, name) }
        next = (next + 1) & 7
        return name
    }
}
