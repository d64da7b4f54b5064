internal import CSecp256k1

/// What one BIP-340 check found.
public enum SchnorrCheck: Sendable, Equatable {
    case valid
    /// The key is not 32 bytes or not the x coordinate of a curve point.
    case badPublicKey(PublicKeyError)
    /// BIP-340 signatures are exactly 64 bytes.
    case badSignatureLength(Int)
    /// Well formed, but not a valid signature of this message under this key.
    case mismatch
}

/// BIP-340 Schnorr verification (x-only keys, messages of any length) through libsecp256k1.
public enum Schnorr {
    /// Checks a 64-byte signature on `message` (any length) under a 32-byte x-only key.
    public static func check(publicKey: [UInt8], message: [UInt8], signature: [UInt8]) -> SchnorrCheck {
        publicKey.withUnsafeBufferPointer { pk in
            message.withUnsafeBufferPointer { m in
                signature.withUnsafeBufferPointer { s in check(publicKey: pk, message: m, signature: s) }
            }
        }
    }

    /// Buffer form of ``check(publicKey:message:signature:)``.
    public static func check(publicKey: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>,
                             signature: UnsafeBufferPointer<UInt8>) -> SchnorrCheck {
        guard publicKey.count == 32, let keyBase = publicKey.baseAddress else {
            return .badPublicKey(.invalidLength(publicKey.count))
        }
        guard signature.count == 64, let sigBase = signature.baseAddress else {
            return .badSignatureLength(signature.count)
        }
        var key = secp256k1_xonly_pubkey()
        guard secp256k1_xonly_pubkey_parse(Secp256k1Context.shared, &key, keyBase) == 1 else {
            return .badPublicKey(.notOnCurve)
        }
        // A zero-length message may have no base address; libsecp256k1 then needs a valid pointer anyway.
        let ok = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { spare in
            secp256k1_schnorrsig_verify(Secp256k1Context.shared, sigBase, message.baseAddress ?? UnsafePointer(spare.baseAddress!),
                                        message.count, &key)
        }
        return ok == 1 ? .valid : .mismatch
    }

    /// Whether `signature` is a valid BIP-340 signature of `message` under `publicKey`.
    public static func isValidSignature(_ signature: [UInt8], for message: [UInt8], publicKey: XOnlyPublicKey) -> Bool {
        check(publicKey: publicKey.bytes, message: message, signature: signature) == .valid
    }
}
