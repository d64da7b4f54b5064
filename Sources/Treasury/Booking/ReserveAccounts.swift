/// The DESIGN.md account names the booking rules post to. Ids become capitalised name components.
public enum ReserveAccounts {
    public static func reserve(wallet: String) -> String { "Assets:Reserve:" + Identifiers.accountComponent(wallet) }
    public static func poolReceivable(_ pool: String) -> String { "Assets:Receivable:Pool:" + Identifiers.accountComponent(pool) }
    public static func bank(_ currency: String) -> String { "Assets:Bank:" + currency }
    public static func mining(site: String) -> String { "Income:Mining:" + Identifiers.accountComponent(site) }
    public static func poolFees(_ pool: String) -> String { "Expenses:PoolFees:" + Identifiers.accountComponent(pool) }
    public static func electricity(site: String) -> String { "Expenses:Electricity:" + Identifiers.accountComponent(site) }
    public static let networkFees = "Expenses:NetworkFees"
    public static func disbursements(_ purpose: String) -> String {
        "Expenses:Disbursements:" + Identifiers.accountComponent(purpose)
    }
    public static func powerPayable(site: String) -> String { "Liabilities:Payable:Power:" + Identifiers.accountComponent(site) }
}
