import Foundation
import Bitcoin
import GRDB
import Ledger
import Testing
@testable import Treasury

/// The wallet registry: registration checks, the derived-address table and its gap, owner lookups.
@Suite struct WalletRegistryTests {
    /// BIP-84's account 0 key of "abandon … about"; its first receive address is bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu.
    static let zpub = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs"
    static let xpubA = "xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL"
    static let xpubB = "xpub68NZiKmJWnxxS6aaHmn81bvJeTESw724CRDs6HbuccFQN9Ku14VQrADWgqbhhTHBaohPX4CjNLf9fq9MYo6oDaPPLPxSb7gwQN3ih19Zm4Y"

    func registry(network: String = "main") throws -> WalletRegistry {
        let store = try LedgerStore.inMemory(
            settings: LedgerSettings(extra: ["network": network]),
            commodities: [try Commodity("PKR", scale: 2), try Commodity("BTC", scale: 8)],
            migrations: BookSchema.migrations)
        return WalletRegistry(store: store)
    }

    func spk(_ address: String) throws -> [UInt8] { try Address.parse(address).scriptPubKey }

    @Test func bareZpubRegistersBothChainsAndFindsOwners() throws {
        let r = try registry()
        let w = try r.add(name: "Cold", descriptor: Self.zpub)
        #expect(w.descriptor.hasPrefix("wpkh(xpub") && w.descriptor.contains("/<0;1>/*)#"))
        #expect(w.account == "Assets:Reserve:Cold")
        #expect(try r.derivedCounts(w, chain: 0).derived == 20)
        #expect(try r.derivedCounts(w, chain: 1).derived == 20)
        let first = try #require(try r.owner(ofScriptPubKey: spk("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu")))
        #expect(first.wallet == "Cold" && first.chain == 0 && first.index == 0 && !first.used)
        #expect(first.address == "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu")
        let change = try #require(try r.owner(ofScriptPubKey: spk("bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el")))
        #expect(change.chain == 1 && change.index == 0)
        #expect(try r.owner(ofScriptPubKey: spk("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")) == nil)
        #expect(try r.owner(ofAddress: "bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el") == change)
        #expect(try r.owner(ofAddress: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4") == nil)
    }

    @Test func usingAnAddressKeepsTheGapAhead() throws {
        let r = try registry()
        let w = try r.add(name: "hot-1", descriptor: "wpkh(\(Self.xpubA)/0/*)", gapLimit: 5)
        #expect(try r.derivedCounts(w, chain: 0).derived == 5)
        #expect(try r.derivedCounts(w, chain: 1).derived == 0)
        let fourth = try r.addresses(w, chain: 0, range: 4..<5)[0]
        let marked = try #require(try r.markUsed(scriptPubKey: fourth.scriptPubKey))
        #expect(marked.used && marked.index == 4)
        let counts = try r.derivedCounts(w, chain: 0)
        #expect(counts.derived == 10 && counts.highestUsed == 4)
        // Marking an earlier address derives nothing more; the stored rows equal fresh derivation.
        _ = try r.markUsed(scriptPubKey: r.addresses(w, chain: 0, range: 1..<2)[0].scriptPubKey)
        #expect(try r.derivedCounts(w, chain: 0).derived == 10)
        let deriver = try DescriptorDeriver(Descriptor(parsing: "wpkh(\(Self.xpubA)/0/*)"))
        for a in try r.addresses(w, chain: 0, range: 0..<12) {
            #expect(a.scriptPubKey == (try deriver.scriptPubKey(at: a.index)))
        }
    }

