import Crypto
internal import CSecp256k1

/// The parent of a ranged key (`…/0/*`), prepared once so each child costs one HMAC-SHA512 and one tweak.
///
/// Same result as ``ExtendedPublicKey/childKey(_:)``, without re-parsing (a square root) the parent per child,
/// and with the HMAC's keyed inner and outer SHA-512 states (RFC 2104 pads of the chain code) computed once.
struct ChildKeyDeriver: Sendable {
    private let parent: secp256k1_pubkey
    private let parentBytes: [UInt8]
    private let innerState: SHA512
    private let outerState: SHA512

    init(_ xpub: ExtendedPublicKey) {
        parent = xpub.key.raw
        parentBytes = xpub.key.compressed
        let key = xpub.chainCode.count > 128 ? Array(SHA512.hash(data: xpub.chainCode)) : xpub.chainCode
        let block = key + [UInt8](repeating: 0, count: 128 - key.count)
        var inner = SHA512()
        inner.update(data: block.map { $0 ^ 0x36 })
        var outer = SHA512()
        outer.update(data: block.map { $0 ^ 0x5c })
        innerState = inner
        outerState = outer
    }

    /// HMAC-SHA512(chain code, data) from the prepared states.
    private func hmac(_ data: [UInt8]) -> [UInt8] {
        var inner = innerState
        inner.update(data: data)
        var outer = outerState
        outer.update(data: Array(inner.finalize()))
        return Array(outer.finalize())
    }

    /// The public key of non-hardened child `index`.
    func publicKey(_ index: UInt32) throws(ExtendedKeyError) -> PublicKey {
        guard index < 0x8000_0000 else { throw .hardenedDerivation("\(index & 0x7fff_ffff)h") }
        var data = parentBytes
        data.append(UInt8(index >> 24))
        data.append(UInt8(index >> 16 & 0xff))
        data.append(UInt8(index >> 8 & 0xff))
        data.append(UInt8(index & 0xff))
        let i = hmac(data)
        var child = parent
        let ok = i.withUnsafeBufferPointer { tweak in
            tweak.baseAddress.map { secp256k1_ec_pubkey_tweak_add(Secp256k1Context.shared, &child, $0) == 1 } ?? false
        }
        guard ok else { throw .invalidChild(index) }
        return PublicKey(raw: child, compressed: true)
    }
}
