import Testing
@testable import Bitcoin

/// RIPEMD-160 reference vectors from the algorithm's authors (Bosselaers' page, "test vectors").
@Suite struct RIPEMD160Tests {
    static let vectors: [(String, String)] = [
        ("", "9c1185a5c5e9fc54612808977ee8f548b2258d31"),
        ("a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe"),
        ("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"),
        ("message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36"),
        ("abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "b0e20b6e3116640286ed3a87a5713079b21f5189"),
        (String(repeating: "1234567890", count: 8), "9b752e45573d4b39f4dbd3323cab82bf63326bfb"),
    ]

    @Test(arguments: vectors) func reference(input: String, expected: String) {
        #expect(Hex.encode(RIPEMD160.hash(Array(input.utf8))) == expected)
    }

    @Test func millionA() {
        let input = [UInt8](repeating: 0x61, count: 1_000_000)
        #expect(Hex.encode(RIPEMD160.hash(input)) == "52783243c1697bdbe16d37f97f68f08325dc1528")
    }

    @Test func hash160OfGenerator() {
        // HASH160 of the compressed generator point G (private key 1): the well-known P2PKH 1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH.
        let g = Hex.decode("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")!
        #expect(Hex.encode(Hashes.hash160(g)) == "751e76e8199196d454941c45d1b3a323f1433bd6")
    }

    @Test func taggedHashMatchesDefinition() {
        let tag = Hashes.sha256(Array("TapLeaf".utf8))
        #expect(Hashes.tagged("TapLeaf", [1, 2, 3]) == Hashes.sha256(tag + tag + [1, 2, 3]))
    }
}
