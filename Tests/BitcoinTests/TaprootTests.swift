import Testing
@testable import Bitcoin

/// The seven `scriptPubKey` entries of BIP-341's wallet test vectors (Vectors/bip341_wallet_vectors.json):
/// leaf hashes, Merkle root, tweak, tweaked key, scriptPubKey and address from the internal key and tree.
@Suite struct TaprootTests {
    /// A script tree as the vector file writes it: a leaf object, or an array of two subtrees.
    indirect enum TreeNode: Decodable, Sendable {
        case leaf(script: String, leafVersion: UInt8)
        case branch([TreeNode])

        struct Leaf: Decodable { let script: String; let leafVersion: UInt8 }

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let children = try? container.decode([TreeNode].self) {
                self = .branch(children)
            } else {
                let leaf = try container.decode(Leaf.self)
                self = .leaf(script: leaf.script, leafVersion: leaf.leafVersion)
            }
        }

        /// The tree as the library models it; nil when a branch does not have exactly two children.
        var tree: Taproot.ScriptTree? {
            switch self {
            case .leaf(let script, let version):
                guard let bytes = Hex.decode(script) else { return nil }
                return .leaf(script: bytes, leafVersion: version)
            case .branch(let children):
                guard children.count == 2, let a = children[0].tree, let b = children[1].tree else { return nil }
                return .branch(a, b)
            }
        }

        /// Leaf hashes in depth-first order (the order of the vectors' `leafHashes`).
        var leafHashes: [String] {
            switch self {
            case .leaf(let script, let version):
                return [Hex.encode(Taproot.leafHash(script: Hex.decode(script) ?? [], leafVersion: version))]
            case .branch(let children): return children.flatMap(\.leafHashes)
            }
        }
    }

    struct Entry: Decodable, Sendable {
        struct Given: Decodable, Sendable { let internalPubkey: String; let scriptTree: TreeNode? }
        struct Intermediary: Decodable, Sendable {
            let leafHashes: [String]?
            let merkleRoot: String?
            let tweak: String
            let tweakedPubkey: String
        }
        struct Expected: Decodable, Sendable {
            let scriptPubKey: String
            let bip350Address: String
            let scriptPathControlBlocks: [String]?
        }
        let given: Given
        let intermediary: Intermediary
        let expected: Expected
    }

    struct File: Decodable, Sendable { let scriptPubKey: [Entry] }

    static let entries: [Entry] = (try? AddressVectorFile.decode(File.self, from: "bip341_wallet_vectors"))?.scriptPubKey ?? []

    @Test func sevenEntries() { #expect(Self.entries.count == 7) }

    @Test(arguments: entries) func scriptPubKeyEntry(entry: Entry) throws {
        let internalKey = try XOnlyPublicKey(try #require(Hex.decode(entry.given.internalPubkey)))
        let tree = entry.given.scriptTree.flatMap(\.tree)
        #expect((tree == nil) == (entry.given.scriptTree == nil))
        let merkleRoot = tree?.hash
        #expect(merkleRoot.map(Hex.encode) == entry.intermediary.merkleRoot)
        #expect(entry.given.scriptTree?.leafHashes == entry.intermediary.leafHashes)
        #expect(Hex.encode(Hashes.tagged("TapTweak", internalKey.bytes + (merkleRoot ?? []))) == entry.intermediary.tweak)

        let output = try Taproot.outputKey(internalKey: internalKey, merkleRoot: merkleRoot)
        #expect(Hex.encode(output.key.bytes) == entry.intermediary.tweakedPubkey)
        // The control block's first byte carries the output key's parity.
        for block in entry.expected.scriptPathControlBlocks ?? [] {
            let first = try #require(Hex.decode(String(block.prefix(2))))[0]
            #expect((first & 1 == 1) == output.oddY)
        }

        let payload = try AddressPayload.p2tr(internalKey: internalKey, merkleRoot: merkleRoot)
        #expect(payload == .p2tr(outputKey: output.key))
        #expect(payload.type == .p2tr)
        #expect(Hex.encode(payload.scriptPubKey) == entry.expected.scriptPubKey)
        let address = Address(payload: payload)
        #expect(address.encoded(for: .main) == entry.expected.bip350Address)
        #expect(try Address.parse(entry.expected.bip350Address).payload == payload)
    }

    @Test func branchHashIsOrderIndependent() {
        let a = Taproot.leafHash(script: [0x51])
        let b = Taproot.leafHash(script: [0x52])
        #expect(Taproot.branchHash(a, b) == Taproot.branchHash(b, a))
        #expect(Taproot.branchHash(a, b) == Hashes.tagged("TapBranch", a.lexicographicallyPrecedes(b) ? a + b : b + a))
    }

    @Test func leafHashOfLongScriptUsesCompactSize() {
        let script = [UInt8](repeating: 0x61, count: 300)
        #expect(Taproot.leafHash(script: script) == Hashes.tagged("TapLeaf", [0xC0, 0xFD, 0x2C, 0x01] + script))
    }

    @Test func merkleRootMustBe32Bytes() throws {
        let key = try XOnlyPublicKey(try #require(Hex.decode("d6889cb081036e0faefa3a35157ad71086b123b2b144b649798b494c300a961d")))
        #expect(throws: TaprootError.invalidMerkleRoot(length: 31)) {
            try Taproot.outputKey(internalKey: key, merkleRoot: [UInt8](repeating: 1, count: 31))
        }
    }
}
