internal import CSecp256k1

/// A 65-byte recoverable ECDSA signature: r ‖ s and a recovery id 0…3 (BIP-137 compact form without
/// its header byte).
public struct RecoverableSignature: Sendable, Hashable {
    /// r ‖ s, 32 bytes each, big-endian; both in 1..<n.
    public let compact: [UInt8]
    /// Which of the up to four candidate keys signed (0…3).
    public let recoveryID: Int

    /// Checks lengths and ranges before anything reaches libsecp256k1.
    public init(compact: [UInt8], recoveryID: Int) throws(ECDSASignatureError) {
        guard compact.count == 64 else { throw .compactLength(compact.count) }
        try compact.withUnsafeBufferPointer { (b) throws(ECDSASignatureError) in
            try CurveOrder.checkScalars(b)
        }
        guard (0...3).contains(recoveryID) else { throw .recoveryID(recoveryID) }
        self.compact = compact
        self.recoveryID = recoveryID
    }

    /// The public key that produced this signature over the 32-byte `digest`, or nil when none does
    /// (r is not the x coordinate of a point for this recovery id). Accepts high S, as message verifiers do.
    public func recoverPublicKey(digest: [UInt8], compressed: Bool) -> PublicKey? {
        guard digest.count == 32 else { return nil }
        let ctx = Secp256k1Context.shared
        var sig = secp256k1_ecdsa_recoverable_signature()
        guard secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, compact, Int32(recoveryID)) == 1 else {
            return nil
        }
        var key = secp256k1_pubkey()
        guard secp256k1_ecdsa_recover(ctx, &key, &sig, digest) == 1 else { return nil }
        return PublicKey(raw: key, compressed: compressed)
    }
}
