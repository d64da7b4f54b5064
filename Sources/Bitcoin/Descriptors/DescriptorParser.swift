/// Recursive-descent parser for descriptor text (checksum already removed), tracking positions for errors.
struct DescriptorParser {
    /// Where a script expression sits, which decides the functions and keys it may use.
    enum Context {
        case top, sh, wsh, tapLeaf

        var name: String {
            switch self {
            case .top: return "at top level"
            case .sh: return "inside sh()"
            case .wsh: return "inside wsh()"
            case .tapLeaf: return "inside a tr() script tree"
            }
        }
    }

    /// Which key forms a position accepts.
    enum KeyContext {
        /// pk, pkh, multi outside segwit: compressed or uncompressed SEC keys.
        case legacy
        /// Under wpkh or wsh: compressed keys only.
        case segwit
        /// Inside tr(): x-only (64 hex) or compressed keys, used by their x coordinate.
        case xOnly
    }

    let text: [UInt8]
    var pos = 0
    /// The networks every extended key and address seen so far fits.
    var networks = NetworkSet.all
    var branchCount = 1

    init(_ body: String) {
        self.text = Array(body.utf8)
    }

    /// Known descriptor functions this tool refuses, with the reason.
    static let unsupportedFunctions: [String: String] = [
        "combo": "combo() stands for several scripts at once; give the one descriptor the wallet uses",
        "multi_a": "tapscript multisig leaves are not derived by this tool",
        "sortedmulti_a": "tapscript multisig leaves are not derived by this tool",
        "rawtr": "rawtr() is not derived by this tool; use tr()",
        "musig": "MuSig2 aggregate keys are not supported",
        "rawleaf": "raw tapscript leaves are not supported",
    ]

    static let miniscriptFragments: Set<String> = [
        "pk_k", "pk_h", "older", "after", "sha256", "hash256", "ripemd160", "hash160", "andor", "and_v", "and_b",
        "and_n", "or_b", "or_c", "or_d", "or_i", "thresh", "multi_a", "a", "s", "c", "d", "v", "j", "n", "l", "u", "t",
    ]

    mutating func parseTop() throws(DescriptorError) -> DescriptorNode {
        try refusePrivateKeys()
        let node = try parseScript(.top)
        guard pos == text.count else {
            throw DescriptorError(.trailingCharacters(String(decoding: text[pos...], as: UTF8.self)), at: pos)
        }
        return node
    }

    /// Refuses any private key (WIF or extended) anywhere in the text, before anything else is judged:
    /// whatever else is wrong with such a descriptor, the first thing to say is that this tool is watch-only.
    func refusePrivateKeys() throws(DescriptorError) {
        var start = 0
        for i in 0...text.count where i == text.count || "(),{}[]/".utf8.contains(text[i]) {
            let token = Substring(String(decoding: text[start..<i], as: UTF8.self))
            if Self.looksLikeWIF(token) {
                throw DescriptorError(.privateKey(ExtendedKeyError.privateKey(kind: "a WIF key").description), at: start)
            }
            if token.count > 100, let v = ExtendedKeyVersion(textPrefix: token), v.isPrivate {
                throw DescriptorError(.privateKey(ExtendedKeyError.privateKey(kind: "\(v.prefix)… (private extended key)").description), at: start)
            }
            start = i + 1
        }
    }

    // MARK: script expressions

    mutating func parseScript(_ ctx: Context) throws(DescriptorError) -> DescriptorNode {
        let start = pos
        let name = readName()
        guard !name.isEmpty, peek == UInt8(ascii: "(") else {
            throw DescriptorError(.expected("a script expression such as wpkh(…)", found: snippet(from: start)), at: start)
        }
        pos += 1
        func refuse(_ why: String) -> DescriptorError { DescriptorError(.notAllowedHere(name, context: why), at: start) }
        let node: DescriptorNode
        switch name {
        case "pk":
            node = ctx == .tapLeaf ? .pk(try parseKey(.xOnly)) : .pk(try parseKey(ctx == .wsh ? .segwit : .legacy))
        case "pkh":
            guard ctx != .tapLeaf else {
                throw DescriptorError(.unsupported("pkh() in a tr() script tree", why: "only pk() leaves are derived"), at: start)
            }
            node = .pkh(try parseKey(ctx == .wsh ? .segwit : .legacy))
        case "wpkh":
            guard ctx == .top || ctx == .sh else { throw refuse(ctx.name + " (only at top level or inside sh())") }
            node = .wpkh(try parseKey(.segwit))
        case "sh":
            guard ctx == .top else { throw refuse(ctx.name + " (sh() is top level only)") }
            node = .sh(try parseScript(.sh))
        case "wsh":
            guard ctx == .top || ctx == .sh else { throw refuse(ctx.name + " (only at top level or inside sh())") }
            node = .wsh(try parseScript(.wsh))
        case "multi", "sortedmulti":
            guard ctx != .tapLeaf else { throw refuse(ctx.name + " (tapscript uses multi_a)") }
            node = try parseMulti(sorted: name == "sortedmulti", ctx: ctx, start: start)
        case "tr":
            guard ctx == .top else { throw refuse(ctx.name + " (tr() is top level only)") }
            let key = try parseKey(.xOnly)
            var tree: TapTree?
            if peek == UInt8(ascii: ",") {
                pos += 1
                tree = try parseTree(depth: 0)
            }
            node = .tr(key, tree)
        case "addr":
            guard ctx == .top else { throw refuse(ctx.name + " (addr() is top level only)") }
            node = try parseAddress()
        case "raw":
            guard ctx == .top else { throw refuse(ctx.name + " (raw() is top level only)") }
            let hexStart = pos
            let hex = readUntilClose()
            guard !hex.isEmpty, let bytes = Hex.decode(hex) else {
                throw DescriptorError(.invalidHex("raw() needs a non-empty even-length hex script, found '\(hex)'"), at: hexStart)
            }
            node = .raw(bytes)
        default:
            if let why = Self.unsupportedFunctions[name] {
                throw DescriptorError(.unsupported("\(name)()", why: why), at: start)
            }
            if Self.miniscriptFragments.contains(name) || name.contains(":") {
                throw DescriptorError(.unsupported("\(name)()", why: "miniscript is not derived by this tool"), at: start)
            }
            throw DescriptorError(.unknownFunction(name), at: start)
        }
        try expect(")")
        return node
    }

