import Testing
@testable import Bitcoin

/// Strict DER (BIP-66), range checks, low-S policy and verification.
@Suite struct ECDSATests {
    static let key = TestKey(seed: 1)
    static let digest = Hashes.sha256(Array("reserve audit".utf8))

    @Test func roundTripVerifies() {
        let sig = Self.key.signECDSA(digest: Self.digest)
        #expect(ECDSA.check(publicKey: Self.key.publicKey.compressed, digest: Self.digest, derSignature: sig) == .valid)
        #expect(ECDSA.check(publicKey: Self.key.publicKey.uncompressed, digest: Self.digest, derSignature: sig) == .valid)
        let parsed = try? ECDSASignature(der: sig)
        #expect(parsed?.isLowS == true)
        #expect(parsed?.isValidSignature(for: Self.digest, publicKey: Self.key.publicKey) == true)
    }

    @Test func changedDigestOrOtherKeyFails() {
        let sig = Self.key.signECDSA(digest: Self.digest)
        var other = Self.digest
        other[31] ^= 0x01
        #expect(ECDSA.check(publicKey: Self.key.publicKey.compressed, digest: other, derSignature: sig) == .mismatch)
        let stranger = TestKey(seed: 2).publicKey.compressed
        #expect(ECDSA.check(publicKey: stranger, digest: Self.digest, derSignature: sig) == .mismatch)
    }

    @Test func highSRefusedUnlessAllowed() throws {
        let sig = Self.key.signECDSA(digest: Self.digest)
        let high = TestKey.highS(der: sig)
        let pk = Self.key.publicKey.compressed
        #expect(ECDSA.check(publicKey: pk, digest: Self.digest, derSignature: high) == .highS)
        #expect(ECDSA.check(publicKey: pk, digest: Self.digest, derSignature: high, allowHighS: true) == .valid)
        let parsed = try ECDSASignature(der: high)
        #expect(!parsed.isLowS)
        #expect(!parsed.isValidSignature(for: Self.digest, publicKey: Self.key.publicKey))
        #expect(parsed.normalized == (try ECDSASignature(der: sig)))
        // A high-S signature over another digest is still a mismatch once normalised.
        var other = Self.digest
        other[0] ^= 1
        #expect(ECDSA.check(publicKey: pk, digest: other, derSignature: high, allowHighS: true) == .mismatch)
    }

    /// DER built by hand: r = 1, s = 1 (valid encoding, wrong signature).
    static let minimal = hex("3006020101020101")

    @Test(arguments: [
        ("", ECDSASignatureError.derLength(0)),
        ("30050201010201", .derLength(7)),
        ("3106020101020101", .notASequence(tag: 0x31)),
        ("3007020101020101", .sequenceLength(declared: 7, actual: 6)),
        ("3006030101020101", .notAnInteger(.r)),
        ("3006020101030101", .notAnInteger(.s)),
        ("3006020401020101", .integerLengths),
        ("300602010102020101", .sequenceLength(declared: 6, actual: 7)),
        ("30060200020201010101", .sequenceLength(declared: 6, actual: 8)),
        ("3006020081020101", .notAnInteger(.s)),
        ("30070200020301010100", .sequenceLength(declared: 7, actual: 8)),
        ("300702020001020101", .nonMinimalInteger(.r)),
        ("300702010102020001", .nonMinimalInteger(.s)),
        ("3006020181020101", .negativeInteger(.r)),
        ("3006020101020181", .negativeInteger(.s)),
        ("3006020100020101", .zero(.r)),
        ("3006020101020100", .zero(.s)),
        ("30050200020101", .derLength(7)),
        ("3008020201000202010000", .sequenceLength(declared: 8, actual: 9)),
    ]) func refusesBadDER(hexDER: String, expected: ECDSASignatureError) {
        let pk = Self.key.publicKey.compressed
        #expect(ECDSA.check(publicKey: pk, digest: Self.digest, derSignature: hex(hexDER)) == .badSignature(expected))
        #expect(throws: expected) { try ECDSASignature(der: hex(hexDER)) }
    }

    @Test func emptyIntegers() {
        // 30 06 02 00 02 02 01 01: r of length zero.
        #expect(throws: ECDSASignatureError.emptyInteger(.r)) { try ECDSASignature(der: hex("30060200020201010000")[0..<8].map { $0 }) }
        #expect(throws: ECDSASignatureError.emptyInteger(.s)) { try ECDSASignature(der: hex("3006020201010200")) }
    }

