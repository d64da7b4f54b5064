/// The five verdicts of DESIGN.md: only `valid` means a check passed.
public enum VerificationStatus: String, Sendable, CaseIterable {
    case valid, invalid, malformed, unsupported, inconclusive
}

/// The outcome of verifying one signature, keeping malformed input apart from a failed check (like
/// Bitcoin Core's `MessageVerificationResult`). Every case but `valid` carries a reason for people.
public enum VerificationResult: Sendable, Equatable, CustomStringConvertible {
    /// The signature checks.
    case valid
    /// The address does not parse (malformed).
    case invalidAddress(String)
    /// The public key does not parse (malformed).
    case invalidPublicKey(String)
    /// The message or digest is not well formed, e.g. bad hex or wrong length (malformed).
    case malformedMessage(String)
    /// The signature does not decode: bad base64 or hex, wrong length, bad DER, r or s out of range (malformed).
    case malformedSignature(String)
    /// A well-formed compact signature from which no public key can be recovered (invalid).
    case keyNotRecovered
    /// The signature header's address type does not match the address (invalid).
    case headerMismatch(String)
    /// Well formed but not a valid signature by the expected key over this message (invalid).
    case notSigned(String)
    /// A signature that consensus would accept but policy forbids, e.g. high S (invalid).
    case nonStandard(String)
    /// The kind of proof or script is one this verifier does not check.
    case unsupported(String)
    /// The proof cannot be decided from what was given.
    case inconclusive(String)

    /// The DESIGN.md status of this result.
    public var status: VerificationStatus {
        switch self {
        case .valid: return .valid
        case .invalidAddress, .invalidPublicKey, .malformedMessage, .malformedSignature: return .malformed
        case .keyNotRecovered, .headerMismatch, .notSigned, .nonStandard: return .invalid
        case .unsupported: return .unsupported
        case .inconclusive: return .inconclusive
        }
    }

    /// True only when the signature was checked and holds.
    public var isValid: Bool { self == .valid }

    /// Why the result is not valid (empty when valid).
    public var reason: String {
        switch self {
        case .valid: return ""
        case .invalidAddress(let r): return "invalid address: \(r)"
        case .invalidPublicKey(let r): return "invalid public key: \(r)"
        case .malformedMessage(let r): return "malformed message: \(r)"
        case .malformedSignature(let r): return "malformed signature: \(r)"
        case .keyNotRecovered: return "no public key can be recovered from the signature"
        case .headerMismatch(let r): return "signature header does not match the address: \(r)"
        case .notSigned(let r): return r
        case .nonStandard(let r): return "non-standard signature: \(r)"
        case .unsupported(let r): return "unsupported: \(r)"
        case .inconclusive(let r): return "inconclusive: \(r)"
        }
    }

    public var description: String { isValid ? "valid" : "\(status.rawValue): \(reason)" }
}

extension ECDSACheck {
    /// The verdict of a batch ECDSA row.
    public var result: VerificationResult {
        switch self {
        case .valid: return .valid
        case .badPublicKey(let e): return .invalidPublicKey(e.description)
        case .badDigestLength(let n): return .malformedMessage("digest of \(n) bytes (expected 32)")
        case .badSignature(let e): return .malformedSignature(e.description)
        case .highS: return .nonStandard("s is above n/2 (high S); accepted only with --allow-high-s")
        case .mismatch: return .notSigned("signature does not match the public key and digest")
        }
    }
}

extension SchnorrCheck {
    /// The verdict of a batch Schnorr row.
    public var result: VerificationResult {
        switch self {
        case .valid: return .valid
        case .badPublicKey(let e):
            if case .invalidLength(let n) = e { return .invalidPublicKey("x-only key of \(n) bytes (expected 32)") }
            return .invalidPublicKey("not the x coordinate of a secp256k1 point")
        case .badSignatureLength(let n): return .malformedSignature("BIP-340 signature of \(n) bytes (expected 64)")
        case .mismatch: return .notSigned("signature does not match the public key and message")
        }
    }
}
