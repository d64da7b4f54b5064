import Testing
@testable import Bitcoin

@Suite struct NetworkTests {
    @Test func namesAndAliases() {
        #expect(Network(name: "main") == .main)
        #expect(Network(name: "mainnet") == .main)
        #expect(Network(name: "test") == .test)
        #expect(Network(name: "testnet") == .test)
        #expect(Network(name: "testnet4") == .test)
        #expect(Network(name: "Signet") == .signet)
        #expect(Network(name: "regtest") == .regtest)
        #expect(Network(name: "litecoin") == nil)
        #expect(Network(name: "") == nil)
    }

    @Test func prefixes() {
        #expect(Network.allCases.map(\.bech32HRP) == ["bc", "tb", "tb", "bcrt"])
        #expect(Network.allCases.map(\.p2pkhVersion) == [0x00, 0x6F, 0x6F, 0x6F])
        #expect(Network.allCases.map(\.p2shVersion) == [0x05, 0xC4, 0xC4, 0xC4])
    }

    @Test func networkSet() {
        let set: NetworkSet = [.test, .signet]
        #expect(set.contains(Network.test) && set.contains(Network.signet) && !set.contains(Network.main))
        #expect(set.networks == [.test, .signet])
        #expect(set.description == "test|signet")
        #expect(NetworkSet.all.networks == Network.allCases)
    }
}
