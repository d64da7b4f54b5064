/// The parsed tree of an output descriptor (the functions this tool derives).
public indirect enum DescriptorNode: Sendable, Hashable, CustomStringConvertible {
    case pk(KeyExpression)
    case pkh(KeyExpression)
    case wpkh(KeyExpression)
    case sh(DescriptorNode)
    case wsh(DescriptorNode)
    /// `multi` / `sortedmulti` (BIP-383): keys in the given order, or sorted by their serialisation.
    case multi(threshold: Int, keys: [KeyExpression], sorted: Bool)
    /// `tr(KEY)` or `tr(KEY,TREE)` (BIP-386), with `pk()` leaves only.
    case tr(KeyExpression, TapTree?)
    /// `addr(ADDRESS)`: the address as written and its scriptPubKey.
    case addr(String, scriptPubKey: [UInt8])
    case raw([UInt8])

    public var description: String {
        switch self {
        case .pk(let k): return "pk(\(k))"
        case .pkh(let k): return "pkh(\(k))"
        case .wpkh(let k): return "wpkh(\(k))"
        case .sh(let n): return "sh(\(n))"
        case .wsh(let n): return "wsh(\(n))"
        case .multi(let t, let keys, let sorted):
            return (sorted ? "sortedmulti(" : "multi(") + ([String(t)] + keys.map(\.description)).joined(separator: ",") + ")"
        case .tr(let k, let tree): return "tr(\(k)" + (tree.map { ",\($0)" } ?? "") + ")"
        case .addr(let a, _): return "addr(\(a))"
        case .raw(let s): return "raw(\(Hex.encode(s)))"
        }
    }

    /// Every key expression in the tree, in order.
    public var keys: [KeyExpression] {
        switch self {
        case .pk(let k), .pkh(let k), .wpkh(let k): return [k]
        case .sh(let n), .wsh(let n): return n.keys
        case .multi(_, let keys, _): return keys
        case .tr(let k, let tree): return [k] + (tree?.keys ?? [])
        case .addr, .raw: return []
        }
    }

    /// The same tree with every key's multipath step replaced by branch `i`.
    func branch(_ i: Int) -> DescriptorNode {
        switch self {
        case .pk(let k): return .pk(k.branch(i))
        case .pkh(let k): return .pkh(k.branch(i))
        case .wpkh(let k): return .wpkh(k.branch(i))
        case .sh(let n): return .sh(n.branch(i))
        case .wsh(let n): return .wsh(n.branch(i))
        case .multi(let t, let keys, let s): return .multi(threshold: t, keys: keys.map { $0.branch(i) }, sorted: s)
        case .tr(let k, let tree): return .tr(k.branch(i), tree?.branch(i))
        case .addr, .raw: return self
        }
    }
}

/// A BIP-386 script tree whose leaves are `pk(KEY)` (the only leaf this tool derives).
public indirect enum TapTree: Sendable, Hashable, CustomStringConvertible {
    case leaf(KeyExpression)
    case branch(TapTree, TapTree)

    public var description: String {
        switch self {
        case .leaf(let k): return "pk(\(k))"
        case .branch(let l, let r): return "{\(l),\(r)}"
        }
    }

    var keys: [KeyExpression] {
        switch self {
        case .leaf(let k): return [k]
        case .branch(let l, let r): return l.keys + r.keys
        }
    }

    func branch(_ i: Int) -> TapTree {
        switch self {
        case .leaf(let k): return .leaf(k.branch(i))
        case .branch(let l, let r): return .branch(l.branch(i), r.branch(i))
        }
    }
}
