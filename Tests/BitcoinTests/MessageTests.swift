import Testing
@testable import Bitcoin

/// BIP-137 signed messages: every entry of message_sign_vectors.json under the policy it names, and
/// adversarial cases.
@Suite struct MessageTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        let id: String, source: String, kind: String
        let address: String?, message: String
        let signature: String?
        let expectedValid: Bool?
        let expectedDetail: String?
        let lenientOnly: Bool
        let privateKeyHex: String?
        let compressed: Bool
        let wif: String?
        let exact: Bool
        let nonce: String?
        let magicHash: String?
        var testDescription: String { id }
    }

    static func entries() throws -> [Entry] {
        let root = try #require(try VectorFile.json("message_sign_vectors.json") as? [String: Any])
        let list = try #require(root["entries"] as? [[String: Any]])
        return list.map { e in
            var signature = e["signature"] as? String
            if let raw = e["signature_hex"] as? String, let bytes = Hex.decode(raw) { signature = Base64.encode(bytes) }
            let key = e["private_key"] as? [String: Any]
            let note = (e["note"] as? String) ?? ""
            return Entry(id: e["id"] as? String ?? "?", source: e["source"] as? String ?? "", kind: e["kind"] as? String ?? "",
                         address: e["address"] as? String, message: e["message"] as? String ?? "",
                         signature: signature, expectedValid: e["expected_valid"] as? Bool,
                         expectedDetail: e["expected_detail"] as? String,
                         lenientOnly: note.contains("lenient") || note.contains("checkSegwitAlways") || note.contains("would reject this"),
                         privateKeyHex: key?["hex"] as? String, compressed: key?["compressed"] as? Bool ?? true,
                         wif: key?["wif"] as? String, exact: e["expected_signature_exact"] as? Bool ?? false,
                         nonce: e["nonce"] as? String,
                         magicHash: (e["expected_detail"] as? [String: Any])?["magicHash"] as? String)
        }
    }

    /// The policy each upstream verifier applies: Electrum's own rule for Electrum entries and for
    /// entries whose validity depends on the lenient header rule; strict BIP-137 otherwise.
    static func policy(_ e: Entry) -> MessageHeaderPolicy {
        e.source == "electrum" || e.lenientOnly ? .electrum : .strict
    }

    @Test func allEntriesLoaded() throws {
        #expect(try Self.entries().count == 25)
    }

    @Test(arguments: try entries().filter { $0.kind == "verify" || $0.kind == "sign+verify" })
    func verifyUnderNamedPolicy(entry: Entry) throws {
        let expected = try #require(entry.expectedValid as Bool?)
        let address: String
        if let given = entry.address {
            address = given
        } else {
            // bitcoinjs-randomSig-0-0: the P2PKH address of the WIF's (uncompressed) key.
            let wif = try #require(entry.wif)
            let key = try TestKey(wif: wif)
            address = TestKey.wifIsCompressed(wif) ? key.p2pkhAddress : key.p2pkhUncompressedAddress
        }
        let result = BIP137.verify(address: address, message: Array(entry.message.utf8),
                                   signature: entry.signature ?? "", policy: Self.policy(entry))
        #expect(result.isValid == expected, "\(entry.id): \(result)")
        switch entry.expectedDetail {
        case "ERR_INVALID_ADDRESS": #expect(result.status == .malformed && { if case .invalidAddress = result { true } else { false } }())
        case "ERR_MALFORMED_SIGNATURE": #expect({ if case .malformedSignature = result { true } else { false } }())
        case "ERR_NOT_SIGNED": #expect({ if case .notSigned = result { true } else { false } }())
        case "OK": #expect(result == .valid)
        default: break
        }
        if entry.lenientOnly, expected {
            let strict = BIP137.verify(address: address, message: Array(entry.message.utf8),
                                       signature: entry.signature ?? "", policy: .strict)
            #expect({ if case .headerMismatch = strict { true } else { false } }(), "\(entry.id) strict: \(strict)")
        }
    }

    @Test(arguments: try entries().filter { $0.kind == "message_hash" })
    func magicHash(entry: Entry) throws {
        #expect(Hex.encode(SignedMessage.hash(Array(entry.message.utf8))) == entry.magicHash)
    }

    @Test(arguments: try entries().filter { $0.kind == "signature_decode" })
    func signatureDecodeRejects(entry: Entry) throws {
        let text = try #require(entry.signature)
        let bytes = try #require(Base64.decode(text))
        #expect(throws: MessageSignatureError.self) { try CompactMessageSignature(bytes: bytes) }
    }

    /// Entries signed with plain RFC 6979 (libsecp256k1's default nonce) are reproduced byte for byte.
    @Test(arguments: try entries().filter { $0.exact && $0.nonce == "rfc6979" })
    func signingReproducesSignature(entry: Entry) throws {
        let secret = try #require(entry.privateKeyHex)
        let key = TestKey(secret: hex(secret))
        let expected = try #require(entry.signature)
        let raw = try #require(Base64.decode(expected))
        let header = try #require(MessageSignatureHeader(byte: raw.first ?? 0))
        #expect(key.signMessage(entry.message, header: header) == expected, "\(entry.id)")
    }

    /// Messages of 253 bytes or more take a three-byte CompactSize length (0xfd, little-endian).
    @Test func longMessageLengthPrefix() {
        let message = String(repeating: "a", count: 300)
        let expected = Hashes.sha256d([24] + Array(SignedMessage.magic.utf8) + [0xfd, 0x2c, 0x01] + Array(message.utf8))
        #expect(SignedMessage.hash(Array(message.utf8)) == expected)
        let sig = Self.key.signMessage(message, header: .p2wpkh)
        #expect(BIP137.verify(address: Self.key.p2wpkhAddress, message: Array(message.utf8), signature: sig) == .valid)
    }

    // MARK: adversarial

    static let key = TestKey(seed: 11)

    @Test func ownSignaturesForEveryAddressType() {
        let msg = "reserve audit 2026-Q1"
        let k = Self.key
        #expect(BIP137.verify(address: k.p2pkhAddress, message: Array(msg.utf8), signature: k.signMessage(msg, header: .p2pkhCompressed)) == .valid)
        #expect(BIP137.verify(address: k.p2shP2wpkhAddress, message: Array(msg.utf8), signature: k.signMessage(msg, header: .p2shP2wpkh)) == .valid)
        #expect(BIP137.verify(address: k.p2wpkhAddress, message: Array(msg.utf8), signature: k.signMessage(msg, header: .p2wpkh)) == .valid)
        #expect(BIP137.verify(address: k.p2pkhUncompressedAddress, message: Array(msg.utf8),
                              signature: k.signMessage(msg, header: .p2pkhUncompressed)) == .valid)
    }

    @Test func oneByteOfMessageChanged() {
        let sig = Self.key.signMessage("pay 100", header: .p2wpkh)
        let result = BIP137.verify(address: Self.key.p2wpkhAddress, message: Array("pay 101".utf8), signature: sig)
        #expect(result.status == .invalid)
    }

    @Test func signatureFromAnotherKey() {
        let other = TestKey(seed: 12)
        let result = BIP137.verify(address: Self.key.p2pkhAddress, message: Array("m".utf8),
                                   signature: other.signMessage("m", header: .p2pkhCompressed))
        #expect({ if case .notSigned = result { true } else { false } }())
    }

    @Test func headerAddressMismatch() {
        let k = Self.key
        let wpkh = k.signMessage("m", header: .p2wpkh)
        let nested = k.signMessage("m", header: .p2shP2wpkh)
        for policy in [MessageHeaderPolicy.strict, .electrum] {
            #expect(BIP137.verify(address: k.p2shP2wpkhAddress, message: Array("m".utf8), signature: wpkh, policy: policy).status == .invalid)
            #expect(BIP137.verify(address: k.p2wpkhAddress, message: Array("m".utf8), signature: nested, policy: policy).status == .invalid)
            #expect(BIP137.verify(address: k.p2pkhAddress, message: Array("m".utf8), signature: wpkh, policy: policy).status == .invalid)
            // Uncompressed header for a segwit address: never.
            let uncompressed = k.signMessage("m", header: .p2pkhUncompressed)
            #expect(!BIP137.verify(address: k.p2wpkhAddress, message: Array("m".utf8), signature: uncompressed, policy: policy).isValid)
        }
        let compressed = k.signMessage("m", header: .p2pkhCompressed)
        #expect(BIP137.verify(address: k.p2wpkhAddress, message: Array("m".utf8), signature: compressed, policy: .electrum) == .valid)
        #expect(BIP137.verify(address: k.p2wpkhAddress, message: Array("m".utf8), signature: compressed, policy: .strict)
                == .headerMismatch("P2PKH (compressed key) header for a P2WPKH address"))
    }

    @Test func truncatedAndBrokenBase64() {
        let sig = Self.key.signMessage("m", header: .p2pkhCompressed)
        let addr = Self.key.p2pkhAddress
        #expect(BIP137.verify(address: addr, message: Array("m".utf8), signature: String(sig.dropLast(4))).status == .malformed)
        #expect(BIP137.verify(address: addr, message: Array("m".utf8), signature: String(sig.dropLast())).status == .malformed)
        #expect(BIP137.verify(address: addr, message: Array("m".utf8), signature: sig + "AAAA").status == .malformed)
        #expect(BIP137.verify(address: addr, message: Array("m".utf8), signature: "").status == .malformed)
        #expect(BIP137.verify(address: addr, message: Array("m".utf8), signature: " " + sig).status == .malformed)
    }

    @Test func headerOutOfRangeAndBadScalars() {
        var bytes = Base64.decode(Self.key.signMessage("m", header: .p2pkhCompressed)) ?? []
        bytes[0] = 43
        #expect(throws: MessageSignatureError.header(43)) { try CompactMessageSignature(bytes: bytes) }
        bytes[0] = 26
        #expect(throws: MessageSignatureError.header(26)) { try CompactMessageSignature(bytes: bytes) }
        bytes[0] = 31
        let zeroR = [31] + [UInt8](repeating: 0, count: 32) + Array(bytes[33...])
        #expect(throws: MessageSignatureError.scalar(.zero(.r))) { try CompactMessageSignature(bytes: zeroR) }
        let bigS = Array(bytes[0..<33]) + [UInt8](repeating: 0xff, count: 32)
        #expect(throws: MessageSignatureError.scalar(.overflow(.s))) { try CompactMessageSignature(bytes: bigS) }
    }

    @Test func keyNotRecoverable() {
        // r = 2^255 + small is not the x coordinate of a curve point for every recovery id; search a few.
        var found = false
        for x: UInt8 in 1...40 {
            let r = [UInt8](repeating: 0, count: 31) + [x]
            let s = [UInt8](repeating: 0, count: 31) + [1]
            let sig = Base64.encode([31] + r + s)
            if BIP137.verify(address: Self.key.p2pkhAddress, message: Array("m".utf8), signature: sig) == .keyNotRecovered {
                found = true
                break
            }
        }
        #expect(found)
    }

    @Test func taprootAndScriptAddressesCannotUseBIP137() {
        let sig = Self.key.signMessage("m", header: .p2wpkh)
        let tr = BIP137.verify(address: "bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr", message: Array("m".utf8), signature: sig)
        #expect(tr.status == .invalid)
    }
}