    private mutating func parseMulti(sorted: Bool, ctx: Context, start: Int) throws(DescriptorError) -> DescriptorNode {
        let name = sorted ? "sortedmulti" : "multi"
        let tStart = pos
        var digits = ""
        while let c = peek, c != UInt8(ascii: ","), c != UInt8(ascii: ")") {
            digits.append(Character(Unicode.Scalar(c)))
            pos += 1
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.count <= 4,
              let threshold = Int(digits) else {
            throw DescriptorError(.invalidThreshold("'\(digits)' is not a number"), at: tStart)
        }
        let keyContext: KeyContext = ctx == .wsh ? .segwit : .legacy
        var keys: [KeyExpression] = []
        while peek == UInt8(ascii: ",") {
            pos += 1
            keys.append(try parseKey(keyContext))
        }
        guard !keys.isEmpty else { throw DescriptorError(.expected("',' and at least one key", found: snippet(from: pos)), at: pos) }
        guard threshold >= 1, threshold <= keys.count else {
            throw DescriptorError(.invalidThreshold("\(threshold) of \(keys.count) keys (must be 1 to \(keys.count))"), at: tStart)
        }
        guard keys.count <= 20 else {
            throw DescriptorError(.tooManyKeys("\(name)() takes at most 20 keys, found \(keys.count)"), at: start)
        }
        if ctx == .top, keys.count > 3 {
            throw DescriptorError(.tooManyKeys("bare \(name)() takes at most 3 keys, found \(keys.count)"), at: start)
        }
        if ctx == .sh {
            let size = 3 + keys.reduce(0) { size, k in
                if case .single(let pk) = k.key, !pk.isCompressed { return size + 66 }
                return size + 34
            }
            guard size <= 520 else {
                throw DescriptorError(.tooManyKeys("P2SH redeem script of \(size) bytes exceeds 520 (at most 15 compressed keys)"), at: start)
            }
        }
        return .multi(threshold: threshold, keys: keys, sorted: sorted)
    }

    private mutating func parseTree(depth: Int) throws(DescriptorError) -> TapTree {
        guard depth <= 128 else { throw DescriptorError(.tooManyKeys("script tree deeper than 128"), at: pos) }
        if peek == UInt8(ascii: "{") {
            pos += 1
            let left = try parseTree(depth: depth + 1)
            try expect(",")
            let right = try parseTree(depth: depth + 1)
            try expect("}")
            return .branch(left, right)
        }
        let node = try parseScript(.tapLeaf)
        guard case .pk(let key) = node else {
            throw DescriptorError(.unsupported("tr() leaf \(node)", why: "only pk() leaves are derived"), at: pos)
        }
        return .leaf(key)
    }

    // MARK: helpers

    /// Restricts the descriptor to `allowed` networks; an empty result is a mixed-networks error.
    mutating func narrow(to allowed: NetworkSet, what: String, at offset: Int) throws(DescriptorError) {
        let remaining = networks.intersection(allowed)
        guard !remaining.isEmpty else {
            throw DescriptorError(.mixedNetworks("\(what) is for \(allowed), earlier keys for \(networks)"), at: offset)
        }
        networks = remaining
    }

    var peek: UInt8? { pos < text.count ? text[pos] : nil }

    mutating func expect(_ c: Character) throws(DescriptorError) {
        guard let p = peek, p == c.asciiValue else {
            throw DescriptorError(.expected("'\(c)'", found: snippet(from: pos)), at: pos)
        }
        pos += 1
    }

    /// Function names: lower-case letters, digits, `_` and miniscript's `:` wrappers.
    private mutating func readName() -> String {
        let start = pos
        while let c = peek, (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "_")
            || c == UInt8(ascii: ":") || (c >= 0x41 && c <= 0x5a) {
            pos += 1
        }
        return String(decoding: text[start..<pos], as: UTF8.self)
    }

    /// Everything up to (not including) the next `)`.
    mutating func readUntilClose() -> String {
        let start = pos
        while let c = peek, c != UInt8(ascii: ")") { pos += 1 }
        return String(decoding: text[start..<pos], as: UTF8.self)
    }

    /// A short quote of the input at `offset`, for "found …" in errors.
    func snippet(from offset: Int) -> String {
        guard offset < text.count else { return "end of descriptor" }
        let end = min(text.count, offset + 12)
        return "'" + String(decoding: text[offset..<end], as: UTF8.self) + (end < text.count ? "…'" : "'")
    }
}
