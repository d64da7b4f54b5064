import Bitcoin

/// Addresses per second derived from descriptors (scriptPubKey and address text), one core: `wpkh(xpub/0/*)` and a 2-of-3 `wsh(sortedmulti(…))`.
func hdBench() throws {
    let xpubs = [
        "xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL",
        "xpub68NZiKmJWnxxS6aaHmn81bvJeTESw724CRDs6HbuccFQN9Ku14VQrADWgqbhhTHBaohPX4CjNLf9fq9MYo6oDaPPLPxSb7gwQN3ih19Zm4Y",
        "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8",
    ]
    let cases: [(String, String, Int, String)] = [
        ("hd wpkh(xpub/0/*) addresses", "wpkh(\(xpubs[0])/0/*)", 20_000, "≥ 20000/s"),
        ("hd wsh(sortedmulti(2,3 xpubs)) addresses", "wsh(sortedmulti(2,\(xpubs.map { $0 + "/0/*" }.joined(separator: ","))))",
         5_000, ""),
    ]
    for (name, text, count, target) in cases {
        let deriver = try DescriptorDeriver(Descriptor(parsing: text))
        let t = try median(runs: 3) {
            var bytes = 0
            for i in 0..<UInt32(count) {
                let spk = try deriver.scriptPubKey(at: i)
                bytes &+= (AddressPayload(scriptPubKey: spk).map { Address(payload: $0).encoded(for: .main) } ?? "").utf8.count
            }
            return bytes
        }
        report(name, Double(count) / t, "addr/s", target: target)
    }
}
