/// BIP-32 public child derivation (CKDpub).
extension ExtendedPublicKey {
    /// The non-hardened child `index` as a full extended key.
    public func child(_ index: UInt32) throws(ExtendedKeyError) -> ExtendedPublicKey {
        guard depth < 255 else { throw .depthOverflow }
        let (childKey, childChain) = try derive(index)
        return ExtendedPublicKey(version: version, depth: depth + 1, parentFingerprint: fingerprint,
                                 childNumber: index, chainCode: childChain, key: childKey)
    }

    /// Follows `path` step by step; any hardened step is an error that says why.
    public func derive(path: DerivationPath) throws(ExtendedKeyError) -> ExtendedPublicKey {
        var key = self
        for step in path.steps {
            guard !step.isHardened else { throw .hardenedDerivation(step.description) }
            key = try key.child(step.index)
        }
        return key
    }

    /// Only the public key of child `index` (the per-address hot path: one HMAC-SHA512 and one tweak).
    public func childKey(_ index: UInt32) throws(ExtendedKeyError) -> PublicKey {
        try derive(index).key
    }

    private func derive(_ index: UInt32) throws(ExtendedKeyError) -> (key: PublicKey, chainCode: [UInt8]) {
        guard index < 0x8000_0000 else { throw .hardenedDerivation("\(index & 0x7fff_ffff)h") }
        var data = key.compressed
        data.append(UInt8(index >> 24))
        data.append(UInt8(index >> 16 & 0xff))
        data.append(UInt8(index >> 8 & 0xff))
        data.append(UInt8(index & 0xff))
        let i = Hashes.hmacSHA512(key: chainCode, data: data)
        do {
            let child = try key.tweakAdd(Array(i[0..<32]))
            return (child, Array(i[32..<64]))
        } catch {
            throw .invalidChild(index)
        }
    }
}
