/// A BIP-32 extended public key: a public key, its chain code and where it sits in its tree.
///
/// Watch-only: there is no private counterpart in this module. Parsing refuses private extended
/// keys (xprv, tprv, yprv, zprv, …) by name.
public struct ExtendedPublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The version it was parsed with (xpub, ypub, zpub, tpub, upub or vpub).
    public let version: ExtendedKeyVersion
    /// 0 for a master key, 1 for its children, …
    public let depth: UInt8
    /// First 4 bytes of the parent key's HASH160 (zero for a master key).
    public let parentFingerprint: [UInt8]
    /// The child number this key was derived with (hardened bit included).
    public let childNumber: UInt32
    public let chainCode: [UInt8]
    /// The compressed public key.
    public let key: PublicKey

    public init(version: ExtendedKeyVersion, depth: UInt8, parentFingerprint: [UInt8], childNumber: UInt32,
                chainCode: [UInt8], key: PublicKey) {
        self.version = version
        self.depth = depth
        self.parentFingerprint = parentFingerprint
        self.childNumber = childNumber
        self.chainCode = chainCode
        self.key = key
    }

    /// First 4 bytes of HASH160 of the key: how children and key origins name it.
    public var fingerprint: [UInt8] { Array(Hashes.hash160(key.compressed).prefix(4)) }

    /// Whether its version belongs to the test networks (testnet, signet, regtest).
    public var isTestnet: Bool { version.isTestnet }

    /// The networks its version is used on: main, or test, signet and regtest.
    public var networks: NetworkSet { version.isTestnet ? [.test, .signet, .regtest] : .main }

    /// The 78-byte BIP-32 serialisation under `version` (default: the key's own).
    public func serialized(as version: ExtendedKeyVersion? = nil) -> [UInt8] {
        let v = (version ?? self.version).value
        var out: [UInt8] = [UInt8(v >> 24), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff), depth]
        out += parentFingerprint
        out += [UInt8(childNumber >> 24), UInt8(childNumber >> 16 & 0xff), UInt8(childNumber >> 8 & 0xff),
                UInt8(childNumber & 0xff)]
        out += chainCode
        out += key.compressed
        return out
    }

    /// Base58Check text under the key's own version.
    public var description: String { encoded() }
}

/// Why an extended public key was refused.
public enum ExtendedKeyError: Error, Equatable, CustomStringConvertible {
    /// A private extended key or WIF: this tool never accepts private keys.
    case privateKey(kind: String)
    /// Base58Check decoding failed (bad character or checksum).
    case invalidEncoding(String)
    /// The payload is not 78 bytes.
    case invalidLength(Int)
    case unknownVersion(UInt32)
    /// Ypub/Zpub/Upub/Vpub: the multisig script is not implied by a single key.
    case multisigVersion(String)
    /// A public version carrying private key data (key byte 00).
    case privateKeyDataWithPublicVersion
    /// The key's first byte is neither 02 nor 03.
    case invalidPublicKeyPrefix(UInt8)
    /// The 33 bytes are not a point on secp256k1.
    case invalidPublicKey(String)
    case zeroDepthWithParentFingerprint
    case zeroDepthWithChildNumber
    /// A hardened step after a public key: that needs the private key.
    case hardenedDerivation(String)
    /// Depth 255 has no children.
    case depthOverflow
    /// The derived tweak is ≥ n or gives the point at infinity (probability < 2^-127): the index is unusable.
    case invalidChild(UInt32)

    public var description: String {
        switch self {
        case .privateKey(let kind):
            return "\(kind) is a private key; reserve is watch-only and never accepts private keys (give the public key or xpub)"
        case .invalidEncoding(let why): return "extended key: \(why)"
        case .invalidLength(let n): return "extended key payload of \(n) bytes (expected 78)"
        case .unknownVersion(let v): return "unknown extended key version 0x" + Hex.encode(
            [UInt8(v >> 24), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)])
        case .multisigVersion(let p):
            return "\(p) is a SLIP-132 multisig key whose script (the other keys and threshold) is not implied; "
                + "write a wsh(sortedmulti(…)) descriptor instead"
        case .privateKeyDataWithPublicVersion: return "extended key has a public version but private key data (pubkey version / prvkey mismatch)"
        case .invalidPublicKeyPrefix(let b): return "invalid pubkey prefix " + Hex.encode([b]) + " (expected 02 or 03)"
        case .invalidPublicKey(let hex): return "invalid pubkey \(hex): not a point on secp256k1"
        case .zeroDepthWithParentFingerprint: return "zero depth with non-zero parent fingerprint"
        case .zeroDepthWithChildNumber: return "zero depth with non-zero index"
        case .hardenedDerivation(let step):
            return "hardened step \(step) after a public key: hardened children need the private key, which this watch-only tool never has"
        case .depthOverflow: return "extended key at depth 255 has no children"
        case .invalidChild(let i): return "child \(i) is not a valid key (BIP-32: skip to the next index)"
        }
    }
}
