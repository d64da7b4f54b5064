import TestSupport
import Testing
@testable import Bitcoin

/// Address parsing, encoding and refusals beyond the BIP vectors: Base58 addresses, networks, one test per error.
@Suite struct AddressTests {
    static let g = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
    static let gUncompressed = "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
        + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"

    /// Bitcoin Core key_io_valid.json entries (address, scriptPubKey) and the generator's well-known addresses.
    static let base58: [(String, String, Network)] = [
        ("1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62i", "76a91465a16059864a2fdbc7c99a4723a8395bc6f188eb88ac", .main),
        ("3CMNFxN1oHBc4R1EpboAL5yzHGgE611Xou", "a91474f209f6ea907e2ea48f74fae05782ae8a66525787", .main),
        ("mo9ncXisMeAoXwqcV5EWuyncbmCcQN4rVs", "76a91453c0307d6851aa0ce7825ba883c6bd9ad242b48688ac", .test),
        ("2N2JD6wb56AfK4tfmM6PwdVmoYk2dCKf4Br", "a9146349a418fc4578d10a372b54b45c280cc8c4382f87", .test),
    ]

    @Test(arguments: base58) func base58Address(text: String, script: String, network: Network) throws {
        let address = try Address.parse(text)
        #expect(Hex.encode(address.scriptPubKey) == script)
        #expect(address.network == network)
        #expect(address.encoded(for: network) == text)
        #expect(AddressPayload(scriptPubKey: address.scriptPubKey) == address.payload)
    }

    @Test func types() throws {
        #expect(try Address.parse("1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62i").type == .p2pkh)
        #expect(try Address.parse("3CMNFxN1oHBc4R1EpboAL5yzHGgE611Xou").type == .p2sh)
        #expect(try Address.parse("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4").type == .p2wpkh)
        #expect(try Address.parse("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7").type == .p2wsh)
        #expect(try Address.parse("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0").type == .p2tr)
        #expect(try Address.parse("BC1SW50QGDZ25J").type == .witnessUnknown)
        #expect(try Address.parse("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y").type == .witnessUnknown)
    }

    @Test func networksSharedPrefixes() throws {
        let tb = try Address.parse("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx")
        #expect(tb.network == .test && tb.networks == [.test, .signet])
        try tb.require(.test)
        try tb.require(.signet)
        #expect(throws: AddressError.wrongNetwork(expected: .regtest, got: .test)) { try tb.require(.regtest) }
        #expect(throws: AddressError.wrongNetwork(expected: .main, got: .test)) { try tb.require(.main) }

        let m = try Address.parse("mo9ncXisMeAoXwqcV5EWuyncbmCcQN4rVs")
        #expect(m.networks == [.test, .signet, .regtest])
        try m.require(.regtest)

        let regtest = Address(payload: .witness(version: 0, program: [UInt8](repeating: 7, count: 20)))
        let text = regtest.encoded(for: .regtest)
        #expect(text.hasPrefix("bcrt1q"))
        let parsed = try Address.parse(text)
        #expect(parsed.network == .regtest && parsed.networks == .regtest)
        #expect(throws: AddressError.wrongNetwork(expected: .test, got: .regtest)) { try parsed.require(.test) }

        let main = try Address.parse("1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62i")
        #expect(throws: AddressError.wrongNetwork(expected: .test, got: .main)) { try main.require(.test) }
        #expect(AddressError.wrongNetwork(expected: .main, got: .test).description == "wrong network: expected main, got test")
    }

