import Foundation
import Testing

/// Private keys pasted where an address belongs, and huge values, through the built binary: never echoed in
/// full on stdout or stderr.
@Suite(.serialized) struct SecretEchoTests {
    static let xprv = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
    static let wif = "L1aW4aubDFB7yfras2S1mN3bqg9nwySY8nkoLmJebSLD5BWv3ENZ"

    /// Whether either stream holds `secret` (or most of it).
    static func leaks(_ output: VerifyCLI.Output, _ secret: String) -> Bool {
        let part = String(secret.dropFirst(4).prefix(20))
        return (output.stdout + output.stderr).contains(part)
    }

    @Test func keysInAPayoutsAddressColumnAreRedacted() throws {
        let (cli, db) = try ImportCommandTests.ledger()
        let csv = try cli.write("keys.csv", """
            paid_at,pool,site,amount_btc,address,txid,vout
            2026-03-01,f2pool,guddu-1,0.1,\(SecretEchoTests.xprv),\(ImportCommandTests.hex(1)),0
            2026-03-01,f2pool,guddu-1,0.1,\(SecretEchoTests.wif),\(ImportCommandTests.hex(2)),0
            2026-03-01,f2pool,guddu-1,0.1,"wpkh(\(SecretEchoTests.xprv)/0/*)",\(ImportCommandTests.hex(3)),0

            """)
        for format in ["table", "json"] {
            for extra in [[], ["--dry-run"]] {
                let out = try cli.run(["import", "payouts", csv, "--format", format, "--db", db] + extra)
                #expect(out.status == 65)
                #expect(!SecretEchoTests.leaks(out, SecretEchoTests.xprv))
                #expect(!SecretEchoTests.leaks(out, SecretEchoTests.wif))
                #expect(out.stderr.contains("keys.csv:2: address: address xprv… (extended private key, redacted): private key (xprv)"))
                #expect(out.stderr.contains("keys.csv:3: address: address L1aW… (WIF private key, redacted): private key (WIF)"))
            }
        }
    }

    @Test func addressInspectRedactsKeysInEveryFormat() throws {
        let cli = try VerifyCLI()
        for format in ["table", "csv", "json", "jsonl"] {
            let out = try cli.run(["address", "inspect", SecretEchoTests.xprv, SecretEchoTests.wif, "--format", format])
            #expect(out.status == 1)
            #expect(!SecretEchoTests.leaks(out, SecretEchoTests.xprv))
            #expect(!SecretEchoTests.leaks(out, SecretEchoTests.wif))
            #expect(out.stdout.contains("xprv… (extended private key, redacted)"))
        }
        let file = try cli.write("keys.txt", "\(SecretEchoTests.wif)\n\(SecretEchoTests.xprv)\n")
        let out = try cli.run(["address", "inspect", "--file", file, "--format", "csv"])
        #expect(!SecretEchoTests.leaks(out, SecretEchoTests.xprv) && !SecretEchoTests.leaks(out, SecretEchoTests.wif))
        let descriptor = try cli.run(["descriptor", "derive", "wpkh(\(SecretEchoTests.wif))"])
        #expect(descriptor.status == 65 && !SecretEchoTests.leaks(descriptor, SecretEchoTests.wif))
        let message = try cli.run(["verify", "message", "--address", SecretEchoTests.wif, "--message", "m", "--signature", "AAAA"])
        #expect(message.status == 1 && !SecretEchoTests.leaks(message, SecretEchoTests.wif))
    }

    @Test func aTenMegabyteAddressGivesBoundedOutput() throws {
        let cli = try VerifyCLI()
        let big = "1" + String(repeating: "a", count: 10 * 1_048_576 - 1)
        let file = try cli.write("big.txt", big + "\n")
        let out = try cli.run(["address", "inspect", "--file", file, "--format", "jsonl"])
        #expect(out.status == 1)
        #expect(out.stdout.utf8.count + out.stderr.utf8.count < 1_000)
        #expect(out.stdout.contains("… (10485760 characters)"))
        #expect(out.stdout.contains("10485760 characters: too long for a Bitcoin address"))
        // In an import: a 500,000-character address field.
        let (cli2, db) = try ImportCommandTests.ledger()
        let csv = try cli2.write("big.csv", "paid_at,pool,site,amount_btc,address,txid,vout\n"
            + "2026-03-01,f2pool,guddu-1,0.1,1\(String(repeating: "b", count: 499_999)),\(ImportCommandTests.hex(1)),0\n")
        let imported = try cli2.run(["import", "payouts", csv, "--db", db])
        #expect(imported.status == 65)
        #expect(imported.stdout.utf8.count + imported.stderr.utf8.count < 1_000)
        #expect(imported.stderr.contains("… (500000 characters)"))
    }
}
