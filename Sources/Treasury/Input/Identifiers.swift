import Bitcoin

/// Field rules for identifiers: pools, sites, purposes, transaction ids and output indexes.
public enum Identifiers {
    /// A pool id: `[a-z][a-z0-9-]*`, at most 64 characters (it names accounts, whose components start with a letter).
    public static func pool(_ text: String) throws(FieldError) -> String {
        try check(text, what: "pool id", allowUpper: false)
    }

    /// A site id: `[A-Za-z][A-Za-z0-9-]*`, at most 64 characters.
    public static func site(_ text: String) throws(FieldError) -> String {
        try check(text, what: "site id", allowUpper: true)
    }

    /// A disbursement purpose, same rule as a site id (it becomes an account name component).
    public static func purpose(_ text: String) throws(FieldError) -> String {
        try check(text, what: "purpose", allowUpper: true)
    }

    /// A free-form reference (invoice number, payment reference, approval): 1 to 128 characters, no control
    /// characters, no leading or trailing space.
    public static func reference(_ text: String) throws(FieldError) -> String {
        guard !text.isEmpty else { throw FieldError("reference is empty") }
        guard text.count <= 128 else { throw FieldError("reference is longer than 128 characters") }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw FieldError("reference contains a control character")
        }
        guard text.first != " ", text.last != " " else { throw FieldError("reference \(Echo.quoted(text)) has leading or trailing spaces") }
        return text
    }

    /// A transaction id: 64 hex digits, returned in lower case.
    public static func txid(_ text: String) throws(FieldError) -> String {
        var text = text
        let count = text.utf8.count
        guard count == 64 else { throw FieldError("txid must be 64 hex digits, got \(count) characters") }
        let (bad, upper) = text.withUTF8 { utf8 -> (UInt8?, Bool) in
            var upper = false
            for c in utf8 {
                guard isHex(c) else { return (c, upper) }
                if c >= 0x41 && c <= 0x46 { upper = true }
            }
            return (nil, upper)
        }
        if let bad { throw FieldError("txid has a non-hex character '\(Character(Unicode.Scalar(bad)))'") }
        return upper ? text.lowercased() : text
    }

    /// An output index: decimal digits, 0 … 4294967295.
    public static func vout(_ text: String) throws(FieldError) -> UInt32 {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw FieldError("vout must be an integer ≥ 0, got \(Echo.quoted(text))")
        }
        guard let v = UInt32(text) else { throw FieldError("vout \(Echo.value(text)) is out of range") }
        return v
    }

    /// The account-name component for an id: first letter upper-cased (Beancount requires it).
    public static func accountComponent(_ id: String) -> String {
        guard let first = id.first else { return id }
        return first.uppercased() + id.dropFirst()
    }

    static func isHex(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x61...0x66).contains(c) || (0x41...0x46).contains(c)
    }

    private static func check(_ text: String, what: String, allowUpper: Bool) throws(FieldError) -> String {
        guard !text.isEmpty else { throw FieldError("\(what) is empty") }
        guard text.utf8.count <= 64 else { throw FieldError("\(what) is longer than 64 characters") }
        var utf8 = text
        let matches = utf8.withUTF8 { bytes in
            bytes.indices.allSatisfy { i in
                let c = bytes[i]
                let letter = (0x61...0x7A).contains(c) || (allowUpper && (0x41...0x5A).contains(c))
                return letter || (i > 0 && ((0x30...0x39).contains(c) || c == UInt8(ascii: "-")))
            }
        }
        guard matches else {
            let rule = allowUpper ? "[A-Za-z][A-Za-z0-9-]*" : "[a-z][a-z0-9-]*"
            throw FieldError("\(what) \(Echo.quoted(text)) does not match \(rule)")
        }
        return text
    }
}
