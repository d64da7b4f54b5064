/// Bech32 (BIP-173) and Bech32m (BIP-350): a prefix, the separator '1', 5-bit data and a 6-character checksum.
public enum Bech32 {
    /// The checksum variant; they differ only in the constant the checksum is xor-ed with.
    public enum Variant: Sendable, Hashable {
        case bech32, bech32m

        var constant: UInt32 { self == .bech32 ? 1 : 0x2bc8_30a3 }
    }

    static let charset: [UInt8] = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    /// 5-bit value of each ASCII byte (either case), 0xFF outside the alphabet.
    static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in charset.enumerated() {
            table[Int(c)] = UInt8(i)
            table[Int(c) & ~0x20] = UInt8(i)
        }
        return table
    }()

    /// The checksum generator, indexed by the 5 bits shifted out of the polymod state.
    static let generator: [UInt32] = (0..<32).map { (b: UInt32) in
        let g: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        return (0..<5).reduce(0) { acc, i in (b >> UInt32(i)) & 1 == 1 ? acc ^ g[i] : acc }
    }

    /// Two polymod steps at once, indexed by the top 10 bits of the state (the step is linear over GF(2),
    /// so the low 20 bits shift through and the two 5-bit values enter as `v1 << 5 ^ v2`).
    static let generator2: [UInt32] = generator.withUnsafeBufferPointer { gen in
        (0..<1024).map { (x: UInt32) in step(step(x << 20, 0, gen), 0, gen) }
    }

    /// Per ASCII byte: its 5-bit value, plus 0x20 for a lower-case letter, 0x40 for an upper-case one, and
    /// 0x80 for a byte outside the Bech32 alphabet (either case), so one lookup classifies a data character.
    static let scan: [UInt8] = (0..<256).map { (c: Int) in
        var entry: UInt8 = values[c] == 0xFF ? 0x80 : values[c]
        if c >= 0x61 && c <= 0x7A { entry |= 0x20 } else if c >= 0x41 && c <= 0x5A { entry |= 0x40 }
        return entry
    }

    /// The checksum state after the expanded prefix `hrp` (lower case), before any data.
    static func prefixState(_ hrp: String) -> UInt32 {
        let bytes = Array(hrp.utf8)
        return generator.withUnsafeBufferPointer { gen in
            var chk: UInt32 = 1
            for c in bytes { chk = step(chk, c >> 5, gen) }
            chk = step(chk, 0, gen)
            for c in bytes { chk = step(chk, c & 31, gen) }
            return chk
        }
    }

    @inline(__always)
    static func step(_ chk: UInt32, _ value: UInt8, _ gen: UnsafeBufferPointer<UInt32>) -> UInt32 {
        ((chk & 0x1ff_ffff) << 5) ^ UInt32(value) ^ gen[Int(chk >> 25)]
    }

    /// Lower-case Bech32/Bech32m text of `hrp` and 5-bit `data5` values, checksum appended.
    /// `hrp` is taken as given (lower-case printable ASCII); values must be below 32.
    public static func encode(hrp: String, data5: [UInt8], variant: Variant) -> String {
        let hrpBytes = Array(hrp.lowercased().utf8)
        var chk: UInt32 = 1
        generator.withUnsafeBufferPointer { gen in
            for c in hrpBytes { chk = step(chk, c >> 5, gen) }
            chk = step(chk, 0, gen)
            for c in hrpBytes { chk = step(chk, c & 31, gen) }
            for v in data5 { chk = step(chk, v & 31, gen) }
            for _ in 0..<6 { chk = step(chk, 0, gen) }
        }
        chk ^= variant.constant
        var out = hrpBytes
        out.reserveCapacity(hrpBytes.count + 1 + data5.count + 6)
        out.append(UInt8(ascii: "1"))
        for v in data5 { out.append(charset[Int(v & 31)]) }
        for i in 0..<6 { out.append(charset[Int((chk >> UInt32(5 * (5 - i))) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes Bech32 or Bech32m text: the lower-case prefix, the 5-bit data without the checksum, and
    /// which checksum matched. Upper-case text is accepted; mixed case is not.
    public static func decode(_ text: String) throws(Bech32Error) -> (hrp: String, data5: [UInt8], variant: Variant) {
        var text = text
        let result: Result<(hrp: String, data5: [UInt8], variant: Variant), Bech32Error> = text.withUTF8 { utf8 in
            switch check(utf8) {
            case .failure(let e): return .failure(e)
            case .success(let parsed):
                let hrp = String(decoding: utf8[0..<parsed.separator].map { lower($0) }, as: UTF8.self)
                let data5 = utf8[(parsed.separator + 1)..<(utf8.count - 6)].map { values[Int($0)] }
                return .success((hrp, data5, parsed.variant))
            }
        }
        return try result.get()
    }

    /// Regroups `data` from `from`-bit to `to`-bit values (8 → 5 to encode, 5 → 8 to decode).
    /// With `pad`, the last group is zero-filled; without, leftover bits must be fewer than `from` and zero.
    public static func convertBits(_ data: [UInt8], from: Int, to: Int, pad: Bool) throws(Bech32Error) -> [UInt8] {
        var acc: UInt32 = 0
        var bits = 0
        let maxValue: UInt32 = (1 << UInt32(to)) - 1
        var out = [UInt8]()
        out.reserveCapacity(data.count * from / to + 1)
        for v in data {
            guard UInt32(v) >> UInt32(from) == 0 else { throw .valueOutOfRange(v, bits: from) }
            acc = (acc << UInt32(from)) | UInt32(v)
            bits += from
            while bits >= to {
                bits -= to
                out.append(UInt8((acc >> UInt32(bits)) & maxValue))
            }
        }
        if pad {
            if bits > 0 { out.append(UInt8((acc << UInt32(to - bits)) & maxValue)) }
        } else if bits >= from || (acc << UInt32(to - bits)) & maxValue != 0 {
            throw .invalidPadding
        }
        return out
    }

    /// Where the separator is and which checksum matched.
    struct Checked {
        let separator: Int
        let variant: Variant
    }

    /// Validates Bech32/Bech32m UTF-8 text without allocating: length, characters, case, separator, checksum.
    static func check(_ utf8: UnsafeBufferPointer<UInt8>) -> Result<Checked, Bech32Error> {
        let n = utf8.count
        guard n <= 90 else { return .failure(.tooLong(n)) }
        var hasLower = false
        var hasUpper = false
        var separator = -1
        for i in 0..<n {
            let c = utf8[i]
            guard c >= 33 && c <= 126 else {
                return .failure(.invalidCharacter(UTF8Text.character(at: i, in: utf8),
                                                  position: UTF8Text.position(at: i, in: utf8)))
            }
            if c >= 0x61 && c <= 0x7A { hasLower = true } else if c >= 0x41 && c <= 0x5A { hasUpper = true }
            if c == 0x31 { separator = i }
        }
        guard !(hasLower && hasUpper) else { return .failure(.mixedCase) }
        guard separator >= 0 else { return .failure(.missingSeparator) }
        guard separator > 0 else { return .failure(.emptyPrefix) }
        guard n - separator - 1 >= 6 else { return .failure(.checksumTooShort(n - separator - 1)) }
        let table = values
        var failure: Bech32Error?
        let chk: UInt32 = generator.withUnsafeBufferPointer { gen in
            var chk: UInt32 = 1
            for i in 0..<separator { chk = step(chk, lower(utf8[i]) >> 5, gen) }
            chk = step(chk, 0, gen)
            for i in 0..<separator { chk = step(chk, utf8[i] & 31, gen) }
            for i in (separator + 1)..<n {
                let v = table[Int(utf8[i])]
                if v == 0xFF {
                    failure = .invalidCharacter(UTF8Text.character(at: i, in: utf8),
                                                position: UTF8Text.position(at: i, in: utf8))
                    return 0
                }
                chk = step(chk, v, gen)
            }
            return chk
        }
        if let failure { return .failure(failure) }
        switch chk {
        case Variant.bech32.constant: return .success(Checked(separator: separator, variant: .bech32))
        case Variant.bech32m.constant: return .success(Checked(separator: separator, variant: .bech32m))
        default: return .failure(.checksumMismatch)
        }
    }

    @inline(__always)
    static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
}
