/// Why a Taproot output key could not be computed.
public enum TaprootError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A Merkle root must be 32 bytes.
    case invalidMerkleRoot(length: Int)
    /// The tweak made an invalid key (negligibly rare; a forged tree could aim at it).
    case invalidTweak

    public var description: String {
        switch self {
        case .invalidMerkleRoot(let n): return "script-tree Merkle root of \(n) bytes (expected 32)"
        case .invalidTweak: return "the Taproot tweak gives an invalid output key"
        }
    }
}

/// BIP-341 hashes: script-tree leaves and branches, and the output key committing to a tree.
public enum Taproot {
    /// The leaf version of Tapscript (BIP-342).
    public static let tapscriptLeafVersion: UInt8 = 0xC0

    /// TapLeaf hash: tagged("TapLeaf", leaf version ‖ compact size of script ‖ script).
    public static func leafHash(script: [UInt8], leafVersion: UInt8 = tapscriptLeafVersion) -> [UInt8] {
        Hashes.tagged("TapLeaf", [leafVersion & 0xFE] + compactSize(script.count) + script)
    }

    /// TapBranch hash of two child hashes, taken in lexicographic order.
    public static func branchHash(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        Hashes.tagged("TapBranch", a.lexicographicallyPrecedes(b) ? a + b : b + a)
    }

    /// The output key (and its y parity, for control blocks) of `internalKey` committed to `merkleRoot`
    /// (nil for a key-path-only output).
    public static func outputKey(internalKey: XOnlyPublicKey, merkleRoot: [UInt8]?) throws(TaprootError)
        -> (key: XOnlyPublicKey, oddY: Bool)
    {
        if let merkleRoot, merkleRoot.count != 32 { throw .invalidMerkleRoot(length: merkleRoot.count) }
        do {
            return try internalKey.tapTweak(merkleRoot: merkleRoot)
        } catch {
            throw .invalidTweak
        }
    }

    /// A script tree: leaves are scripts, branches pair two subtrees.
    public indirect enum ScriptTree: Hashable, Sendable {
        case leaf(script: [UInt8], leafVersion: UInt8)
        case branch(ScriptTree, ScriptTree)

        /// The tree's hash: a leaf hash, or the branch hash of its children (the Merkle root at the top).
        public var hash: [UInt8] {
            switch self {
            case .leaf(let script, let version): return Taproot.leafHash(script: script, leafVersion: version)
            case .branch(let a, let b): return Taproot.branchHash(a.hash, b.hash)
            }
        }
    }

    /// Bitcoin's variable-length integer (CompactSize) encoding of `n`.
    static func compactSize(_ n: Int) -> [UInt8] {
        let v = UInt64(n)
        switch v {
        case ..<0xFD: return [UInt8(v)]
        case ...0xFFFF: return [0xFD] + withUnsafeBytes(of: UInt16(v).littleEndian, Array.init)
        case ...0xFFFF_FFFF: return [0xFE] + withUnsafeBytes(of: UInt32(v).littleEndian, Array.init)
        default: return [0xFF] + withUnsafeBytes(of: v.littleEndian, Array.init)
        }
    }
}
