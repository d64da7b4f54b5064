@testable import Bitcoin

/// Mainnet addresses and WIF import for test keys.
extension TestKey {
    /// A key from a WIF private key (mainnet or testnet; compression flag ignored: keys sign either way).
    init(wif: String) throws {
        let payload = try Base58Check.decode(wif)
        guard payload.count == 33 || payload.count == 34 else { throw TestKeyError.badWIF }
        self.init(secret: Array(payload[1..<33]))
    }

    /// Whether a WIF names a compressed key (a trailing 0x01 byte).
    static func wifIsCompressed(_ wif: String) -> Bool {
        ((try? Base58Check.decode(wif))?.count ?? 0) == 34
    }

    private static func encode(_ payload: AddressPayload) -> String {
        Address(payload: payload).encoded(for: .main)
    }

    var p2pkhAddress: String { Self.encode(.p2pkh(key: publicKey)) }
    var p2pkhUncompressedAddress: String { Self.encode(.p2pkh(Hashes.hash160(publicKey.uncompressed))) }
    var p2shP2wpkhAddress: String { Self.encode(try! .p2shP2wpkh(key: publicKey)) }
    var p2wpkhAddress: String { Self.encode(try! .p2wpkh(key: publicKey)) }
}

enum TestKeyError: Error { case badWIF }
