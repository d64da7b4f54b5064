/// The five account types and the root name each account's first component must be.
public enum AccountType: String, Sendable, CaseIterable {
    case asset, liability, equity, income, expense

    public var root: String {
        switch self {
        case .asset: return "Assets"
        case .liability: return "Liabilities"
        case .equity: return "Equity"
        case .income: return "Income"
        case .expense: return "Expenses"
        }
    }

    /// Balance-sheet accounts (assets, liabilities) are carried at fair value and revalued.
    public var isBalanceSheet: Bool { self == .asset || self == .liability }
}

/// Account names: `Root:Component…`, each component a capital letter then letters, digits or `-`,
/// valid in hledger and Beancount alike.
public enum AccountName {
    /// The account's type, or `invalidAccountName` saying what is wrong.
    public static func validate(_ name: String) throws -> AccountType {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2 else {
            throw LedgerError.invalidAccountName(name, reason: "needs a root and at least one component (Assets:Bank)")
        }
        guard let type = AccountType.allCases.first(where: { $0.root == parts[0] }) else {
            throw LedgerError.invalidAccountName(name, reason: "root must be Assets, Liabilities, Equity, Income or Expenses")
        }
        for part in parts.dropFirst() {
            guard let first = part.first, first >= "A" && first <= "Z" else {
                throw LedgerError.invalidAccountName(name, reason: "component \"\(part)\" must start with a capital letter")
            }
            let ok = part.allSatisfy { ($0 >= "A" && $0 <= "Z") || ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
            guard ok else {
                throw LedgerError.invalidAccountName(name, reason: "component \"\(part)\" may hold only letters, digits and -")
            }
        }
        return type
    }

    /// Whether `name` is `prefix` or lies under it.
    public static func isUnder(_ name: String, prefix: String) -> Bool {
        name == prefix || name.hasPrefix(prefix + ":")
    }
}
