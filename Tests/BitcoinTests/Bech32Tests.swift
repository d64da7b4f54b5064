import TestSupport
import Testing
@testable import Bitcoin

/// BIP-173 and BIP-350 generic Bech32/Bech32m vectors (Vectors/bech32_vectors.json).
@Suite struct Bech32Tests {
    static let vectors = Bech32Vectors.loaded

    @Test func vectorCounts() {
        #expect(Self.vectors?.valid_bech32.count == 7)
        #expect(Self.vectors?.valid_bech32m.count == 7)
        #expect(Self.vectors?.invalid_bech32.count == 12)
        #expect(Self.vectors?.invalid_bech32m.count == 14)
    }

    @Test(arguments: vectors?.valid_bech32 ?? []) func validBech32(text: String) throws {
        let decoded = try Bech32.decode(text)
        #expect(decoded.variant == .bech32)
        #expect(Bech32.encode(hrp: decoded.hrp, data5: decoded.data5, variant: .bech32) == text.lowercased())
    }

    @Test(arguments: vectors?.valid_bech32m ?? []) func validBech32m(text: String) throws {
        let decoded = try Bech32.decode(text)
        #expect(decoded.variant == .bech32m)
        #expect(Bech32.encode(hrp: decoded.hrp, data5: decoded.data5, variant: .bech32m) == text.lowercased())
    }

    @Test(arguments: ((vectors?.invalid_bech32 ?? []) + (vectors?.invalid_bech32m ?? [])).map(\.string))
    func invalidString(text: String) {
        #expect(throws: Bech32Error.self) { try Bech32.decode(text) }
    }

    @Test func specificErrors() {
        #expect(throws: Bech32Error.invalidCharacter(" ", position: 1)) { try Bech32.decode(" 1nwldj5") }
        #expect(throws: Bech32Error.invalidCharacter("\u{7F}", position: 1)) { try Bech32.decode("\u{7F}1axkwrx") }
        #expect(throws: Bech32Error.tooLong(91)) {
            try Bech32.decode("an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx")
        }
        #expect(throws: Bech32Error.missingSeparator) { try Bech32.decode("pzry9x0s0muk") }
        #expect(throws: Bech32Error.emptyPrefix) { try Bech32.decode("1pzry9x0s0muk") }
        #expect(throws: Bech32Error.invalidCharacter("b", position: 3)) { try Bech32.decode("x1b4n0q5v") }
        #expect(throws: Bech32Error.checksumTooShort(5)) { try Bech32.decode("li1dgmt3") }
        #expect(throws: Bech32Error.invalidCharacter("ÿ", position: 9)) { try Bech32.decode("de1lg7wtÿ") }
        #expect(throws: Bech32Error.checksumMismatch) { try Bech32.decode("A1G7SGD8") }
        #expect(throws: Bech32Error.mixedCase) { try Bech32.decode("A12uEL5L") }
    }

    @Test func errorMessages() {
        #expect(Bech32Error.invalidCharacter("o", position: 12).description == "invalid character 'o' at position 12")
        #expect(Bech32Error.invalidCharacter(" ", position: 1).description == "invalid character U+0020 at position 1")
        #expect(Bech32Error.mixedCase.description == "mixed upper and lower case")
        #expect(Bech32Error.checksumMismatch.description == "checksum mismatch (mistyped or truncated)")
    }

    @Test func convertBits() throws {
        // 0xff 0x00 → 11111 11100 0000(0) with padding.
        #expect(try Bech32.convertBits([0xFF, 0x00], from: 8, to: 5, pad: true) == [31, 28, 0, 0])
        #expect(try Bech32.convertBits([31, 28, 0, 0], from: 5, to: 8, pad: false) == [0xFF, 0x00])
        #expect(throws: Bech32Error.invalidPadding) { try Bech32.convertBits([31, 28, 0, 1], from: 5, to: 8, pad: false) }
        #expect(throws: Bech32Error.valueOutOfRange(32, bits: 5)) { try Bech32.convertBits([32], from: 5, to: 8, pad: false) }
    }

    @Test func bech32mStringsAreNotBech32() throws {
        for text in (Self.vectors?.valid_bech32m ?? []) + (Self.vectors?.valid_bech32 ?? []) {
            let variant = try Bech32.decode(text).variant
            // Each valid string matches exactly one constant: its own list's.
            #expect((variant == .bech32m) == (Self.vectors?.valid_bech32m.contains(text) ?? false))
        }
    }

    @Test func roundTripRandom() throws {
        var rng = SeededRandom(seed: 0x5EED_B3C4)
        for _ in 0..<500 {
            let hrpLength = Int.random(in: 1...10, using: &rng)
            let hrp = String((0..<hrpLength).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &rng))) })
            let data = (0..<Int.random(in: 0...(80 - hrpLength), using: &rng)).map { _ in UInt8.random(in: 0..<32, using: &rng) }
            let variant: Bech32.Variant = Bool.random(using: &rng) ? .bech32 : .bech32m
            let text = Bech32.encode(hrp: hrp, data5: data, variant: variant)
            let decoded = try Bech32.decode(text)
            #expect(decoded.hrp == hrp && decoded.data5 == data && decoded.variant == variant)
            #expect(try Bech32.decode(text.uppercased()).data5 == data)
        }
    }
}

