import Testing
@testable import Bitcoin

/// `Echo`: private keys redacted wherever they sit in a value, long values cut with their length.
@Suite struct EchoTests {
    // BIP-32 test vector 1's master xprv; the Bitcoin wiki's WIF examples (uncompressed, compressed).
    static let xprv = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
    static let wif = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
    static let wifCompressed = "L1aW4aubDFB7yfras2S1mN3bqg9nwySY8nkoLmJebSLD5BWv3ENZ"

    @Test func keysAreRedactedToTheirTypeAndFirstFourCharacters() {
        #expect(Echo.value(EchoTests.xprv) == "xprv… (extended private key, redacted)")
        #expect(Echo.value(EchoTests.wif) == "5Hue… (WIF private key, redacted)")
        #expect(Echo.value(EchoTests.wifCompressed) == "L1aW… (WIF private key, redacted)")
        #expect(Echo.quoted(EchoTests.wif) == "\"5Hue… (WIF private key, redacted)\"")
        // Inside a descriptor, and mistyped (one character short): still redacted.
        #expect(Echo.value("wpkh(\(EchoTests.xprv)/0/*)") == "wpkh(xprv… (extended private key, redacted)/0/*)")
        #expect(Echo.value(String(EchoTests.xprv.dropLast())) == "xprv… (extended private key, redacted)")
        #expect(Echo.redactingKeys("a \(EchoTests.wifCompressed), b \(EchoTests.xprv)")
                == "a L1aW… (WIF private key, redacted), b xprv… (extended private key, redacted)")
    }

    @Test func publicKeysAddressesAndTxidsAreShownAsGiven() {
        let xpub = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8"
        for text in [xpub, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
                     String(repeating: "ab", count: 32), "xprv", "private key (xprv): refused"] {
            #expect(Echo.value(text) == text)
        }
    }

    @Test func longValuesAreCutWithTheirLength() {
        let big = String(repeating: "a", count: 10_485_760)
        let shown = Echo.value(big)
        #expect(Echo.limit == 120)
        #expect(shown == String(repeating: "a", count: 120) + "… (10485760 characters)")
        #expect(Echo.quoted(big) == "\"" + String(repeating: "a", count: 120) + "…\" (10485760 characters)")
        #expect(Echo.value(String(repeating: "é", count: 121)) == String(repeating: "é", count: 120) + "… (121 characters)")
        #expect(Echo.value(String(repeating: "b", count: 120)) == String(repeating: "b", count: 120))
    }

    @Test func longBase58TextIsRefusedUndecoded() {
        #expect(throws: AddressError.tooLong(characters: 1_000_001)) { try Address.parse("1" + String(repeating: "a", count: 1_000_000)) }
        // A bad character within the first 120 is still named.
        #expect(throws: AddressError.base58(.invalidCharacter("(", position: 5))) { try Address.parse("wpkh(" + String(repeating: "a", count: 200)) }
    }
}
