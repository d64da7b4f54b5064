import Bitcoin

/// The Bitcoin module's parsers, each fed fuzzer bytes the way user input reaches it (text for addresses, keys,
/// descriptors and signatures in base64; raw bytes for DER, Schnorr and transactions).
enum ParserEntries {
    static func text(_ data: [UInt8]) -> String { String(decoding: data, as: UTF8.self) }

    static func address(_ data: [UInt8]) {
        let text = text(data)
        if let address = try? Address.parse(text) {
            // Re-encoding a parsed address must succeed and parse back on every network it fits.
            for network in [Network.main, .test, .signet, .regtest] where address.fits(network) {
                _ = try? Address.parse(address.encoded(for: network), network: network)
            }
        }
        _ = try? Address.parse(text, network: .regtest)
        data.withUnsafeBufferPointer { _ = try? Address.parse(utf8: $0) }
    }

    static func base58(_ data: [UInt8]) {
        let text = text(data)
        _ = try? Base58.decode(text)
        _ = try? Base58Check.decode(text)
    }

    static func bech32(_ data: [UInt8]) {
        _ = try? Bech32.decode(text(data))
    }

    /// DER alone, then a full check: the first byte picks the split into SEC key, digest and signature.
    static func der(_ data: [UInt8]) {
        _ = try? ECDSASignature(der: data)
        _ = try? ECDSASignature(compact: data)
        _ = try? PublicKey(sec: data)
        guard let first = data.first else { return }
        let rest = Array(data.dropFirst())
        let keyLength = [33, 65, Int(first) % 70][Int(first) % 3]
        guard rest.count >= keyLength else { return }
        let key = Array(rest.prefix(keyLength))
        let afterKey = rest.dropFirst(keyLength)
        let digest = Array(afterKey.prefix(32))
        let signature = Array(afterKey.dropFirst(32))
        _ = ECDSA.check(publicKey: key, digest: digest, derSignature: signature, allowHighS: first & 0x80 != 0)
    }

    /// Key, signature and message split by the first byte (32/64 most of the time, any length otherwise).
    static func schnorr(_ data: [UInt8]) {
        _ = try? XOnlyPublicKey(data)
        guard let first = data.first else { return }
        let rest = Array(data.dropFirst())
        let (keyLength, sigLength) = first < 200 ? (32, 64) : (Int(first) % 40, Int(first) % 70)
        let key = Array(rest.prefix(keyLength))
        let signature = Array(rest.dropFirst(keyLength).prefix(sigLength))
        let message = Array(rest.dropFirst(keyLength + sigLength))
        _ = Schnorr.check(publicKey: key, message: message, signature: signature)
    }

    /// A descriptor (with and without its checksum required), then the first scripts it derives.
    static func descriptor(_ data: [UInt8]) {
        let text = text(data)
        _ = try? Descriptor(parsing: text, requireChecksum: true)
        guard let descriptor = try? Descriptor(parsing: text) else { return }
        _ = descriptor.description
        guard let deriver = try? DescriptorDeriver(descriptor) else { return }
        for index: UInt32 in [0, 1, 0x7FFF_FFFF] { _ = try? deriver.scriptPubKey(at: index) }
    }

    /// An extended key as text, and the bytes as its 78-byte serialisation.
    static func xpub(_ data: [UInt8]) {
        if let key = try? ExtendedPublicKey(parsing: text(data)) { _ = key.encoded() }
        _ = try? ExtendedPublicKey(serialized: data)
    }

    /// Raw bytes, and the same bytes read as hex text; a parsed transaction is serialised and hashed.
    static func transaction(_ data: [UInt8]) {
        if let tx = try? Transaction(bytes: data) {
            _ = tx.serialized()
            _ = tx.txidHex
        }
        _ = try? Transaction(hex: text(data))
        _ = try? WitnessStack.decode(data)
    }

    static func base64(_ data: [UInt8]) {
        _ = Base64.decode(text(data))
    }

    /// `address`, `message` and `signature` as three lines, through the verifier `verify message` uses.
    static func message(_ data: [UInt8]) {
        let parts = text(data).split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return }
        for policy in [MessageHeaderPolicy.strict, .electrum] {
            _ = MessageVerifier.verify(address: parts[0], message: parts[1], signature: parts[2], policy: policy)
        }
    }
}
