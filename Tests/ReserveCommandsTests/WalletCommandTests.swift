import Bitcoin
import Foundation
import Ledger
import TestSupport
import Testing
import Treasury

/// `reserve wallet add|list|addresses` against a ledger file, end to end through the binary.
@Suite struct WalletCommandTests {
    static let zpub = DescriptorCommandTests.zpub

    /// A fresh ledger file (network `network`) in `directory`; returns its path.
    func ledger(in directory: TemporaryDirectory, network: String = "main") throws -> String {
        let path = directory.path("reserve.sqlite")
        _ = try LedgerStore.create(at: path, settings: LedgerSettings(extra: ["network": network]),
                                   commodities: [try Commodity("PKR", scale: 2), try Commodity("BTC", scale: 8)],
                                   migrations: BookSchema.migrations)
        return path
    }

    @Test func addListAndAddresses() throws {
        let directory = try TemporaryDirectory("hd-wallet")
        let db = try ledger(in: directory)
        let add = try HDCLI.run(["wallet", "add", "Cold", "--descriptor", Self.zpub, "--gap-limit", "3", "--db", db])
        #expect(add.status == 0, "\(add.stderr)")
        let normal = try Descriptor(descriptorOrKey: Self.zpub).description
        #expect(add.stdout.contains("descriptor: \(normal)"))
        #expect(add.stdout.contains("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu"))

        let list = try HDCLI.run(["wallet", "list", "--format", "jsonl", "--db", db])
        #expect(list.status == 0)
        #expect(list.stdout.contains(#""name":"Cold","network":"main","gap_limit_count":3,"receive_derived_count":3,"change_derived_count":3"#))

        let receive = try HDCLI.run(["wallet", "addresses", "Cold", "--format", "jsonl", "--db", db])
        #expect(receive.lines.count == 3)
        #expect(receive.lines.first?.contains(#""chain":0,"index":0,"address":"bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu""#) == true)
        let change = try HDCLI.run(["wallet", "addresses", "Cold", "--change", "--start", "0", "--count", "1", "--format", "csv", "--db", db])
        #expect(change.lines == ["chain,index,address,script_pubkey",
                                 "1,0,bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el,00143e34985dca6fddc9fb369940e4c7d8e2873f529c"])
        // Past the derived table, addresses are derived on the fly and match `descriptor derive`.
        let far = try HDCLI.run(["wallet", "addresses", "Cold", "--start", "1000", "--count", "2", "--format", "jsonl", "--db", db])
        let direct = try HDCLI.run(["descriptor", "derive", Self.zpub, "--start", "1000", "--count", "2", "--format", "jsonl"])
        // The same records; each line names its own command.
        #expect(far.status == 0 && far.stdout.replacingOccurrences(of: "wallet addresses", with: "descriptor derive") == direct.stdout)
    }

    @Test func addressInspectNamesTheOwner() throws {
        let directory = try TemporaryDirectory("hd-wallet")
        let db = try ledger(in: directory)
        #expect(try HDCLI.run(["wallet", "add", "Cold", "--descriptor", Self.zpub, "--gap-limit", "2", "--db", db]).status == 0)
        let r = try HDCLI.run(["address", "inspect", "bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el",
                               "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "--format", "jsonl", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 2)
        #expect(r.lines.first?.hasSuffix(#","wallet":"Cold","chain":1,"index":0}"#) == true)
        #expect(r.lines.last?.hasSuffix(#","wallet":null,"chain":null,"index":null}"#) == true)
        // Without a ledger at --db, no owner fields.
        let none = try HDCLI.run(["address", "inspect", "bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el", "--format", "jsonl"])
        #expect(none.status == 0 && !none.stdout.contains("wallet"))
    }

    @Test func refusals() throws {
        let directory = try TemporaryDirectory("hd-wallet")
        let db = try ledger(in: directory)
        #expect(try HDCLI.run(["wallet", "add", "Cold", "--descriptor", Self.zpub, "--db", db]).status == 0)
        let again = try HDCLI.run(["wallet", "add", "Cold", "--descriptor", Self.zpub, "--db", db])
        #expect(again.status == 65 && again.stderr.contains("already exists"))
        let tpub = try ExtendedPublicKey(parsing: Self.zpub).encoded(as: .bip32Public(testnet: true))
        let mixed = try HDCLI.run(["wallet", "add", "T", "--descriptor", "wpkh(\(tpub)/0/*)", "--db", db])
        #expect(mixed.status == 65 && mixed.stderr.contains("mixed networks"))
        let xprv = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
        let secret = try HDCLI.run(["wallet", "add", "S", "--descriptor", "wpkh(\(xprv)/0/*)", "--db", db])
        #expect(secret.status == 65 && secret.stderr.contains("watch-only"))
        let gap = try HDCLI.run(["wallet", "add", "G", "--descriptor", "wpkh(\(tpub)/0/*)", "--gap-limit", "0", "--db", db])
        #expect(gap.status == 64)
        let unknown = try HDCLI.run(["wallet", "addresses", "Nope", "--db", db])
        #expect(unknown.status == 64 && unknown.stderr.contains("no wallet named Nope"))
        let missing = try HDCLI.run(["wallet", "list", "--db", db + ".missing"])
        #expect(missing.status == 74)
        let list = try HDCLI.run(["wallet", "list", "--format", "csv", "--db", db])
        #expect(list.lines.count == 2)
    }
}
