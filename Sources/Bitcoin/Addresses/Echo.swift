/// How an input value is shown back in a message or an output: never a private key, never megabytes.
///
/// Every place that echoes what the user gave (import field errors, `address inspect`, descriptor errors,
/// `verify message`) goes through ``value(_:)`` or ``quoted(_:)``; the CLI also passes every error line through
/// ``redactingKeys(_:)`` as a last guard.
public enum Echo {
    /// Characters of a value shown before it is cut: about 100, enough for any address or extended public key (111).
    public static let limit = 120

    /// `text` with every private key in it redacted, cut to ``limit`` characters with its length when longer:
    /// `aaaa… (10485760 characters)`.
    public static func value(_ text: String) -> String {
        let shown = redactingKeys(text)
        guard shown.count > limit else { return shown }
        return String(shown.prefix(limit)) + "… (\(text.count) characters)"
    }

    /// `text` in double quotes, redacted; a long value's quotes close after the cut: `"aaaa…" (10485760 characters)`.
    public static func quoted(_ text: String) -> String {
        let shown = redactingKeys(text)
        guard shown.count > limit else { return "\"\(shown)\"" }
        return "\"\(shown.prefix(limit))…\" (\(text.count) characters)"
    }

    /// `text` with each run of Base58 characters that is shaped like a private key replaced by its first four
    /// characters and its kind: `xprv… (extended private key, redacted)`, `L1aW… (WIF private key, redacted)`.
    /// Extended keys are recognised by their private prefix (xprv, tprv, yprv, zprv and the SLIP-132 ones) on a run
    /// of 20 characters or more (also mistyped or cut ones); WIF keys by length (51, 52) and first character, as
    /// ``Address/parse(_:)`` refuses them.
    public static func redactingKeys(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            while i < utf8.count {
                guard Base58.digits[Int(utf8[i])] != 0xFF else { i += 1; continue }
                var end = i
                while end < utf8.count && Base58.digits[Int(utf8[end])] != 0xFF { end += 1 }
                if let kind = keyKind(UnsafeBufferPointer(rebasing: utf8[i..<end])) {
                    if out.isEmpty { out.reserveCapacity(utf8.count) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<(i + 4)]))
                    out.append(contentsOf: "… (\(kind), redacted)".utf8)
                    copied = end
                }
                i = end
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// The kind of private key a whole run of Base58 characters looks like, nil when none.
    static func keyKind(_ run: UnsafeBufferPointer<UInt8>) -> String? {
        let n = run.count
        if n >= 20 {
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: run[0..<4]), as: UTF8.self)
            if KeyText.privatePrefixes.contains(prefix) { return "extended private key" }
        }
        let first = run.first
        if n == 51 && (first == UInt8(ascii: "5") || first == UInt8(ascii: "9")) { return "WIF private key" }
        if n == 52 && (first == UInt8(ascii: "K") || first == UInt8(ascii: "L") || first == UInt8(ascii: "c")) {
            return "WIF private key"
        }
        return nil
    }
}
