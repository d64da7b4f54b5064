/// Positions and characters in UTF-8 text, for error messages that point at the bad character.
enum UTF8Text {
    /// The character (one Unicode scalar) that starts at byte offset `i`.
    static func character(at i: Int, in utf8: UnsafeBufferPointer<UInt8>) -> String {
        var end = i + 1
        while end < utf8.count && utf8[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: utf8[i..<end]), as: UTF8.self)
    }

    /// The 1-based character position of the scalar that starts at byte offset `i`.
    static func position(at i: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var p = 1
        for k in 0..<i where utf8[k] & 0xC0 != 0x80 { p += 1 }
        return p
    }
}
