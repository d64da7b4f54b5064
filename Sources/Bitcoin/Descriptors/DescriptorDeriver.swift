/// Derives the scriptPubKeys of one single-path descriptor, index by index.
///
/// Every extended key is derived once down to its last fixed step (the parent of the `/*` children),
/// so each index costs one CKDpub per ranged key plus hashing.
public struct DescriptorDeriver: Sendable {
    /// A key ready to derive: fixed, or the parent of its `/*` children.
    enum ResolvedKey: Sendable {
        case fixed(PublicKey)
        case fixedXOnly([UInt8])
        case ranged(ChildKeyDeriver)

        func publicKey(_ index: UInt32) throws(ExtendedKeyError) -> PublicKey? {
            switch self {
            case .fixed(let k): return k
            case .fixedXOnly: return nil
            case .ranged(let parent): return try parent.publicKey(index)
            }
        }

        /// The key's SEC serialisation (as written for hex keys; compressed for derived ones).
        func sec(_ index: UInt32) throws(ExtendedKeyError) -> [UInt8] {
            try publicKey(index)?.serialized ?? []
        }

        func xOnly(_ index: UInt32) throws(ExtendedKeyError) -> [UInt8] {
            if case .fixedXOnly(let x) = self { return x }
            return try publicKey(index)?.xOnly ?? []
        }
    }

    indirect enum Node: Sendable {
        case pk(ResolvedKey), pkh(ResolvedKey), wpkh(ResolvedKey)
        case sh(Node), wsh(Node)
        case multi(Int, [ResolvedKey], sorted: Bool)
        case tr(ResolvedKey, Tree?)
        case fixed([UInt8])
    }

    indirect enum Tree: Sendable {
        case leaf(ResolvedKey)
        case branch(Tree, Tree)
    }

    let root: Node
    /// Whether scripts depend on the index.
    public let isRanged: Bool

    /// Resolves a descriptor's keys; multipath descriptors take branch 0 (pick one with `branch(_:)` first).
    public init(_ descriptor: Descriptor) throws(ExtendedKeyError) {
        let single = descriptor.branch(0)
        self.root = try Self.resolve(single.root)
        self.isRanged = single.isRanged
    }

    /// The scriptPubKey at child `index` of the ranged keys (ignored when the descriptor is not ranged).
    public func scriptPubKey(at index: UInt32) throws(ExtendedKeyError) -> [UInt8] {
        try script(root, index)
    }

    private func script(_ node: Node, _ i: UInt32) throws(ExtendedKeyError) -> [UInt8] {
        switch node {
        case .pk(let k): return ScriptBuilder.p2pk(try k.sec(i))
        case .pkh(let k): return ScriptBuilder.p2pkh(Hashes.hash160(try k.sec(i)))
        case .wpkh(let k): return ScriptBuilder.p2wpkh(Hashes.hash160(try k.sec(i)))
        case .sh(let inner): return ScriptBuilder.p2sh(try script(inner, i))
        case .wsh(let inner): return ScriptBuilder.p2wsh(try script(inner, i))
        case .multi(let threshold, let keys, let sorted):
            var secs: [[UInt8]] = []
            secs.reserveCapacity(keys.count)
            for k in keys { secs.append(try k.sec(i)) }
            if sorted { secs.sort { $0.lexicographicallyPrecedes($1) } }
            return ScriptBuilder.multisig(threshold, secs)
        case .tr(let k, let tree):
            let internalKey: XOnlyPublicKey
            do { internalKey = try XOnlyPublicKey(try k.xOnly(i)) } catch { throw .invalidChild(i) }
            let root = try tree.map { (t) throws(ExtendedKeyError) -> [UInt8] in try merkleRoot(t, i) }
            do { return ScriptBuilder.p2tr(try internalKey.tapTweak(merkleRoot: root).key.bytes) } catch {
                throw .invalidChild(i)
            }
        case .fixed(let s): return s
        }
    }

    private func merkleRoot(_ tree: Tree, _ i: UInt32) throws(ExtendedKeyError) -> [UInt8] {
        switch tree {
        case .leaf(let k): return ScriptBuilder.tapLeafHash(xOnlyKey: try k.xOnly(i))
        case .branch(let l, let r): return ScriptBuilder.tapBranchHash(try merkleRoot(l, i), try merkleRoot(r, i))
        }
    }

    private static func resolve(_ node: DescriptorNode) throws(ExtendedKeyError) -> Node {
        switch node {
        case .pk(let k): return .pk(try resolve(k))
        case .pkh(let k): return .pkh(try resolve(k))
        case .wpkh(let k): return .wpkh(try resolve(k))
        case .sh(let n): return .sh(try resolve(n))
        case .wsh(let n): return .wsh(try resolve(n))
        case .multi(let t, let keys, let sorted):
            var resolved: [ResolvedKey] = []
            for k in keys { resolved.append(try resolve(k)) }
            return .multi(t, resolved, sorted: sorted)
        case .tr(let k, let tree): return .tr(try resolve(k), try tree.map { (t) throws(ExtendedKeyError) -> Tree in try resolve(t) })
        case .addr(_, let spk): return .fixed(spk)
        case .raw(let s): return .fixed(s)
        }
    }

    private static func resolve(_ tree: TapTree) throws(ExtendedKeyError) -> Tree {
        switch tree {
        case .leaf(let k): return .leaf(try resolve(k))
        case .branch(let l, let r): return .branch(try resolve(l), try resolve(r))
        }
    }

    private static func resolve(_ key: KeyExpression) throws(ExtendedKeyError) -> ResolvedKey {
        switch key.key {
        case .single(let k): return .fixed(k)
        case .xOnly(let x): return .fixedXOnly(x.bytes)
        case .extended(let xpub, let elements, let wildcard):
            var parent = xpub
            for case .step(let step) in elements { parent = try parent.derive(path: DerivationPath([step])) }
            return wildcard ? .ranged(ChildKeyDeriver(parent)) : .fixed(parent.key)
        }
    }
}
