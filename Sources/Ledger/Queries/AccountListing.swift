/// One line of an accounts list: a declared account, or (in a tree, or clipped by depth) a parent that only
/// groups others.
public struct AccountListingRow: Hashable, Sendable {
    /// The full name (`Assets:Reserve:Cold`).
    public let account: String
    /// Number of components (1 for a root such as `Assets`).
    public let depth: Int
    /// The last component (`Cold`), what a tree shows indented.
    public let leaf: String
    public let type: AccountType?
    /// Opened: the account's own date, or a parent's earliest child's.
    public let opened: LedgerDate?
    /// Closed: the account's own date, or for a parent the latest of its children's when all are closed.
    public let closed: LedgerDate?
    /// Whether the ledger holds this account itself (false for a parent shown only to group others).
    public let declared: Bool
}

/// Account lists as hledger's `accounts` gives them: filtered by pattern, clipped to a depth, flat or as a tree
/// (every parent of a listed account listed before it, in name order).
public enum AccountListing {
    /// hledger's order (its accounts follow their declarations, which the export writes by name): component by
    /// component, a parent before its children, and among siblings the ledger's own accounts by name before
    /// parents that only group others, by name.
    static func treeOrder(_ a: String, _ b: String, declared: [String: AccountRecord]) -> Bool {
        let x = a.split(separator: ":"), y = b.split(separator: ":")
        for i in 0..<min(x.count, y.count) where x[i] != y[i] {
            let dx = declared[x[...i].joined(separator: ":")] != nil, dy = declared[y[...i].joined(separator: ":")] != nil
            if dx != dy { return dx }
            return x[i] < y[i]
        }
        return x.count < y.count
    }

    public static func rows(_ accounts: [AccountRecord], filter: AccountFilter, tree: Bool) -> [AccountListingRow] {
        let matched = Set(filter.matching(accounts.map(\.name)))
        let byName = Dictionary(uniqueKeysWithValues: accounts.map { ($0.name, $0) })
        var members: [String: [AccountRecord]] = [:]   // listed name → the accounts it stands for
        for a in accounts where matched.contains(a.name) {
            let name = filter.clip(a.name)
            members[name, default: []].append(a)
            if tree {
                var parts = name.split(separator: ":").map(String.init)
                while parts.count > 1 {
                    parts.removeLast()
                    members[parts.joined(separator: ":"), default: []].append(a)
                }
            }
        }
        let names = members.keys.sorted { treeOrder($0, $1, declared: byName) }
        return names.map { name in
            let group = members[name] ?? []
            let parts = name.split(separator: ":")
            if let own = byName[name] {
                return AccountListingRow(account: name, depth: parts.count, leaf: String(parts.last ?? ""), type: own.type,
                                         opened: own.opened, closed: own.closed, declared: true)
            }
            let allClosed = group.allSatisfy { $0.closed != nil }
            return AccountListingRow(account: name, depth: parts.count, leaf: String(parts.last ?? ""),
                                     type: AccountType.allCases.first { $0.root == parts.first.map(String.init) },
                                     opened: group.map(\.opened).min(),
                                     closed: allClosed ? group.compactMap(\.closed).max() : nil, declared: false)
        }
    }
}
