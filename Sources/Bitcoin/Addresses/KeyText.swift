/// Recognises key material pasted where an address belongs, by its shape, so it is refused by name
/// even when mistyped: the tool is watch-only.
enum KeyText {
    /// Four-character prefixes of BIP-32 (and SLIP-132) extended private keys.
    static let privatePrefixes: Set<String> = ["xprv", "tprv", "yprv", "zprv", "uprv", "vprv", "Yprv", "Zprv", "Uprv", "Vprv"]
    /// Four-character prefixes of extended public keys.
    static let publicPrefixes: Set<String> = ["xpub", "tpub", "ypub", "zpub", "upub", "vpub", "Ypub", "Zpub", "Upub", "Vpub"]

    /// The refusal for key-shaped text (extended keys are 111 characters, WIF 51 or 52), nil otherwise.
    static func refusal(_ utf8: UnsafeBufferPointer<UInt8>) -> AddressError? {
        let n = utf8.count
        guard n >= 51 else { return nil }
        for c in utf8 where Base58.digits[Int(c)] == 0xFF { return nil }
        if n == 111 {
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: utf8[0..<4]), as: UTF8.self)
            if privatePrefixes.contains(prefix) { return .privateKey(.extended(prefix)) }
            if publicPrefixes.contains(prefix) { return .extendedPublicKey(prefix) }
        }
        let first = utf8[0]
        if n == 51 && (first == UInt8(ascii: "5") || first == UInt8(ascii: "9")) { return .privateKey(.wif) }
        if n == 52 && (first == UInt8(ascii: "K") || first == UInt8(ascii: "L") || first == UInt8(ascii: "c")) {
            return .privateKey(.wif)
        }
        return nil
    }
}
