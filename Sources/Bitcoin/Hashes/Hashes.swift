import Crypto

/// The hash functions Bitcoin uses, over byte arrays. SHA-2 and HMAC come from swift-crypto;
/// RIPEMD-160 is ours (``RIPEMD160``).
public enum Hashes {
    /// SHA-256 of `data`.
    public static func sha256(_ data: some Sequence<UInt8>) -> [UInt8] {
        var h = SHA256()
        h.update(data: Array(data))
        return Array(h.finalize())
    }

    /// SHA-256 applied twice (block and transaction ids, Base58Check checksums, message hashes).
    public static func sha256d(_ data: some Sequence<UInt8>) -> [UInt8] {
        sha256(sha256(data))
    }

    /// SHA-512 of `data`.
    public static func sha512(_ data: some Sequence<UInt8>) -> [UInt8] {
        Array(SHA512.hash(data: Array(data)))
    }

    /// HMAC-SHA512 (BIP-32 child key derivation).
    public static func hmacSHA512(key: [UInt8], data: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA512>.authenticationCode(for: data, using: SymmetricKey(data: key)))
    }

    /// RIPEMD-160 of `data`.
    public static func ripemd160(_ data: some Sequence<UInt8>) -> [UInt8] {
        RIPEMD160.hash(Array(data))
    }

    /// RIPEMD-160 of SHA-256: public-key and script hashes in P2PKH, P2SH and P2WPKH.
    public static func hash160(_ data: some Sequence<UInt8>) -> [UInt8] {
        RIPEMD160.hash(sha256(data))
    }

    /// BIP-340 tagged hash: SHA-256(SHA-256(tag) ‖ SHA-256(tag) ‖ data).
    public static func tagged(_ tag: String, _ data: some Sequence<UInt8>) -> [UInt8] {
        let tagHash = sha256(Array(tag.utf8))
        var h = SHA256()
        h.update(data: tagHash)
        h.update(data: tagHash)
        h.update(data: Array(data))
        return Array(h.finalize())
    }
}
