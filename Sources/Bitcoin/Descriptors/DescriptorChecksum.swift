/// The BIP-380 descriptor checksum: 8 characters over a BCH code of the descriptor's text.
public enum DescriptorChecksum {
    /// The characters a descriptor may contain, in the order that gives each its checksum value.
    static let inputCharset = Array(
        "0123456789()[],'/*abcdefgh@:$%{}IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~ijklmnopqrstuvwxyzABCDEFGH`#\"\\ ".utf8)
    static let checksumCharset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    /// Each byte's position in `inputCharset` (-1 when not allowed).
    private static let positions: [Int16] = {
        var table = [Int16](repeating: -1, count: 256)
        for (i, c) in inputCharset.enumerated() { table[Int(c)] = Int16(i) }
        return table
    }()

    /// Offset of the first character a descriptor may not contain, if any.
    static func firstInvalidCharacter(_ text: some StringProtocol) -> Int? {
        for (offset, c) in text.unicodeScalars.enumerated() {
            guard c.isASCII, positions[Int(c.value)] >= 0 else { return offset }
        }
        return nil
    }

    /// The checksum of `body` (the descriptor without `#…`), or nil when it has a character outside the charset.
    public static func compute(_ body: some StringProtocol) -> String? {
        var c: UInt64 = 1
        var cls = 0
        var clsCount = 0
        for byte in body.utf8 {
            let pos = positions[Int(byte)]
            guard pos >= 0 else { return nil }
            c = polymod(c, UInt64(pos & 31))
            cls = cls * 3 + Int(pos >> 5)
            clsCount += 1
            if clsCount == 3 {
                c = polymod(c, UInt64(cls))
                cls = 0
                clsCount = 0
            }
        }
        if clsCount > 0 { c = polymod(c, UInt64(cls)) }
        for _ in 0..<8 { c = polymod(c, 0) }
        c ^= 1
        var out: [UInt8] = []
        for i in 0..<8 { out.append(checksumCharset[Int((c >> (5 * (7 - UInt64(i)))) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func polymod(_ c: UInt64, _ value: UInt64) -> UInt64 {
        let c0 = c >> 35
        var r = ((c & 0x7_ffff_ffff) << 5) ^ value
        if c0 & 1 != 0 { r ^= 0xf5_dee5_1989 }
        if c0 & 2 != 0 { r ^= 0xa9_fdca_3312 }
        if c0 & 4 != 0 { r ^= 0x1b_ab10_e32d }
        if c0 & 8 != 0 { r ^= 0x37_06b1_677a }
        if c0 & 16 != 0 { r ^= 0x64_4d62_6ffd }
        return r
    }
}