    @Test func longFormLengthRefused() {
        // BER long-form sequence length 0x81 0x06: not strict DER.
        #expect(throws: ECDSASignatureError.sequenceLength(declared: 0x81, actual: 7)) {
            try ECDSASignature(der: hex("308106020101020101"))
        }
    }

    @Test func rangeChecks() {
        let n = Hex.encode(CurveOrder.n)
        let nMinus1 = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140"
        let one = String(repeating: "00", count: 31) + "01"
        #expect(throws: ECDSASignatureError.overflow(.r)) { try ECDSASignature(compact: hex(n + one)) }
        #expect(throws: ECDSASignatureError.overflow(.s)) { try ECDSASignature(compact: hex(one + n)) }
        #expect(throws: ECDSASignatureError.zero(.r)) { try ECDSASignature(compact: hex(String(repeating: "00", count: 32) + one)) }
        #expect((try? ECDSASignature(compact: hex(nMinus1 + one))) != nil)
        #expect(throws: ECDSASignatureError.compactLength(63)) { try ECDSASignature(compact: [UInt8](repeating: 1, count: 63)) }
        // In DER: r = n (33 bytes with its sign byte) and a 33-byte r without a sign byte.
        let rIsN = "3026022100" + n + "020101"
        #expect(throws: ECDSASignatureError.overflow(.r)) { try ECDSASignature(der: hex(rIsN)) }
        let tooLong = "3027022201" + String(repeating: "00", count: 33) + "020101"
        #expect(throws: ECDSASignatureError.overflow(.r)) { try ECDSASignature(der: hex(tooLong)) }
    }

    @Test func badKeysAndDigests() {
        let sig = Self.key.signECDSA(digest: Self.digest)
        let pk = Self.key.publicKey.compressed
        #expect(ECDSA.check(publicKey: Array(pk.dropLast()), digest: Self.digest, derSignature: sig) == .badPublicKey(.invalidLength(32)))
        #expect(ECDSA.check(publicKey: [0x05] + pk.dropFirst(), digest: Self.digest, derSignature: sig) == .badPublicKey(.notOnCurve))
        // Hybrid (06/07) keys are refused even though the point is valid.
        var hybrid = Self.key.publicKey.uncompressed
        hybrid[0] = Self.key.publicKey.hasOddY ? 7 : 6
        #expect(ECDSA.check(publicKey: hybrid, digest: Self.digest, derSignature: sig) == .badPublicKey(.notOnCurve))
        // x = p (not a field element).
        let xIsP = hex("02fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f")
        #expect(ECDSA.check(publicKey: xIsP, digest: Self.digest, derSignature: sig) == .badPublicKey(.notOnCurve))
        #expect(ECDSA.check(publicKey: pk, digest: Array(Self.digest.dropLast()), derSignature: sig) == .badDigestLength(31))
        #expect(ECDSA.check(publicKey: pk, digest: [], derSignature: sig) == .badDigestLength(0))
    }

    @Test func verdictMapping() {
        #expect(ECDSACheck.highS.result.status == .invalid)
        #expect(ECDSACheck.mismatch.result.status == .invalid)
        #expect(ECDSACheck.badSignature(.zero(.r)).result.status == .malformed)
        #expect(ECDSACheck.badPublicKey(.notOnCurve).result.status == .malformed)
        #expect(ECDSACheck.valid.result == .valid)
        #expect(ECDSACheck.valid.result.reason == "")
    }

    @Test func recoveryFindsTheSigner() throws {
        let (rs, recid) = Self.key.signRecoverable(digest: Self.digest)
        let sig = try RecoverableSignature(compact: rs, recoveryID: recid)
        #expect(sig.recoverPublicKey(digest: Self.digest, compressed: true) == Self.key.publicKey)
        #expect(sig.recoverPublicKey(digest: Self.digest, compressed: false)?.serialized == Self.key.publicKey.uncompressed)
        let wrong = try RecoverableSignature(compact: rs, recoveryID: recid ^ 1)
        #expect(wrong.recoverPublicKey(digest: Self.digest, compressed: true) != Self.key.publicKey)
        #expect(throws: ECDSASignatureError.recoveryID(4)) { try RecoverableSignature(compact: rs, recoveryID: 4) }
    }
}

/// Random and mutated inputs never crash the decoders and never verify.
@Suite struct SignatureDecoderRobustnessTests {
    /// xorshift64: deterministic bytes without Foundation's random source.
    struct Bytes {
        var state: UInt64
        mutating func next(_ n: Int) -> [UInt8] {
            (0..<n).map { _ in
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                return UInt8(truncatingIfNeeded: state >> 24)
            }
        }
    }

    @Test func randomDERNeverVerifies() {
        var rng = Bytes(state: 0x1234_5678_9abc_def1)
        let key = TestKey(seed: 7)
        let digest = Hashes.sha256([1])
        let good = key.signECDSA(digest: digest)
        for i in 0..<1000 {
            var sig = good
            // Flip one to three bytes, or truncate, or extend.
            switch i % 4 {
            case 0: sig[Int(rng.next(1)[0]) % sig.count] ^= rng.next(1)[0] | 1
            case 1: sig = Array(sig.prefix(Int(rng.next(1)[0]) % sig.count))
            case 2: sig += rng.next(1 + i % 3)
            default: sig = rng.next(Int(rng.next(1)[0]) % 80)
            }
            #expect(ECDSA.check(publicKey: key.publicKey.compressed, digest: digest, derSignature: sig) != .valid)
        }
    }

    @Test func randomBytesIntoEveryDecoder() {
        var rng = Bytes(state: 42)
        for i in 0..<1000 {
            let bytes = rng.next(i % 200)
            _ = try? Transaction(bytes: bytes)
            _ = try? WitnessStack.decode(bytes)
            _ = try? CompactMessageSignature(bytes: bytes)
            _ = try? MultisigScript(script: bytes)
            _ = Schnorr.check(publicKey: Array(bytes.prefix(32)), message: bytes, signature: Array(bytes.suffix(64)))
            _ = Base64.decode(String(decoding: bytes, as: UTF8.self))
        }
        // A transaction prefix of every length is refused, never a crash.
        let tx = hex(TransactionTests.bip143Signed)
        for n in 0..<tx.count { #expect(throws: TransactionParseError.self) { try Transaction(bytes: Array(tx.prefix(n))) } }
    }

    @Test func base64RoundTripAndStrictness() {
        var rng = Bytes(state: 99)
        for n in 0..<70 {
            let bytes = rng.next(n)
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.decode("Zm8") == nil)
        #expect(Base64.decode("Zm=8") == nil)
        #expect(Base64.decode("Z===") == nil)
        #expect(Base64.decode("Zm8=Zm8=") == nil)
        #expect(Base64.decode("Zm 8") == nil)
        #expect(Base64.decode("") == [])
    }
}
