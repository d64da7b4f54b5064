internal import CSecp256k1

/// The parent of a ranged key (`…/0/*`), parsed once so each child costs one HMAC-SHA512 and one tweak.
///
/// Same result as ``ExtendedPublicKey/childKey(_:)``, without re-parsing (a square root) the parent per child.
struct ChildKeyDeriver: Sendable {
    private let parent: secp256k1_pubkey
    private let parentBytes: [UInt8]
    private let chainCode: [UInt8]

    init(_ xpub: ExtendedPublicKey) {
        parent = xpub.key.raw
        parentBytes = xpub.key.compressed
        chainCode = xpub.chainCode
    }

    /// The public key of non-hardened child `index`.
    func publicKey(_ index: UInt32) throws(ExtendedKeyError) -> PublicKey {
        guard index < 0x8000_0000 else { throw .hardenedDerivation("\(index & 0x7fff_ffff)h") }
        var data = parentBytes
        data.append(UInt8(index >> 24))
        data.append(UInt8(index >> 16 & 0xff))
        data.append(UInt8(index >> 8 & 0xff))
        data.append(UInt8(index & 0xff))
        let i = Hashes.hmacSHA512(key: chainCode, data: data)
        var child = parent
        let ok = i.withUnsafeBufferPointer { tweak in
            tweak.baseAddress.map { secp256k1_ec_pubkey_tweak_add(Secp256k1Context.shared, &child, $0) == 1 } ?? false
        }
        guard ok else { throw .invalidChild(index) }
        return PublicKey(raw: child, compressed: true)
    }
}
