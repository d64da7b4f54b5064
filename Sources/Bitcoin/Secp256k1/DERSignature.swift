/// Which half of an ECDSA signature an error is about.
public enum SignatureComponent: String, Sendable {
    case r, s
}

/// Why an ECDSA signature encoding was refused.
public enum ECDSASignatureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Strict DER (BIP-66) signatures are 8 to 72 bytes.
    case derLength(Int)
    /// The first byte is not the SEQUENCE tag 0x30.
    case notASequence(tag: UInt8)
    /// The SEQUENCE length byte does not equal the remaining bytes.
    case sequenceLength(declared: Int, actual: Int)
    /// An INTEGER tag 0x02 is missing where `component` should start.
    case notAnInteger(SignatureComponent)
    /// The INTEGER lengths run past the end of the signature or leave bytes after it.
    case integerLengths
    /// An INTEGER of length zero.
    case emptyInteger(SignatureComponent)
    /// A negative INTEGER (high bit set).
    case negativeInteger(SignatureComponent)
    /// A leading zero byte that is not needed (non-minimal DER).
    case nonMinimalInteger(SignatureComponent)
    /// The value is zero; ECDSA requires 1 ≤ r, s < n.
    case zero(SignatureComponent)
    /// The value is at least the group order n.
    case overflow(SignatureComponent)
    /// Compact signatures are exactly 64 bytes.
    case compactLength(Int)
    /// A recovery id outside 0…3.
    case recoveryID(Int)

    public var description: String {
        switch self {
        case .derLength(let n): return "DER signature of \(n) bytes (strict DER is 8 to 72 bytes)"
        case .notASequence(let tag): return "DER signature starts with 0x\(Hex.encode([tag])), not SEQUENCE 0x30"
        case .sequenceLength(let d, let a): return "DER sequence length \(d) but \(a) bytes follow"
        case .notAnInteger(let c): return "DER \(c.rawValue) is not tagged INTEGER 0x02"
        case .integerLengths: return "DER integer lengths do not add up to the signature length"
        case .emptyInteger(let c): return "DER \(c.rawValue) has length zero"
        case .negativeInteger(let c): return "DER \(c.rawValue) is negative"
        case .nonMinimalInteger(let c): return "DER \(c.rawValue) has a superfluous leading zero byte"
        case .zero(let c): return "\(c.rawValue) is zero"
        case .overflow(let c): return "\(c.rawValue) is not below the curve order n"
        case .compactLength(let n): return "compact signature of \(n) bytes (expected 64)"
        case .recoveryID(let id): return "recovery id \(id) (expected 0 to 3)"
        }
    }
}

/// Strict DER (BIP-66) decoding of an ECDSA signature, without a sighash byte, into the 64-byte
/// compact form r ‖ s (each 32 bytes big-endian). Range checks against n are left to libsecp256k1.
enum DERSignature {
    /// Writes r ‖ s into `out` (64 bytes) or throws the first BIP-66 rule `der` breaks.
    static func decode(_ der: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>)
        throws(ECDSASignatureError) {
        let size = der.count
        guard size >= 8, size <= 72 else { throw .derLength(size) }
        guard der[0] == 0x30 else { throw .notASequence(tag: der[0]) }
        guard Int(der[1]) == size - 2 else { throw .sequenceLength(declared: Int(der[1]), actual: size - 2) }
        guard der[2] == 0x02 else { throw .notAnInteger(.r) }
        let lenR = Int(der[3])
        guard 5 + lenR < size else { throw .integerLengths }
        guard der[4 + lenR] == 0x02 else { throw .notAnInteger(.s) }
        let lenS = Int(der[5 + lenR])
        guard lenR + lenS + 6 == size else { throw .integerLengths }
        try copyInteger(der, start: 4, length: lenR, component: .r, into: out, at: 0)
        try copyInteger(der, start: 6 + lenR, length: lenS, component: .s, into: out, at: 32)
    }

    private static func copyInteger(_ der: UnsafeBufferPointer<UInt8>, start: Int, length: Int,
                                    component: SignatureComponent,
                                    into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int)
        throws(ECDSASignatureError) {
        guard length > 0 else { throw .emptyInteger(component) }
        guard der[start] & 0x80 == 0 else { throw .negativeInteger(component) }
        if length > 1, der[start] == 0, der[start + 1] & 0x80 == 0 { throw .nonMinimalInteger(component) }
        var from = start
        var count = length
        if der[from] == 0, count > 1 { from += 1; count -= 1 }
        guard count <= 32 else { throw .overflow(component) }
        for i in 0..<(32 - count) { out[offset + i] = 0 }
        for i in 0..<count { out[offset + 32 - count + i] = der[from + i] }
    }

    /// Whether 32 big-endian bytes at `offset` are all zero.
    static func isZero(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var acc: UInt8 = 0
        for i in offset..<(offset + 32) { acc |= bytes[i] }
        return acc == 0
    }
}
