/// An output descriptor (BIP-380..386, BIP-389 multipath): parsed, validated, printable with its checksum.
///
///     let d = try Descriptor(parsing: "wpkh([d34db33f/84h/0h/0h]xpub…/<0;1>/*)")
///     let receive = try d.branch(0).deriver()
///     let script = try receive.scriptPubKey(at: 5)
public struct Descriptor: Sendable, Hashable, CustomStringConvertible {
    public let root: DescriptorNode
    /// Whether any key ends in `/*` (scripts differ per index).
    public let isRanged: Bool
    /// The number of `<a;b;…>` branches (1 without multipath).
    public let branchCount: Int
    /// The networks its extended keys and address fit (all four when it has only hex keys).
    public let networks: NetworkSet

    init(root: DescriptorNode, branchCount: Int, networks: NetworkSet) {
        self.root = root
        self.branchCount = branchCount
        self.networks = networks
        self.isRanged = root.keys.contains(where: \.isRanged)
    }

    /// Parses descriptor text. A `#checksum` is verified when present (required when `requireChecksum`).
    public init(parsing text: String, requireChecksum: Bool = false) throws(DescriptorError) {
        if let bad = DescriptorChecksum.firstInvalidCharacter(text) {
            let c = Array(text.unicodeScalars)[bad]
            throw DescriptorError(.invalidCharacter("'\(c)'"), at: bad)
        }
        var body = text
        if let hash = text.firstIndex(of: "#") {
            body = String(text[..<hash])
            let given = String(text[text.index(after: hash)...])
            let offset = text.distance(from: text.startIndex, to: hash)
            guard given.count == 8 else { throw DescriptorError(.malformedChecksum(given), at: offset) }
            let expected = DescriptorChecksum.compute(body) ?? ""
            guard expected == given else {
                throw DescriptorError(.badChecksum(expected: expected, found: given), at: offset)
            }
        } else if requireChecksum {
            throw DescriptorError(.missingChecksum, at: text.count)
        }
        var parser = DescriptorParser(body)
        let root = try parser.parseTop()
        self.init(root: root, branchCount: parser.branchCount, networks: parser.networks)
    }

    /// The descriptor text without its checksum, in this tool's normal form.
    public var body: String { root.description }

    /// The checksum of `body`.
    public var checksum: String { DescriptorChecksum.compute(body) ?? "" }

    /// `body#checksum`.
    public var description: String { body + "#" + checksum }

    /// The single-path descriptor of branch `i` (0 receive, 1 change for `<0;1>`); itself without multipath.
    public func branch(_ i: Int) -> Descriptor {
        guard branchCount > 1 else { return self }
        return Descriptor(root: root.branch(i), branchCount: 1, networks: networks)
    }
}

extension NetworkSet {
    /// The network addresses are shown for when none is asked: main if allowed, else test, signet, regtest.
    public var defaultNetwork: Network { networks.first ?? .main }
}
