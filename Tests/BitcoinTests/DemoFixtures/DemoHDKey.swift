import CSecp256k1
@testable import Bitcoin

/// TEST-ONLY: a throwaway BIP-32 private key for the demo fixtures (the product never holds one).
/// Only non-hardened children, enough to sign for addresses derived from the matching xpub.
struct DemoHDKey {
    let secret: [UInt8]
    let chainCode: [UInt8]

    /// A key and chain code from a label (SHA-256 of it), standing for an account key at m/84'/0'/0'.
    init(label: String) {
        secret = Hashes.sha256(Array("reserve-demo-key-\(label)".utf8))
        chainCode = Hashes.sha256(Array("reserve-demo-chain-\(label)".utf8))
    }

    private init(secret: [UInt8], chainCode: [UInt8]) {
        self.secret = secret
        self.chainCode = chainCode
    }

    var key: TestKey { TestKey(secret: secret) }

    /// CKDpriv for a non-hardened index: secret + IL (mod n), chain code IR.
    func child(_ index: UInt32) -> DemoHDKey {
        let data = key.publicKey.compressed + withUnsafeBytes(of: index.bigEndian) { Array($0) }
        let i = Hashes.hmacSHA512(key: chainCode, data: data)
        var s = secret
        precondition(secp256k1_ec_seckey_tweak_add(TestKey.context, &s, Array(i[0..<32])) == 1, "invalid child (test key)")
        return DemoHDKey(secret: s, chainCode: Array(i[32..<64]))
    }

    /// The account-level xpub (depth 3, hardened child 0), as a watch-only wallet would be given it.
    var xpub: ExtendedPublicKey {
        ExtendedPublicKey(version: ExtendedKeyVersion(value: 0x0488_B21E)!, depth: 3, parentFingerprint: [0x52, 0x4c, 0x44, 0x47], childNumber: 0x8000_0000,
                          chainCode: chainCode, key: key.publicKey)
    }
}
