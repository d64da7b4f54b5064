import Crypto

/// Base58Check addresses (P2PKH, P2SH), and the key material that is refused by name.
extension Address {
    /// Decodes into a stack buffer, checks the 4-byte checksum with one SHA-256d, then the version byte.
    static func parseBase58(_ utf8: UnsafeBufferPointer<UInt8>) throws(AddressError) -> Address {
        // Extended keys are longer than the decode buffer below is sized for addresses; name them by prefix.
        if let refusal = KeyText.refusal(utf8) { throw refusal }
        if utf8.count > Address.maxBase58Characters {
            // A bad character early on is named as before (decoding stops there); else the length is the fault.
            let firstBad = utf8.firstIndex { Base58.digits[Int($0)] == 0xFF }
            guard let firstBad, firstBad < Address.maxBase58Characters else { throw .tooLong(characters: utf8.count) }
        }
        let capacity = utf8.count
        let outcome: Result<Address, AddressError> = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let n: Int
            switch Base58.decode(utf8: utf8, into: buffer) {
            case .success(let count): n = count
            case .failure(let e): return .failure(unknownPrefixOr(.base58(e), utf8))
            }
            guard n >= 4 else { return .failure(.base58(.tooShort(bytes: n))) }
            let payload = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[0..<(n - 4)]))
            var hasher = SHA256()
            hasher.update(bufferPointer: payload)
            let first = hasher.finalize()
            hasher = SHA256()
            first.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            let second = hasher.finalize()
            let matches = second.withUnsafeBytes { digest in
                digest[0] == buffer[n - 4] && digest[1] == buffer[n - 3] && digest[2] == buffer[n - 2] && digest[3] == buffer[n - 1]
            }
            guard matches else { return .failure(.base58(.checksumMismatch)) }
            return classify(payload: UnsafeBufferPointer(rebasing: buffer[0..<(n - 4)]), text: utf8)
        }
        return try outcome.get()
    }

    /// Base58 text longer than this is refused unread: addresses have at most 35 characters, the keys named by
    /// `KeyText` 111.
    static let maxBase58Characters = 120

    /// The address a checksum-valid Base58Check payload stands for, or why it is none.
    static func classify(payload: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>) -> Result<Address, AddressError> {
        guard let version = payload.first else { return .failure(.invalidPayloadLength(0)) }
        if payload.count == 21 {
            let hash = Array(payload[1...])
            switch version {
            case Network.main.p2pkhVersion: return .success(Address(payload: .p2pkh(hash), networks: .main))
            case Network.main.p2shVersion: return .success(Address(payload: .p2sh(hash), networks: .main))
            case Network.test.p2pkhVersion: return .success(Address(payload: .p2pkh(hash), networks: [.test, .signet, .regtest]))
            case Network.test.p2shVersion: return .success(Address(payload: .p2sh(hash), networks: [.test, .signet, .regtest]))
            default: return .failure(.unknownVersion(version))
            }
        }
        if (payload.count == 33 || (payload.count == 34 && payload[33] == 0x01)) && (version == 0x80 || version == 0xEF) {
            return .failure(.privateKey(.wif))
        }
        return .failure(.invalidPayloadLength(payload.count))
    }

    /// A bad Base58 character in text that is well-formed Bech32 means an unknown segwit prefix (`ltc1…`).
    static func unknownPrefixOr(_ error: AddressError, _ utf8: UnsafeBufferPointer<UInt8>) -> AddressError {
        guard case .base58(.invalidCharacter) = error, case .success(let checked) = Bech32.check(utf8) else { return error }
        let hrp = String(decoding: utf8[0..<checked.separator].map(Bech32.lower), as: UTF8.self)
        return .unknownPrefix(hrp)
    }
}