    @Test func separateChangeDescriptorAndMultisig() throws {
        let r = try registry()
        let receive = "wsh(sortedmulti(2,\(Self.xpubA)/0/*,\(Self.xpubB)/0/*))"
        let change = "wsh(sortedmulti(2,\(Self.xpubA)/1/*,\(Self.xpubB)/1/*))"
        let w = try r.add(name: "Vault", descriptor: receive, changeDescriptor: change, gapLimit: 3)
        let multipath = try DescriptorDeriver(Descriptor(parsing:
            "wsh(sortedmulti(2,\(Self.xpubA)/<0;1>/*,\(Self.xpubB)/<0;1>/*))").branch(1))
        let stored = try r.addresses(w, chain: 1, range: 0..<3)
        #expect(stored.map(\.scriptPubKey) == (try (0..<3).map { try multipath.scriptPubKey(at: $0) }))
        #expect(stored.allSatisfy { $0.address?.hasPrefix("bc1q") == true })
    }

    @Test func refusals() throws {
        let r = try registry()
        try r.add(name: "Cold", descriptor: Self.zpub, gapLimit: 2)
        #expect(throws: WalletError.duplicateName("Cold")) { try r.add(name: "Cold", descriptor: "wpkh(\(Self.xpubA)/0/*)") }
        #expect(throws: WalletError.invalidName("-x")) { try r.add(name: "-x", descriptor: Self.zpub) }
        #expect(throws: WalletError.invalidName("a b")) { try r.add(name: "a b", descriptor: Self.zpub) }
        #expect(throws: WalletError.invalidGapLimit(0)) { try r.add(name: "G", descriptor: Self.zpub, gapLimit: 0) }
        #expect(throws: WalletError.changeGivenTwice) {
            try r.add(name: "T", descriptor: Self.zpub, changeDescriptor: "wpkh(\(Self.xpubA)/1/*)")
        }
        let tpub = try ExtendedPublicKey(parsing: Self.xpubA).encoded(as: .bip32Public(testnet: true))
        #expect(throws: WalletError.networkMismatch(descriptor: "test|signet|regtest", ledger: .main)) {
            try r.add(name: "Test", descriptor: "wpkh(\(tpub)/0/*)")
        }
        // The same key under another name would claim Cold's addresses.
        #expect(throws: WalletError.addressTaken(address: "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", wallet: "Cold")) {
            try r.add(name: "Copy", descriptor: "wpkh(\(Self.zpub)/0/*)")
        }
        #expect(try r.wallets().map(\.name) == ["Cold"])
        let bad = #expect(throws: WalletError.self) { try r.add(name: "Bad", descriptor: "wpkh(\(Self.xpubA)/0/*)#xxxxxxxx") }
        guard case .descriptor(option: "descriptor", let e)? = bad, case .badChecksum = e.reason else {
            Issue.record("expected a checksum error, got \(String(describing: bad))")
            return
        }
    }

    @Test func testnetLedgerDerivesTestnetAddresses() throws {
        let r = try registry(network: "regtest")
        let tpub = try ExtendedPublicKey(parsing: Self.xpubA).encoded(as: .bip32Public(testnet: true))
        let w = try r.add(name: "Reg", descriptor: "wpkh(\(tpub)/<0;1>/*)", gapLimit: 1)
        #expect(w.network == .regtest)
        #expect(try r.addresses(w, chain: 1, range: 0..<1)[0].address?.hasPrefix("bcrt1q") == true)
    }

    @Test func ownerLookupIsOneIndexedSearch() throws {
        let r = try registry()
        try r.add(name: "Cold", descriptor: Self.zpub, gapLimit: 2)
        let plan = try r.store.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT w.name, a.chain, a.idx FROM wallet_address a JOIN wallet w ON w.id = a.wallet_id
                WHERE a.script_pubkey = ?
                """, arguments: [Data([0])]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("wallet_address_by_script") })
        #expect(!plan.contains { $0.hasPrefix("SCAN") })
        let byAddress = try r.store.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT w.name FROM wallet_address a JOIN wallet w ON w.id = a.wallet_id WHERE a.address = ?
                """, arguments: ["bc1q"]).map { $0["detail"] as String }
        }
        #expect(byAddress.contains { $0.contains("wallet_address_by_address") })
        #expect(!byAddress.contains { $0.hasPrefix("SCAN") })
    }
}
