/// A bare extended public key as shorthand for the descriptor its version implies.
extension Descriptor {
    /// xpub/tpub → `pkh(K/<0;1>/*)`, ypub/upub → `sh(wpkh(K/<0;1>/*))`, zpub/vpub → `wpkh(K/<0;1>/*)`:
    /// branch 0 is the receive chain `/0/*`, branch 1 the change chain `/1/*`.
    public init(extendedKey text: String) throws(DescriptorError) {
        let xpub: ExtendedPublicKey
        do { xpub = try ExtendedPublicKey(parsing: text) } catch {
            if case .privateKey = error { throw DescriptorError(.privateKey(error.description), at: 0) }
            throw DescriptorError(.invalidKey(error.description), at: 0)
        }
        let key = KeyExpression(origin: nil, key: .extended(
            xpub, steps: [.multipath([DerivationStep(index: 0), DerivationStep(index: 1)])], wildcard: true))
        let root: DescriptorNode
        switch xpub.version.script {
        case .p2pkh: root = .pkh(key)
        case .p2shP2wpkh: root = .sh(.wpkh(key))
        case .p2wpkh, .p2shP2wshMultisig, .p2wshMultisig: root = .wpkh(key)
        }
        self.init(root: root, branchCount: 2, networks: xpub.networks)
    }

    /// Parses either descriptor text or a bare extended key (text without `(` that starts with a key prefix).
    public init(descriptorOrKey text: String) throws(DescriptorError) {
        if !text.contains("("), ExtendedKeyVersion(textPrefix: text) != nil {
            try self.init(extendedKey: text)
        } else if !text.contains("("), DescriptorParser.looksLikeWIF(Substring(text)) {
            throw DescriptorError(.privateKey(ExtendedKeyError.privateKey(kind: "a WIF key").description), at: 0)
        } else {
            try self.init(parsing: text)
        }
    }
}
