import Crypto

/// A Bitcoin address: what it pays to and the networks its text fits. Parsing checks the encoding only;
/// the network stays unchecked until the caller calls ``require(_:)``.
public struct Address: Hashable, Sendable, CustomStringConvertible {
    /// What the address pays to.
    public let payload: AddressPayload
    /// The networks the text fits: `tb1…` fits test and signet; `m…`, `n…`, `2…` also regtest.
    public let networks: NetworkSet

    /// An address for `payload`, fitting `networks` (every network unless told).
    public init(payload: AddressPayload, networks: NetworkSet = .all) {
        self.payload = payload
        self.networks = networks
    }

    /// The network the text reads as: main, test (which covers signet, and regtest for Base58), or regtest.
    public var network: Network {
        if networks.contains(.main) { return .main }
        if networks.contains(.test) { return .test }
        if networks.contains(.signet) { return .signet }
        return .regtest
    }

    /// The output script this address pays to.
    public var scriptPubKey: [UInt8] { payload.scriptPubKey }

    /// The output type.
    public var type: AddressType { payload.type }

    /// Whether the text fits `network`.
    public func fits(_ network: Network) -> Bool { networks.contains(network) }

    /// Throws ``AddressError/wrongNetwork(expected:got:)`` unless the text fits `network`.
    public func require(_ network: Network) throws(AddressError) {
        guard networks.contains(network) else { throw .wrongNetwork(expected: network, got: self.network) }
    }

    /// The address text on `network`: Base58Check for P2PKH and P2SH, Bech32 for witness v0, Bech32m for v1+.
    public func encoded(for network: Network) -> String {
        switch payload {
        case .p2pkh(let hash):
            return Base58Check.encode([network.p2pkhVersion] + hash)
        case .p2sh(let hash):
            return Base58Check.encode([network.p2shVersion] + hash)
        case .witness(let version, let program):
            return Bech32.encode(hrp: network.bech32HRP, data5: [UInt8(version)] + Address.regroup8to5(program),
                                 variant: version == 0 ? .bech32 : .bech32m)
        }
    }

    public var description: String { encoded(for: network) }

    /// Reads an address (Base58Check P2PKH/P2SH, or Bech32/Bech32m segwit) and checks its encoding,
    /// version and program length. Private keys and extended keys are recognised and refused.
    public static func parse(_ text: String) throws(AddressError) -> Address {
        var text = text
        let result: Result<Address, AddressError> = text.withUTF8 { utf8 in
            Result { () throws(AddressError) in try parse(utf8: utf8) }
        }
        return try result.get()
    }

    /// Reads an address and requires it to fit `network` (what booking to a ledger's network needs).
    public static func parse(_ text: String, network: Network) throws(AddressError) -> Address {
        let address = try parse(text)
        try address.require(network)
        return address
    }

    /// ``parse(_:)`` over UTF-8 bytes.
    public static func parse(utf8: UnsafeBufferPointer<UInt8>) throws(AddressError) -> Address {
        guard !utf8.isEmpty else { throw .empty }
        if let networks = segwitNetworks(utf8) {
            if let address = fastSegwit(utf8, networks: networks) { return address }
            return try parseSegwit(utf8, networks: networks)
        }
        return try parseBase58(utf8)
    }

    // MARK: Segwit

    /// The networks of a known segwit prefix (`bc1`, `tb1`, `bcrt1`, any case), nil for other text.
    static func segwitNetworks(_ utf8: UnsafeBufferPointer<UInt8>) -> NetworkSet? {
        func has(_ prefix: StaticString) -> Bool {
            let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            guard utf8.count >= p.count else { return false }
            for i in 0..<p.count where Bech32.lower(utf8[i]) != p[i] { return false }
            return true
        }
        if has("bc1") { return .main }
        if has("tb1") { return [.test, .signet] }
        if has("bcrt1") { return .regtest }
        return nil
    }

    /// The precise segwit reading: every rule checked in turn, so a failure names its cause.
    static func parseSegwit(_ utf8: UnsafeBufferPointer<UInt8>, networks: NetworkSet) throws(AddressError) -> Address {
        let checked: Bech32.Checked
        switch Bech32.check(utf8) {
        case .success(let c): checked = c
        case .failure(let e): throw .bech32(e)
        }
        let table = Bech32.values
        let start = checked.separator + 1
        let dataCount = utf8.count - 6 - start
        guard dataCount >= 1 else { throw .missingWitnessVersion }
        let version = Int(table[Int(utf8[start])])
        guard version <= 16 else { throw .invalidWitnessVersion(version) }
        let bits = (dataCount - 1) * 5
        let length = bits / 8
        guard bits % 8 <= 4 else { throw .bech32(.invalidPadding) }
        guard length >= 2 && length <= 40 && (version != 0 || length == 20 || length == 32) else {
            throw .invalidProgramLength(version: version, length: length)
        }
        guard checked.variant == (version == 0 ? .bech32 : .bech32m) else {
            throw .wrongChecksumVariant(version: version, variant: checked.variant)
        }
        var paddingOK = true
        let program = [UInt8](unsafeUninitializedCapacity: length) { out, count in
            var acc: UInt32 = 0
            var accBits = 0
            var n = 0
            for i in (start + 1)..<(start + dataCount) {
                acc = (acc << 5) | UInt32(table[Int(utf8[i])])
                accBits += 5
                if accBits >= 8 {
                    accBits -= 8
                    out[n] = UInt8(truncatingIfNeeded: acc >> UInt32(accBits))
                    n += 1
                }
            }
            paddingOK = acc & ((1 << UInt32(accBits)) - 1) == 0
            count = n
        }
        guard paddingOK else { throw .bech32(.invalidPadding) }
        return Address(payload: .witness(version: version, program: program), networks: networks)
    }

    /// 8-bit bytes regrouped into 5-bit values, the last zero-padded (cannot fail, unlike the general case).
    static func regroup8to5(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var acc: UInt32 = 0
        var bits = 0
        for b in bytes {
            acc = (acc << 8) | UInt32(b)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(UInt8((acc >> UInt32(bits)) & 31))
            }
        }
        if bits > 0 { out.append(UInt8((acc << UInt32(5 - bits)) & 31)) }
        return out
    }

    // MARK: Base58Check

    static func parseBase58(_ utf8: UnsafeBufferPointer<UInt8>) throws(AddressError) -> Address {
        // Extended keys are longer than the decode buffer below is sized for addresses; name them by prefix.
        if let refusal = KeyText.refusal(utf8) { throw refusal }
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
