/// A BIP-380 KEY expression: an optional origin and a hex public key, an x-only key (inside `tr`),
/// or an extended public key with non-hardened steps, an optional `<a;b>` multipath step and a `/*` wildcard.
public struct KeyExpression: Sendable, Hashable, CustomStringConvertible {
    public let origin: KeyOrigin?
    public let key: Key

    /// The key material.
    public enum Key: Sendable, Hashable {
        /// A SEC public key (compressed or uncompressed), written in hex.
        case single(PublicKey)
        /// A 32-byte x-only key, only inside `tr()`.
        case xOnly(XOnlyPublicKey)
        /// An extended key, the steps after it and whether it ends in `/*`.
        case extended(ExtendedPublicKey, steps: [PathElement], wildcard: Bool)
    }

    /// One `/…` element after an extended key.
    public enum PathElement: Sendable, Hashable, CustomStringConvertible {
        case step(DerivationStep)
        /// BIP-389 `<a;b;…>`: one index per derivation branch (receive, change, …).
        case multipath([DerivationStep])

        public var description: String {
            switch self {
            case .step(let s): return s.description
            case .multipath(let s): return "<" + s.map(\.description).joined(separator: ";") + ">"
            }
        }
    }

    public init(origin: KeyOrigin?, key: Key) {
        self.origin = origin
        self.key = key
    }

    /// Whether it ends in `/*` (its key differs per index).
    public var isRanged: Bool {
        if case .extended(_, _, true) = key { return true }
        return false
    }

    /// The same expression with its multipath step replaced by branch `i`.
    public func branch(_ i: Int) -> KeyExpression {
        guard case .extended(let xpub, let steps, let wildcard) = key else { return self }
        let chosen = steps.map { element -> PathElement in
            if case .multipath(let s) = element { return .step(s[min(i, s.count - 1)]) }
            return element
        }
        return KeyExpression(origin: origin, key: .extended(xpub, steps: chosen, wildcard: wildcard))
    }

    /// Printed form; extended keys are shown under their plain BIP-32 version (xpub or tpub).
    public var description: String {
        var out = origin.map { "[\($0)]" } ?? ""
        switch key {
        case .single(let k): out += Hex.encode(k.serialized)
        case .xOnly(let k): out += Hex.encode(k.bytes)
        case .extended(let xpub, let steps, let wildcard):
            out += xpub.encoded(as: .bip32Public(testnet: xpub.isTestnet))
            for s in steps { out += "/" + s.description }
            if wildcard { out += "/*" }
        }
        return out
    }
}
