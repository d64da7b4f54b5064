/// A bare extended public key as shorthand for the descriptor its version implies.
extension Descriptor {
    /// xpub/tpub → `pkh(KEY/<0;1>/*)`, ypub/upub → `sh(wpkh(KEY/<0;1>/*))`, zpub/vpub → `wpkh(KEY/<0;1>/*)`:
    /// branch 0 is the receive chain `/0/*`, branch 1 the change chain `/1/*`. A key written with an origin
    /// (`[d34db33f/84h/0h/0h]zpub…`) or its own steps (`zpub…/0/*`) keeps them instead of `/<0;1>/*`.
    public init(extendedKey text: String) throws(DescriptorError) {
        let keyStart = text.first == "[" ? text.firstIndex(of: "]").map { text.index(after: $0) } ?? text.startIndex : text.startIndex
        let keyText = text[keyStart...].prefix { $0 != "/" }
        let offset = text.distance(from: text.startIndex, to: keyStart)
        let xpub: ExtendedPublicKey
        do { xpub = try ExtendedPublicKey(parsing: String(keyText)) } catch {
            if case .privateKey = error { throw DescriptorError(.privateKey(error.description), at: offset) }
            throw DescriptorError(.invalidKey(error.description), at: offset)
        }
        let key = keyText.endIndex == text.endIndex ? text + "/<0;1>/*" : text
        let (open, close): (String, String)
        switch xpub.version.script {
        case .p2pkh: (open, close) = ("pkh(", ")")
        case .p2shP2wpkh: (open, close) = ("sh(wpkh(", "))")
        case .p2wpkh, .p2shP2wshMultisig, .p2wshMultisig: (open, close) = ("wpkh(", ")")
        }
        do { try self.init(parsing: open + key + close) } catch {
            throw DescriptorError(error.reason, at: max(0, error.position - open.count))
        }
    }

    /// Parses descriptor text, or a bare extended key (text without `(` whose key starts with a known prefix).
    public init(descriptorOrKey text: String) throws(DescriptorError) {
        let key = text.first == "[" ? text.drop { $0 != "]" }.dropFirst() : Substring(text)
        if !text.contains("("), !text.contains("#"), ExtendedKeyVersion(textPrefix: key) != nil {
            try self.init(extendedKey: text)
        } else {
            try self.init(parsing: text)
        }
    }
}
