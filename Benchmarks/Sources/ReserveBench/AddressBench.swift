import Bitcoin

/// Address parsing and validation on one core: distinct valid addresses of each kind, parsed and
/// checked against the network. Targets: ≥ 2,000,000/s Bech32(m), ≥ 500,000/s Base58Check.
func addressBench() throws {
    let count = 200_000
    var state: UInt64 = 0x0ADD_2E55
    func nextBytes(_ n: Int) -> [UInt8] {
        (0..<n).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }
    let kinds: [(String, String, (Int) -> AddressPayload)] = [
        ("bech32 P2WPKH", "2,000,000/s", { _ in .witness(version: 0, program: nextBytes(20)) }),
        ("bech32m P2TR", "2,000,000/s", { _ in .witness(version: 1, program: nextBytes(32)) }),
        ("base58check P2PKH", "500,000/s", { _ in .p2pkh(nextBytes(20)) }),
    ]
    for (name, target, make) in kinds {
        let texts = (0..<count).map { Address(payload: make($0)).encoded(for: .main) }
        let time = try median(runs: 5) {
            var checksum = 0
            for text in texts {
                let address = try Address.parse(text)
                try address.require(.main)
                checksum &+= address.scriptPubKey.count
            }
            return checksum
        }
        report("address parse+validate, \(name)", Double(count) / time, "/s", target: target)
    }
}
