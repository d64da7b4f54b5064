import Testing
@testable import Bitcoin

/// BIP-173/BIP-350 segwit address vectors (Vectors/bech32_vectors.json).
@Suite struct AddressVectorTests {
    static let vectors = Bech32Vectors.loaded

    @Test func vectorCounts() {
        #expect(Self.vectors?.valid_addresses.count == 8)
        #expect(Self.vectors?.invalid_addresses.count == 25)
        #expect(Self.vectors?.bip173_valid_addresses_superseded_by_bip350.count == 3)
        #expect(Self.vectors?.bip173_examples.addresses.count == 4)
    }

    @Test(arguments: vectors?.valid_addresses ?? []) func validAddress(vector: Bech32Vectors.ValidAddress) throws {
        let address = try Address.parse(vector.address)
        #expect(Hex.encode(address.scriptPubKey) == vector.scriptPubKey)
        #expect(address.encoded(for: address.network) == vector.address.lowercased())
        #expect(AddressPayload(scriptPubKey: address.scriptPubKey) == address.payload)
        let expected: Network = vector.address.lowercased().hasPrefix("bc1") ? .main : .test
        #expect(address.network == expected)
    }

    @Test(arguments: vectors?.invalid_addresses ?? []) func invalidAddress(vector: Bech32Vectors.InvalidAddress) {
        #expect(throws: AddressError.self, "\(vector.reason)") { try Address.parse(vector.address) }
    }

    @Test(arguments: vectors?.bip173_valid_addresses_superseded_by_bip350 ?? [])
    func supersededBIP173(vector: Bech32Vectors.ValidAddress) {
        do {
            let address = try Address.parse(vector.address)
            Issue.record("accepted \(address)")
        } catch {
            guard case .wrongChecksumVariant(let version, .bech32) = error else {
                Issue.record("expected a checksum-variant error, got \(error)")
                return
            }
            #expect(version >= 1)
        }
    }

    @Test func bip173Examples() throws {
        let examples = try #require(Self.vectors?.bip173_examples)
        let key = try PublicKey(sec: Hex.decode(examples.pubkey) ?? [])
        let script = [0x21] + key.compressed + [0xAC]
        for entry in examples.addresses {
            let network: Network = entry.network == "mainnet" ? .main : .test
            let payload: AddressPayload = entry.type == "P2WPKH" ? try .p2wpkh(key: key) : .p2wsh(witnessScript: script)
            #expect(Address(payload: payload).encoded(for: network) == entry.address)
        }
    }
}
