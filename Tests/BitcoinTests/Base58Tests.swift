import TestSupport
import Testing
@testable import Bitcoin

/// Base58 and Base58Check: Bitcoin Core's base58_encode_decode vectors and well-known addresses.
@Suite struct Base58Tests {
    static let vectors: [(String, String)] = [
        ("", ""),
        ("61", "2g"),
        ("626262", "a3gV"),
        ("636363", "aPEr"),
        ("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"),
        ("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"),
        ("516b6fcd0f", "ABnLTmg"),
        ("bf4f89001e670274dd", "3SEo3LWLoPntC"),
        ("572e4794", "3EFU7m"),
        ("ecac89cad93923c02321", "EJDM8drfXA6uyA"),
        ("10c8511e", "Rt5zm"),
        ("00000000000000000000", "1111111111"),
    ]

    @Test(arguments: vectors) func encodeDecode(hex: String, text: String) throws {
        let bytes = try #require(Hex.decode(hex))
        #expect(Base58.encode(bytes) == text)
        #expect(try Base58.decode(text) == bytes)
    }

    @Test func checkKnownAddresses() throws {
        // HASH160 of the generator point G and its P2PKH address.
        let payload = try #require(Hex.decode("00751e76e8199196d454941c45d1b3a323f1433bd6"))
        #expect(Base58Check.encode(payload) == "1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH")
        #expect(try Base58Check.decode("1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH") == payload)
    }

    @Test func invalidCharacterNamesCharacterAndPosition() {
        #expect(throws: Base58Error.invalidCharacter("0", position: 3)) { try Base58.decode("1A0b") }
        #expect(throws: Base58Error.invalidCharacter("O", position: 1)) { try Base58.decode("O") }
        #expect(throws: Base58Error.invalidCharacter("l", position: 2)) { try Base58.decode("1l") }
        #expect(throws: Base58Error.invalidCharacter("é", position: 3)) { try Base58.decode("1Aé") }
        #expect(Base58Error.invalidCharacter("o", position: 12).description.hasPrefix("invalid character 'o' at position 12"))
    }

    @Test func checksumMismatch() {
        #expect(throws: Base58Error.checksumMismatch) { try Base58Check.decode("1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMJ") }
    }

    @Test func tooShortForChecksum() {
        #expect(throws: Base58Error.tooShort(bytes: 3)) { try Base58Check.decode("a3gV") }
    }

    @Test func roundTripRandom() throws {
        var rng = SeededRandom(seed: 58)
        for _ in 0..<500 {
            let zeros = Int.random(in: 0...3, using: &rng)
            let bytes = [UInt8](repeating: 0, count: zeros)
                + (0..<Int.random(in: 0...80, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(try Base58.decode(Base58.encode(bytes)) == bytes)
            #expect(try Base58Check.decode(Base58Check.encode(bytes)) == bytes)
        }
    }
}
