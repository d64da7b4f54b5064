internal import CSecp256k1

/// Why a public key was refused.
public enum PublicKeyError: Error, Equatable, CustomStringConvertible {
    /// SEC keys are 33 (compressed) or 65 (uncompressed) bytes; x-only keys 32.
    case invalidLength(Int)
    /// The bytes have the right length but are not a point on secp256k1 (or a bad prefix byte).
    case notOnCurve
    /// A tweak made the key invalid (the tweak was ≥ n, or the result is the point at infinity).
    case invalidTweak

    public var description: String {
        switch self {
        case .invalidLength(let n): return "public key of \(n) bytes (expected 33 compressed or 65 uncompressed)"
        case .notOnCurve: return "public key is not a valid secp256k1 point"
        case .invalidTweak: return "key tweak gives an invalid key"
        }
    }
}

/// A secp256k1 public key (SEC encoding), validated by libsecp256k1.
public struct PublicKey: Hashable, Sendable, CustomStringConvertible {
    /// The compressed 33-byte SEC form (02/03 ‖ x).
    public let compressed: [UInt8]
    /// Whether the key was given (and is to be serialised) in compressed form.
    public let isCompressed: Bool

    /// Parses a 33-byte compressed or 65-byte uncompressed SEC key (hybrid 06/07 keys are refused).
    public init(sec bytes: [UInt8]) throws(PublicKeyError) {
        guard bytes.count == 33 || bytes.count == 65 else { throw .invalidLength(bytes.count) }
        guard bytes[0] == 2 || bytes[0] == 3 || (bytes.count == 65 && bytes[0] == 4) else { throw .notOnCurve }
        var pk = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(Secp256k1Context.shared, &pk, bytes, bytes.count) == 1 else {
            throw .notOnCurve
        }
        self.init(raw: pk, compressed: bytes.count == 33)
    }

    init(raw: secp256k1_pubkey, compressed: Bool) {
        var pk = raw
        self.compressed = PublicKey.serialize(&pk, flags: UInt32(SECP256K1_EC_COMPRESSED), size: 33)
        self.isCompressed = compressed
    }

    /// The same key, marked to serialise compressed.
    public var asCompressed: PublicKey { PublicKey(compressedBytes: compressed, isCompressed: true) }

    private init(compressedBytes: [UInt8], isCompressed: Bool) {
        self.compressed = compressedBytes
        self.isCompressed = isCompressed
    }

    /// The 65-byte uncompressed SEC form (04 ‖ x ‖ y).
    public var uncompressed: [UInt8] {
        var pk = raw
        return PublicKey.serialize(&pk, flags: UInt32(SECP256K1_EC_UNCOMPRESSED), size: 65)
    }

    /// The key as given: compressed or uncompressed.
    public var serialized: [UInt8] { isCompressed ? compressed : uncompressed }

    /// The 32-byte x coordinate (BIP-340 x-only form).
    public var xOnly: [UInt8] { Array(compressed[1...]) }

    /// Whether the key's y coordinate is odd.
    public var hasOddY: Bool { compressed[0] == 3 }

    /// HASH160 of the serialised key (P2PKH, P2WPKH).
    public var hash160: [UInt8] { Hashes.hash160(serialized) }

    public var description: String { Hex.encode(serialized) }

    /// `self + tweak·G` (BIP-32 public child derivation). Throws when tweak ≥ n or the result is infinity.
    public func tweakAdd(_ tweak: [UInt8]) throws(PublicKeyError) -> PublicKey {
        guard tweak.count == 32 else { throw .invalidLength(tweak.count) }
        var pk = raw
        guard secp256k1_ec_pubkey_tweak_add(Secp256k1Context.shared, &pk, tweak) == 1 else { throw .invalidTweak }
        return PublicKey(raw: pk, compressed: isCompressed)
    }

    /// The libsecp256k1 form of the key (parsing the stored compressed bytes cannot fail).
    var raw: secp256k1_pubkey {
        var pk = secp256k1_pubkey()
        _ = secp256k1_ec_pubkey_parse(Secp256k1Context.shared, &pk, compressed, 33)
        return pk
    }

    private static func serialize(_ pk: inout secp256k1_pubkey, flags: UInt32, size: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: size)
        var len = size
        _ = secp256k1_ec_pubkey_serialize(Secp256k1Context.shared, &out, &len, &pk, flags)
        return out
    }
}

/// A BIP-340 x-only public key (32 bytes), as used by Taproot and Schnorr signatures.
public struct XOnlyPublicKey: Hashable, Sendable, CustomStringConvertible {
    /// The 32-byte x coordinate.
    public let bytes: [UInt8]

    /// Parses 32 bytes as the x coordinate of a point with even y; refuses values that are not on the curve.
    public init(_ bytes: [UInt8]) throws(PublicKeyError) {
        guard bytes.count == 32 else { throw .invalidLength(bytes.count) }
        var xk = secp256k1_xonly_pubkey()
        guard secp256k1_xonly_pubkey_parse(Secp256k1Context.shared, &xk, bytes) == 1 else { throw .notOnCurve }
        self.bytes = bytes
    }

    /// The x-only form of a full key (its y parity dropped).
    public init(_ key: PublicKey) {
        self.bytes = key.xOnly
    }

    public var description: String { Hex.encode(bytes) }

    /// `self + tweak·G`, returned as an x-only key with the parity of the result (BIP-341 output key).
    public func tweakAdd(_ tweak: [UInt8]) throws(PublicKeyError) -> (key: XOnlyPublicKey, oddY: Bool) {
        guard tweak.count == 32 else { throw .invalidLength(tweak.count) }
        let ctx = Secp256k1Context.shared
        var xk = secp256k1_xonly_pubkey()
        guard secp256k1_xonly_pubkey_parse(ctx, &xk, bytes) == 1 else { throw .notOnCurve }
        var full = secp256k1_pubkey()
        guard secp256k1_xonly_pubkey_tweak_add(ctx, &full, &xk, tweak) == 1 else { throw .invalidTweak }
        var out = secp256k1_xonly_pubkey()
        var parity: Int32 = 0
        guard secp256k1_xonly_pubkey_from_pubkey(ctx, &out, &parity, &full) == 1 else { throw .invalidTweak }
        var ser = [UInt8](repeating: 0, count: 32)
        _ = secp256k1_xonly_pubkey_serialize(ctx, &ser, &out)
        return (XOnlyPublicKey(unchecked: ser), parity == 1)
    }

    /// BIP-341 TapTweak: the output key of this internal key committed to an optional script-tree Merkle root.
    public func tapTweak(merkleRoot: [UInt8]?) throws(PublicKeyError) -> (key: XOnlyPublicKey, oddY: Bool) {
        let tweak = Hashes.tagged("TapTweak", bytes + (merkleRoot ?? []))
        return try tweakAdd(tweak)
    }

    init(unchecked bytes: [UInt8]) { self.bytes = bytes }
}
