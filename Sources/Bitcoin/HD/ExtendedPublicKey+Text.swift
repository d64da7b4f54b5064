/// Base58Check text of extended public keys, and the checks BIP-32 asks of a key on import.
extension ExtendedPublicKey {
    /// Parses xpub/tpub and SLIP-132 ypub/zpub/upub/vpub text.
    ///
    /// Refused: private extended keys (by name, before decoding), Ypub/Zpub/Upub/Vpub (script not
    /// implied), unknown versions, bad checksums, and every invalid-key case of BIP-32 test vector 5.
    public init(parsing text: String) throws(ExtendedKeyError) {
        if let v = ExtendedKeyVersion(textPrefix: text), v.isPrivate { throw .privateKey(kind: "\(v.prefix)… (private extended key)") }
        // 111 characters encode the 82 bytes; far longer text is refused before the (quadratic) decoding.
        let length = text.utf8.count
        guard length <= 120 else { throw .invalidEncoding("\(length) characters: too long for an extended key (111)") }
        let payload: [UInt8]
        do { payload = try Base58Check.decode(text) } catch { throw .invalidEncoding(error.description) }
        try self.init(serialized: payload)
    }

    /// Parses the 78-byte BIP-32 serialisation.
    public init(serialized b: [UInt8]) throws(ExtendedKeyError) {
        guard b.count == 78 else { throw .invalidLength(b.count) }
        let value = UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
        guard let version = ExtendedKeyVersion(value: value) else { throw .unknownVersion(value) }
        guard !version.isPrivate else { throw .privateKey(kind: "\(version.prefix)… (private extended key)") }
        switch version.script {
        case .p2shP2wshMultisig, .p2wshMultisig: throw .multisigVersion(version.prefix)
        case .p2pkh, .p2shP2wpkh, .p2wpkh: break
        }
        let depth = b[4]
        let parent = Array(b[5..<9])
        let child = UInt32(b[9]) << 24 | UInt32(b[10]) << 16 | UInt32(b[11]) << 8 | UInt32(b[12])
        let keyBytes = Array(b[45..<78])
        switch keyBytes[0] {
        case 0: throw .privateKeyDataWithPublicVersion
        case 2, 3: break
        default: throw .invalidPublicKeyPrefix(keyBytes[0])
        }
        if depth == 0 {
            guard parent == [0, 0, 0, 0] else { throw .zeroDepthWithParentFingerprint }
            guard child == 0 else { throw .zeroDepthWithChildNumber }
        }
        let key: PublicKey
        do { key = try PublicKey(sec: keyBytes) } catch { throw .invalidPublicKey(Hex.encode(keyBytes)) }
        self.init(version: version, depth: depth, parentFingerprint: parent, childNumber: child,
                  chainCode: Array(b[13..<45]), key: key)
    }

    /// Base58Check text under `version` (default: the key's own).
    public func encoded(as version: ExtendedKeyVersion? = nil) -> String {
        Base58Check.encode(serialized(as: version))
    }
}
