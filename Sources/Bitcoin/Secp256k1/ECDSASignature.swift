internal import CSecp256k1

/// An ECDSA signature over secp256k1 with 1 ≤ r, s < n, held in compact form (r ‖ s).
///
/// Parsing is strict: DER must follow BIP-66 and both halves must be in range; nothing reaches
/// libsecp256k1 before its length has been checked here.
public struct ECDSASignature: Sendable, Hashable {
    /// r ‖ s, 32 bytes each, big-endian.
    public let compact: [UInt8]

    /// Parses a strict DER (BIP-66) signature without a trailing sighash byte.
    public init(der: [UInt8]) throws(ECDSASignatureError) {
        var out = [UInt8](repeating: 0, count: 64)
        try der.withUnsafeBufferPointer { (d) throws(ECDSASignatureError) in
            try out.withUnsafeMutableBufferPointer { (o) throws(ECDSASignatureError) in
                try DERSignature.decode(d, into: o)
            }
        }
        try self.init(compact: out)
    }

    /// Parses 64 bytes r ‖ s; refuses zero or out-of-range halves.
    public init(compact bytes: [UInt8]) throws(ECDSASignatureError) {
        guard bytes.count == 64 else { throw .compactLength(bytes.count) }
        try bytes.withUnsafeBufferPointer { (b) throws(ECDSASignatureError) in
            try CurveOrder.checkScalars(b)
        }
        self.compact = bytes
    }

    /// Whether s ≤ n/2, as Bitcoin's standardness rules (and libsecp256k1's verifier) require.
    public var isLowS: Bool {
        var sig = parsed
        return secp256k1_ecdsa_signature_normalize(Secp256k1Context.shared, nil, &sig) == 0
    }

    /// The same signature with s replaced by n − s when s is high.
    public var normalized: ECDSASignature {
        var sig = parsed
        var low = secp256k1_ecdsa_signature()
        _ = secp256k1_ecdsa_signature_normalize(Secp256k1Context.shared, &low, &sig)
        var out = [UInt8](repeating: 0, count: 64)
        _ = secp256k1_ecdsa_signature_serialize_compact(Secp256k1Context.shared, &out, &low)
        return ECDSASignature(checked: out)
    }

    /// Whether this signature is valid for the 32-byte `digest` under `publicKey`. A high-S signature is
    /// never valid here; normalise it first where the caller's policy accepts it.
    public func isValidSignature(for digest: [UInt8], publicKey: PublicKey) -> Bool {
        guard digest.count == 32 else { return false }
        var sig = parsed
        var key = publicKey.raw
        return secp256k1_ecdsa_verify(Secp256k1Context.shared, &sig, digest, &key) == 1
    }

    private init(checked: [UInt8]) { self.compact = checked }

    var parsed: secp256k1_ecdsa_signature {
        var sig = secp256k1_ecdsa_signature()
        _ = secp256k1_ecdsa_signature_parse_compact(Secp256k1Context.shared, &sig, compact)
        return sig
    }
}

/// The secp256k1 group order n, for range checks done before any C call.
enum CurveOrder {
    static let n: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
        0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
    ]

    /// Whether the 32 big-endian bytes at `offset` are below n.
    static func isBelowOrder(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        for i in 0..<32 {
            let b = bytes[offset + i], m = n[i]
            if b != m { return b < m }
        }
        return false
    }

    /// Checks that both halves of r ‖ s (64 bytes) are in 1..<n.
    static func checkScalars(_ rs: UnsafeBufferPointer<UInt8>) throws(ECDSASignatureError) {
        if DERSignature.isZero(rs, at: 0) { throw .zero(.r) }
        if !isBelowOrder(rs, at: 0) { throw .overflow(.r) }
        if DERSignature.isZero(rs, at: 32) { throw .zero(.s) }
        if !isBelowOrder(rs, at: 32) { throw .overflow(.s) }
    }
}
