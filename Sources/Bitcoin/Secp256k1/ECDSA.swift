internal import CSecp256k1

/// What one ECDSA check found, without allocating: the hot path of batch verification.
public enum ECDSACheck: Sendable, Equatable {
    case valid
    /// The public key is not a valid SEC key.
    case badPublicKey(PublicKeyError)
    /// The digest is not 32 bytes.
    case badDigestLength(Int)
    /// The signature encoding or range is wrong.
    case badSignature(ECDSASignatureError)
    /// s > n/2 and the policy requires low S.
    case highS
    /// Well formed, but the signature does not match this key and digest.
    case mismatch
}

/// ECDSA verification over secp256k1 through libsecp256k1's static context.
public enum ECDSA {
    /// Checks a DER signature (strict BIP-66, no sighash byte) on a 32-byte digest under a SEC public key.
    /// High-S signatures fail with `.highS` unless `allowHighS`, which normalises them first.
    public static func check(publicKey: [UInt8], digest: [UInt8], derSignature: [UInt8],
                             allowHighS: Bool = false) -> ECDSACheck {
        publicKey.withUnsafeBufferPointer { pk in
            digest.withUnsafeBufferPointer { d in
                derSignature.withUnsafeBufferPointer { s in
                    check(publicKey: pk, digest: d, derSignature: s, allowHighS: allowHighS)
                }
            }
        }
    }

    /// Buffer form of ``check(publicKey:digest:derSignature:allowHighS:)``.
    public static func check(publicKey: UnsafeBufferPointer<UInt8>, digest: UnsafeBufferPointer<UInt8>,
                             derSignature: UnsafeBufferPointer<UInt8>, allowHighS: Bool) -> ECDSACheck {
        guard digest.count == 32, let digestBase = digest.baseAddress else { return .badDigestLength(digest.count) }
        var key = secp256k1_pubkey()
        switch parsePublicKey(publicKey, into: &key) {
        case .some(let error): return .badPublicKey(error)
        case .none: break
        }
        var rs: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var sig = secp256k1_ecdsa_signature()
        let decoded: ECDSASignatureError? = withUnsafeMutableBytes(of: &rs) { raw in
            let out = raw.bindMemory(to: UInt8.self)
            do throws(ECDSASignatureError) {
                try DERSignature.decode(derSignature, into: out)
                try CurveOrder.checkScalars(UnsafeBufferPointer(out))
            } catch {
                return error
            }
            _ = secp256k1_ecdsa_signature_parse_compact(Secp256k1Context.shared, &sig, UnsafePointer(out.baseAddress!))
            return nil
        }
        if let decoded { return .badSignature(decoded) }
        var low = secp256k1_ecdsa_signature()
        if secp256k1_ecdsa_signature_normalize(Secp256k1Context.shared, &low, &sig) == 1, !allowHighS {
            return .highS
        }
        return secp256k1_ecdsa_verify(Secp256k1Context.shared, &low, digestBase, &key) == 1 ? .valid : .mismatch
    }

    /// Parses a 33- or 65-byte SEC key (prefix 02/03/04) into `key`; returns why it failed, or nil.
    static func parsePublicKey(_ bytes: UnsafeBufferPointer<UInt8>, into key: inout secp256k1_pubkey) -> PublicKeyError? {
        guard bytes.count == 33 || bytes.count == 65, let base = bytes.baseAddress else {
            return .invalidLength(bytes.count)
        }
        let prefix = bytes[0]
        guard prefix == 2 || prefix == 3 || (bytes.count == 65 && prefix == 4) else { return .notOnCurve }
        guard secp256k1_ec_pubkey_parse(Secp256k1Context.shared, &key, base, bytes.count) == 1 else {
            return .notOnCurve
        }
        return nil
    }
}
