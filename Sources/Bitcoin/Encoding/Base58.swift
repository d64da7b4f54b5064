/// Why Base58 or Base58Check text was refused.
public enum Base58Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// A character outside the Base58 alphabet (no 0, O, I or l); `position` counts from 1.
    case invalidCharacter(String, position: Int)
    /// Base58Check text must hold at least the 4-byte checksum.
    case tooShort(bytes: Int)
    /// The last 4 bytes are not the double-SHA-256 checksum of the rest (a typo or a truncated copy).
    case checksumMismatch

    public var description: String {
        switch self {
        case .invalidCharacter(let c, let p): return "invalid character '\(c)' at position \(p) (not Base58)"
        case .tooShort(let n): return "too short: \(n) byte\(n == 1 ? "" : "s") of Base58 data cannot hold a 4-byte checksum"
        case .checksumMismatch: return "checksum mismatch (mistyped or truncated)"
        }
    }
}

/// Base58 (Bitcoin alphabet): leading '1's stand for leading zero bytes.
public enum Base58 {
    static let alphabet: [UInt8] = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// Digit value of each ASCII byte, 0xFF for bytes outside the alphabet.
    static let digits: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// The Base58 text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        var zeros = 0
        while zeros < bytes.count && bytes[zeros] == 0 { zeros += 1 }
        // log(256) / log(58) < 1.38: enough base-58 digits for the rest.
        var b58 = [UInt8](repeating: 0, count: (bytes.count - zeros) * 138 / 100 + 1)
        var length = 0
        for byte in bytes[zeros...] {
            var carry = Int(byte)
            var i = 0
            var k = b58.count - 1
            while (carry != 0 || i < length) && k >= 0 {
                carry += 256 * Int(b58[k])
                b58[k] = UInt8(carry % 58)
                carry /= 58
                i += 1
                k -= 1
            }
            length = i
        }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        out.reserveCapacity(zeros + length)
        for d in b58[(b58.count - length)...] { out.append(alphabet[Int(d)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of Base58 `text`.
    public static func decode(_ text: String) throws(Base58Error) -> [UInt8] {
        var text = text
        let result: Result<[UInt8], Base58Error> = text.withUTF8 { utf8 in
            Result { () throws(Base58Error) in try decode(utf8: utf8) }
        }
        return try result.get()
    }

    /// Decodes UTF-8 Base58 text into a new array.
    static func decode(utf8: UnsafeBufferPointer<UInt8>) throws(Base58Error) -> [UInt8] {
        let capacity = utf8.count
        var failure: Base58Error?
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            switch decode(utf8: utf8, into: buffer) {
            case .success(let n): count = n
            case .failure(let e): failure = e; count = 0
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Decodes UTF-8 Base58 text into `out` (which must hold `utf8.count` bytes: no character yields more than one)
    /// and returns the number of bytes written. Allocation-free: the hot path of address parsing.
    static func decode(utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>)
        -> Result<Int, Base58Error>
    {
        var zeros = 0
        while zeros < utf8.count && utf8[zeros] == alphabet[0] { zeros += 1 }
        // The number as big-endian 32-bit limbs, most significant first.
        let limbCount = (utf8.count * 733 / 1000 + 4) / 4 + 1
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: limbCount) { limbs in
            limbs.initialize(repeating: 0)
            var used = 0 // limbs in use, counted from the end
            let table = digits
            for i in zeros..<utf8.count {
                let c = utf8[i]
                let d = table[Int(c)]
                if d == 0xFF {
                    return .failure(.invalidCharacter(UTF8Text.character(at: i, in: utf8), position: UTF8Text.position(at: i, in: utf8)))
                }
                var carry = UInt64(d)
                var k = limbCount - 1
                var touched = 0
                while k >= 0 && (touched < used || carry != 0) {
                    let t = UInt64(limbs[k]) &* 58 &+ carry
                    limbs[k] = UInt32(truncatingIfNeeded: t)
                    carry = t >> 32
                    k -= 1
                    touched += 1
                }
                used = touched
            }
            // Write leading zero bytes, then the number's bytes without its leading zeros.
            var n = 0
            for _ in 0..<zeros { out[n] = 0; n += 1 }
            var started = false
            for k in (limbCount - used)..<limbCount {
                let limb = limbs[k]
                for shift in stride(from: 24, through: 0, by: -8) {
                    let b = UInt8(truncatingIfNeeded: limb >> UInt32(shift))
                    if !started && b == 0 { continue }
                    started = true
                    out[n] = b
                    n += 1
                }
            }
            return .success(n)
        }
    }
}

/// Base58Check: Base58 of payload ‖ first 4 bytes of SHA-256d(payload).
public enum Base58Check {
    /// The Base58Check text of `payload` (version bytes included).
    public static func encode(_ payload: [UInt8]) -> String {
        Base58.encode(payload + Hashes.sha256d(payload).prefix(4))
    }

    /// The payload of Base58Check `text`, checksum verified and removed.
    public static func decode(_ text: String) throws(Base58Error) -> [UInt8] {
        let bytes = try Base58.decode(text)
        guard bytes.count >= 4 else { throw .tooShort(bytes: bytes.count) }
        let payload = Array(bytes.dropLast(4))
        guard Hashes.sha256d(payload).prefix(4).elementsEqual(bytes.suffix(4)) else { throw .checksumMismatch }
        return payload
    }
}