    @Test func fromKeys() throws {
        let key = try PublicKey(sec: try #require(Hex.decode(Self.g)))
        let uncompressed = try PublicKey(sec: try #require(Hex.decode(Self.gUncompressed)))
        #expect(Address(payload: .p2pkh(key: key)).encoded(for: .main) == "1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH")
        #expect(Address(payload: .p2pkh(key: key)).encoded(for: .test) == "mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r")
        #expect(Address(payload: .p2pkh(key: uncompressed)).encoded(for: .main) == "1EHNa6Q4Jz2uvNExL497mE43ikXhwF6kZm")
        #expect(Address(payload: try .p2shP2wpkh(key: key)).encoded(for: .main) == "3JvL6Ymt8MVWiCNHC7oWU6nLeHNJKLZGLN")
        #expect(Address(payload: try .p2shP2wpkh(key: key)).encoded(for: .signet) == "2NAUYAHhujozruyzpsFRP63mbrdaU5wnEpN")
        #expect(Address(payload: try .p2wpkh(key: key)).encoded(for: .main) == "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
        #expect(throws: AddressError.uncompressedKey) { try AddressPayload.p2wpkh(key: uncompressed) }
        #expect(throws: AddressError.uncompressedKey) { try AddressPayload.p2shP2wpkh(key: uncompressed) }
    }

    @Test func scriptPubKeyTemplates() {
        #expect(AddressPayload(scriptPubKey: [0x6A, 0x01, 0x00]) == nil) // OP_RETURN
        #expect(AddressPayload(scriptPubKey: [0x00, 0x15] + [UInt8](repeating: 1, count: 21)) == nil) // v0, 21 bytes
        #expect(AddressPayload(scriptPubKey: [0x51, 0x01, 0x00]) == nil) // v1, 1 byte
        #expect(AddressPayload(scriptPubKey: [0x51, 0x29] + [UInt8](repeating: 1, count: 41)) == nil) // v1, 41 bytes
        #expect(AddressPayload(scriptPubKey: [0x60, 0x02, 0x75, 0x1E]) == .witness(version: 16, program: [0x75, 0x1E]))
        #expect(AddressPayload(scriptPubKey: [0x51, 0x03, 0x01, 0x02]) == nil) // push length lies
        #expect(AddressPayload(scriptPubKey: []) == nil)
    }

    // MARK: One test per error

    @Test func empty() { #expect(throws: AddressError.empty) { try Address.parse("") } }

    @Test func bareSegwitPrefix() {
        #expect(throws: AddressError.bech32(.checksumTooShort(0))) { try Address.parse("bc1") }
    }

    @Test func parseRequiringNetwork() throws {
        #expect(try Address.parse("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", network: .signet).type == .p2wpkh)
        #expect(throws: AddressError.wrongNetwork(expected: .main, got: .test)) {
            try Address.parse("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", network: .main)
        }
    }

    @Test func base58BadCharacter() {
        #expect(throws: AddressError.base58(.invalidCharacter("0", position: 2))) { try Address.parse("10GNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62i") }
    }

    @Test func base58Checksum() {
        #expect(throws: AddressError.base58(.checksumMismatch)) { try Address.parse("1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62j") }
    }

    @Test func base58UnknownVersion() {
        let text = Base58Check.encode([0x30] + [UInt8](repeating: 1, count: 20)) // a Litecoin P2PKH version
        #expect(throws: AddressError.unknownVersion(0x30)) { try Address.parse(text) }
        #expect(AddressError.unknownVersion(0x30).description == "version byte 0x30 is not a Bitcoin address type")
    }

    @Test func base58EmptyPayloadWithValidChecksum() {
        #expect(Base58Check.encode([]) == "3QJmnh")
        #expect(throws: AddressError.invalidPayloadLength(0)) { try Address.parse("3QJmnh") }
    }

    @Test func garbageNeverCrashes() {
        var rng = SeededRandom(seed: 0x6A7B)
        let alphabets = [
            Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8),
            Array("qpzry9x8gf2tvdw0s3jn54khce6mua7lQPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L1bctr".utf8),
            (0...255).map { UInt8($0) },
        ]
        for round in 0..<3000 {
            let alphabet = alphabets[round % alphabets.count]
            let prefix = ["", "bc1", "tb1", "bcrt1", "BC1", "1", "3", "xprv"].randomElement(using: &rng) ?? ""
            let body = (0..<Int.random(in: 0...120, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? 0 }
            let text = prefix + String(decoding: body, as: UTF8.self)
            // Whatever the verdict, it must come back as a value or an AddressError, never a trap.
            if let address = try? Address.parse(text) {
                #expect(AddressPayload(scriptPubKey: address.scriptPubKey) == address.payload)
            }
            _ = try? Base58Check.decode(text)
            _ = try? Bech32.decode(text)
        }
        // Checksum-valid Base58Check payloads of every size from 0 to 90 bytes.
        for size in 0...90 {
            let payload = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? Address.parse(Base58Check.encode(payload))
        }
    }

    @Test func base58PayloadLength() {
        let text = Base58Check.encode([0x00] + [UInt8](repeating: 1, count: 21))
        #expect(throws: AddressError.invalidPayloadLength(22)) { try Address.parse(text) }
        #expect(throws: AddressError.base58(.tooShort(bytes: 1))) { try Address.parse("2") }
    }

    @Test func bech32BadCharacter() {
        #expect(throws: AddressError.bech32(.invalidCharacter("o", position: 12))) {
            try Address.parse("bc1qw508d6qojxtdg4y5r3zarvary0c5xw7kv8f3t4")
        }
    }

    @Test func bech32Checksum() {
        #expect(throws: AddressError.bech32(.checksumMismatch)) { try Address.parse("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5") }
    }

    @Test func mixedCase() {
        #expect(throws: AddressError.bech32(.mixedCase)) { try Address.parse("bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4") }
    }

    @Test func tooLong() {
        let long = "bc1" + String(repeating: "q", count: 88)
        #expect(throws: AddressError.bech32(.tooLong(91))) { try Address.parse(long) }
    }

    @Test func unknownPrefix() {
        #expect(throws: AddressError.unknownPrefix("tc")) { try Address.parse("tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty") }
        let litecoin = Bech32.encode(hrp: "ltc", data5: [0] + Address.regroup8to5([UInt8](repeating: 3, count: 20)), variant: .bech32)
        #expect(throws: AddressError.unknownPrefix("ltc")) { try Address.parse(litecoin) }
    }

    @Test func witnessVersion() {
        #expect(throws: AddressError.invalidWitnessVersion(17)) { try Address.parse("BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2") }
    }

    @Test func missingWitnessVersion() {
        #expect(throws: AddressError.missingWitnessVersion) { try Address.parse("bc1gmk9yu") }
    }

    @Test func programLength() {
        #expect(throws: AddressError.invalidProgramLength(version: 0, length: 16)) { try Address.parse("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P") }
        #expect(throws: AddressError.invalidProgramLength(version: 1, length: 1)) { try Address.parse("bc1pw5dgrnzv") }
        let v0of21 = Bech32.encode(hrp: "bc", data5: [0] + Address.regroup8to5([UInt8](repeating: 9, count: 21)), variant: .bech32)
        #expect(throws: AddressError.invalidProgramLength(version: 0, length: 21)) { try Address.parse(v0of21) }
        #expect(AddressError.invalidProgramLength(version: 0, length: 21).description.hasPrefix("witness v0 program of 21 bytes"))
    }

    @Test func padding() {
        #expect(throws: AddressError.bech32(.invalidPadding)) { try Address.parse("bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du") }
        #expect(throws: AddressError.bech32(.invalidPadding)) { try Address.parse("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv") }
    }

    @Test func checksumVariant() {
        #expect(throws: AddressError.wrongChecksumVariant(version: 1, variant: .bech32)) {
            try Address.parse("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd")
        }
        #expect(throws: AddressError.wrongChecksumVariant(version: 0, variant: .bech32m)) {
            try Address.parse("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh")
        }
        #expect(AddressError.wrongChecksumVariant(version: 1, variant: .bech32).description
            .hasPrefix("witness v1 address with a bech32 (not bech32m) checksum"))
    }

    // MARK: Watch-only refusals

    static let privateKeys: [(String, AddressError.PrivateKeyKind)] = [
        ("5HpHagT65TZzG1PH3CSu63k8DbpvD8s5ip4nEB3kEsreAnchuDf", .wif),
        ("KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn", .wif),
        ("cMahea7zqjxrtgAbB7LSGbcQUr1uX1ojuat9jZodMN87JcbXMTcA", .wif),
        ("KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWo", .wif), // mistyped: still refused as a key
        ("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi", .extended("xprv")),
        ("tprv8ZgxMBicQKsPd9TeAdPADNnSyH9SSUUbTVeFszDE23Ki6TBB5nCefAdHkK8Fm3qMQR6sHwA56zqRmKmxnHk37JkiFzvncDqoKmPWubu7hDF", .extended("tprv")),
    ]

    @Test(arguments: privateKeys) func privateKeyRefused(text: String, kind: AddressError.PrivateKeyKind) {
        #expect(throws: AddressError.privateKey(kind)) { try Address.parse(text) }
    }

    @Test func privateKeyFromPayloadShape() {
        // Key-shaped by content though not by length: a WIF without the compression flag on testnet (51 chars, '9…').
        let wif = Base58Check.encode([0xEF] + [UInt8](repeating: 0x11, count: 32))
        #expect(throws: AddressError.privateKey(.wif)) { try Address.parse(wif) }
        // yprv/zprv: the same key material under SLIP-132 versions.
        for (version, prefix) in [([0x04, 0x9D, 0x78, 0x78] as [UInt8], "yprv"), ([0x04, 0xB2, 0x43, 0x0C], "zprv")] {
            let text = Base58Check.encode(version + [UInt8](repeating: 0, count: 41) + [0x00] + [UInt8](repeating: 0x22, count: 32))
            #expect(text.hasPrefix(prefix))
            #expect(throws: AddressError.privateKey(.extended(prefix))) { try Address.parse(text) }
        }
    }

    @Test func privateKeyMessage() {
        #expect(AddressError.privateKey(.wif).description
            == "private key (WIF): this tool is watch-only and never accepts private keys")
    }

    @Test func extendedPublicKeyIsNotAnAddress() {
        let xpub = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8"
        #expect(throws: AddressError.extendedPublicKey("xpub")) { try Address.parse(xpub) }
    }

    // MARK: Round trips

    /// The fast segwit path must accept exactly what the precise path accepts, with the same result.
    static func fastAgrees(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard let networks = Address.segwitNetworks(utf8) else { return true }
            let precise = try? Address.parseSegwit(utf8, networks: networks)
            return Address.fastSegwit(utf8, networks: networks) == precise
        }
    }

    @Test func fastSegwitPathAgreesWithPrecisePath() throws {
        var rng = SeededRandom(seed: 0xFA57)
        for _ in 0..<300 {
            let version = Int.random(in: 0...16, using: &rng)
            let length = version == 0 ? [20, 32].randomElement(using: &rng) ?? 20 : Int.random(in: 2...40, using: &rng)
            let program = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let network = Network.allCases.randomElement(using: &rng) ?? .main
            let text = Address(payload: .witness(version: version, program: program)).encoded(for: network)
            let upper = text.uppercased()
            var utf8 = Array(text.utf8)
            #expect(Self.fastAgrees(text) && Self.fastAgrees(upper))
            var texts = [text, upper]
            for _ in 0..<3 { // single-character corruptions, including case flips and separators
                var copy = utf8
                copy[Int.random(in: 0..<copy.count, using: &rng)] = [UInt8(ascii: "1"), UInt8(ascii: "Q"), UInt8(ascii: "b"), UInt8(ascii: "q")].randomElement(using: &rng) ?? 0
                texts.append(String(decoding: copy, as: UTF8.self))
            }
            utf8.removeLast()
            texts.append(String(decoding: utf8, as: UTF8.self))
            for t in texts { #expect(Self.fastAgrees(t), "\(t)") }
        }
        let vectors = Bech32Vectors.loaded
        for t in (vectors?.invalid_addresses.map(\.address) ?? []) + (vectors?.valid_addresses.map(\.address) ?? []) {
            #expect(Self.fastAgrees(t), "\(t)")
        }
    }

    @Test func roundTripRandomPayloads() throws {
        var rng = SeededRandom(seed: 2026)
        func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) } }
        for _ in 0..<400 {
            let payload: AddressPayload
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: payload = .p2pkh(bytes(20))
            case 1: payload = .p2sh(bytes(20))
            case 2: payload = .witness(version: 0, program: bytes(20))
            case 3: payload = .witness(version: 0, program: bytes(32))
            case 4: payload = .witness(version: 1, program: bytes(32))
            default:
                let version = Int.random(in: 1...16, using: &rng)
                payload = .witness(version: version, program: bytes(Int.random(in: 2...40, using: &rng)))
            }
            for network in Network.allCases {
                let text = Address(payload: payload).encoded(for: network)
                let parsed = try Address.parse(text)
                #expect(parsed.payload == payload)
                #expect(parsed.fits(network))
                if case .witness = payload { #expect(try Address.parse(text.uppercased()).payload == payload) }
                #expect(AddressPayload(scriptPubKey: payload.scriptPubKey) == payload)
            }
        }
    }
}
