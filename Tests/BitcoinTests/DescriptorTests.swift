import Foundation
import Testing
@testable import Bitcoin

/// Descriptor parsing, errors with positions, multipath, the bare-key shorthand and tr() script trees.
@Suite struct DescriptorTests {
    /// BIP-84's account 0 key of "abandon … about" (m/84'/0'/0').
    static let bip84zpub = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs"
    static let xpubA = "xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL"
    static let xpubB = "xpub68NZiKmJWnxxS6aaHmn81bvJeTESw724CRDs6HbuccFQN9Ku14VQrADWgqbhhTHBaohPX4CjNLf9fq9MYo6oDaPPLPxSb7gwQN3ih19Zm4Y"

    func reason(_ text: String) -> DescriptorError? {
        do { _ = try Descriptor(descriptorOrKey: text); return nil } catch { return error }
    }

    @Test func bip84ShorthandDerivesTheBIPsKeys() throws {
        let d = try Descriptor(descriptorOrKey: Self.bip84zpub)
        #expect(d.branchCount == 2 && d.isRanged && d.networks == .main)
        #expect(d.body.hasPrefix("wpkh(xpub") && d.body.hasSuffix("/<0;1>/*)"))
        let receive = try DescriptorDeriver(d.branch(0))
        let change = try DescriptorDeriver(d.branch(1))
        // scriptPubKey = 0014 ‖ HASH160(pubkey) with the pubkeys BIP-84 lists for m/84'/0'/0'/0/0, /0/1 and /1/0.
        func p2wpkh(_ pub: String) -> String { "0014" + Hex.encode(Hashes.hash160(Hex.decode(pub) ?? [])) }
        #expect(Hex.encode(try receive.scriptPubKey(at: 0)) == p2wpkh("0330d54fd0dd420a6e5f8d3624f5f3482cae350f79d5f0753bf5beef9c2d91af3c"))
        #expect(Hex.encode(try receive.scriptPubKey(at: 1)) == p2wpkh("03e775fd51f0dfb8cd865d9ff1cca2a158cf651fe997fdc9fee9c1d3b5e995ea77"))
        #expect(Hex.encode(try change.scriptPubKey(at: 0)) == p2wpkh("03025324888e429ab8e3dbaf1f7802648b9cd01e9b418485c5fa4c1b9b5700e1a6"))
        // The same key written as a descriptor over /0/* gives the same receive scripts.
        let explicit = try DescriptorDeriver(Descriptor(parsing: "wpkh(\(Self.bip84zpub)/0/*)"))
        #expect(try explicit.scriptPubKey(at: 7) == receive.scriptPubKey(at: 7))
    }

    @Test func shorthandKeepsAnOriginAndExplicitSteps() throws {
        let d = try Descriptor(descriptorOrKey: "[d34db33f/84h/0'/0h]\(Self.bip84zpub)/1/*")
        #expect(d.branchCount == 1)
        #expect(d.body.hasPrefix("wpkh([d34db33f/84h/0'/0h]xpub") && d.body.hasSuffix("/1/*)"))
        let change = try DescriptorDeriver(Descriptor(descriptorOrKey: Self.bip84zpub).branch(1))
        #expect(try DescriptorDeriver(d).scriptPubKey(at: 3) == change.scriptPubKey(at: 3))
        // Errors point into the text as given, not into the implied wrapper.
        #expect(reason("\(Self.bip84zpub)/0h/*")?.position == 112)
    }

    @Test func shorthandScriptsFollowTheVersion() throws {
        let x = try ExtendedPublicKey(parsing: Self.xpubA)
        for (prefix, head) in [("xpub", "pkh("), ("ypub", "sh(wpkh("), ("zpub", "wpkh("), ("tpub", "pkh("),
                               ("upub", "sh(wpkh("), ("vpub", "wpkh(")] {
            let version = try #require(ExtendedKeyVersion.all.first { $0.prefix == prefix })
            let d = try Descriptor(descriptorOrKey: x.encoded(as: version))
            #expect(d.body.hasPrefix(head), "\(prefix)")
            #expect(d.networks == (["tpub", "upub", "vpub"].contains(prefix) ? [.test, .signet, .regtest] : .main))
        }
    }

    @Test func multipathSplitsIntoReceiveAndChange() throws {
        let d = try Descriptor(parsing: "wsh(sortedmulti(2,[deadbeef/48h/0h/0h/2h]\(Self.xpubA)/<0;1>/*,\(Self.xpubB)/<0;1>/*))")
        #expect(d.branchCount == 2)
        let receive = try DescriptorDeriver(d.branch(0))
        let change = try DescriptorDeriver(d.branch(1))
        let r = try DescriptorDeriver(Descriptor(parsing: "wsh(sortedmulti(2,\(Self.xpubA)/0/*,\(Self.xpubB)/0/*))"))
        let c = try DescriptorDeriver(Descriptor(parsing: "wsh(sortedmulti(2,\(Self.xpubA)/1/*,\(Self.xpubB)/1/*))"))
        for i: UInt32 in [0, 1, 2_147_483_647] {
            #expect(try receive.scriptPubKey(at: i) == r.scriptPubKey(at: i))
            #expect(try change.scriptPubKey(at: i) == c.scriptPubKey(at: i))
        }
        #expect(d.branch(1).body.contains("/1/*"))
    }

    @Test func printingKeepsHardenedMarkersAndAddsChecksum() throws {
        let text = "pkh([deadbeef/44'/0h/0']\(Self.xpubA)/0/*)"
        let d = try Descriptor(parsing: text)
        #expect(d.body == text)
        #expect(d.description == text + "#" + (DescriptorChecksum.compute(text) ?? ""))
        #expect(try Descriptor(parsing: d.description, requireChecksum: true) == d)
    }

    @Test func errorsNamePositionAndReason() throws {
        let key = "03a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bd"
        #expect(reason("raw(deadbeef)#89f8spxn") == DescriptorError(.badChecksum(expected: "89f8spxm", found: "89f8spxn"), at: 13))
        #expect(reason("wpkh(\(key)") == DescriptorError(.expected("')'", found: "end of descriptor"), at: 71))
        #expect(reason("foo(\(key))") == DescriptorError(.unknownFunction("foo"), at: 0))
        #expect(reason("sh(wsh(wpkh(\(key))))")?.reason == .notAllowedHere("wpkh", context: "inside wsh() (only at top level or inside sh())"))
        #expect(reason("combo(\(key))")?.reason == .unsupported("combo()", why: DescriptorParser.unsupportedFunctions["combo"] ?? ""))
        #expect(reason("wsh(and_v(v:pk(\(key)),older(1)))")?.reason == .unsupported("and_v()", why: "miniscript is not derived by this tool"))
        let uncompressed = "04a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bd5b8dec5235a0fa8722476c7709c02559e3aa73aa03918ba2d492eea75abea235"
        #expect(reason("wpkh(\(uncompressed))") == DescriptorError(.keyNotValidHere("uncompressed public key in segwit (wpkh, wsh)"), at: 5))
        #expect(reason("pkh(a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bd)")?.reason
                == .keyNotValidHere("x-only (32-byte) keys are only valid inside tr()"))
        let tpub = try ExtendedPublicKey(parsing: Self.xpubB).encoded(as: .bip32Public(testnet: true))
        let mixed = "wsh(multi(1,\(Self.xpubA)/0/*,\(tpub)/0/*))"
        #expect(reason(mixed) == DescriptorError(.mixedNetworks("tpub key is for test|signet|regtest, earlier keys for main"), at: 128))
        #expect(reason("sh(wpkh(\(tpub)/0/*))")?.reason == nil)
        #expect(reason("addr(bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4)") == nil)
        #expect(reason("addr(bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5)")?.position == 5)
        #expect(reason("wpkh(\(Self.xpubA)/0h/*)")?.reason
                == .invalidPath(ExtendedKeyError.hardenedDerivation("0h").description))
        #expect(reason("wpkh(\(Self.xpubA)/<0;1>/<2;3>/*)")?.reason == .multipathMismatch("more than one <…> step in a key"))
        #expect(reason("wsh(multi(1,\(Self.xpubA)/<0;1>/*,\(Self.xpubB)/<0;1;2>/*))")?.reason
                == .multipathMismatch("'<0;1;2>' has 3 branches, an earlier key has 2"))
        #expect(reason("raw(deadbeef)x")?.reason == .trailingCharacters("x"))
        #expect(reason("multi(2,\(key))")?.reason == .invalidThreshold("2 of 1 keys (must be 1 to 1)"))
    }

    @Test func indexBoundsOfRangedKeys() throws {
        let d = try DescriptorDeriver(Descriptor(parsing: "wpkh(\(Self.xpubA)/0/*)"))
        #expect(throws: Never.self) { try d.scriptPubKey(at: 0x7fff_ffff) }
        #expect(throws: ExtendedKeyError.hardenedDerivation("0h")) { try d.scriptPubKey(at: 0x8000_0000) }
    }

    /// BIP-341 wallet vectors whose leaves are all `<key> OP_CHECKSIG` (version 0xc0) written as tr() descriptors.
    @Test func bip341WalletVectorsAsTrDescriptors() throws {
        let file = try VectorFile.object("bip341_wallet_vectors")
        let entries = try #require(file["scriptPubKey"] as? [[String: Any]])
        func tree(_ node: Any) -> String? {
            if let pair = node as? [Any], pair.count == 2, let l = tree(pair[0]), let r = tree(pair[1]) { return "{\(l),\(r)}" }
            guard let leaf = node as? [String: Any], leaf["leafVersion"] as? Int == 192,
                  let script = leaf["script"] as? String, script.count == 68,
                  script.hasPrefix("20"), script.hasSuffix("ac") else { return nil }
            return "pk(\(script.dropFirst(2).dropLast(2)))"
        }
        var derived: [Int] = []
        for (n, e) in entries.enumerated() {
            let given = try #require(e["given"] as? [String: Any])
            let expected = try #require(e["expected"] as? [String: Any])
            let internalKey = try #require(given["internalPubkey"] as? String)
            var text = "tr(\(internalKey))"
            if let t = given["scriptTree"], !(t is NSNull) {
                guard let leaves = tree(t) else { continue }
                text = "tr(\(internalKey),\(leaves))"
            }
            let d = try DescriptorDeriver(Descriptor(parsing: text))
            #expect(Hex.encode(try d.scriptPubKey(at: 0)) == expected["scriptPubKey"] as? String, "vector \(n)")
            derived.append(n)
        }
        // Vector 3 has a leaf of version 0xfa and vector 4 a non-key leaf script: not expressible with pk() leaves.
        #expect(derived == [0, 1, 2, 5, 6])
    }

    @Test func trScriptTreesRefuseOtherLeavesByName() {
        let x = "a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bd"
        #expect(reason("tr(\(x),multi_a(1,\(x)))")?.reason == .unsupported("multi_a()", why: DescriptorParser.unsupportedFunctions["multi_a"] ?? ""))
        #expect(reason("tr(\(x),pkh(\(x)))")?.reason == .unsupported("pkh() in a tr() script tree", why: "only pk() leaves are derived"))
        #expect(reason("tr(\(x),{pk(\(x))})")?.reason == .expected("','", found: "'})'"))
    }

    @Test func noPrivateKeyIsAcceptedAnywhere() throws {
        let wifs = ["5KYZdUEo39z3FPrtuX2QbbwGnNP5zTd7yyr2SC1j299sBCnWjss", "L4rK1yDtCWekvXuE6oXD9jCYfFNV2cWRpVuPLBcCU2z8TrisoyY1",
                    "cVt4o7BGAig1UXywgGSmARhxMdzP5qvQsxKkSsc1XEkw3tDTQFpy"]
        let xprv = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
        let x = try ExtendedPublicKey(parsing: Self.xpubA)
        var secrets = wifs + [xprv]
        for v in ExtendedKeyVersion.all where v.isPrivate { secrets.append(x.encoded(as: v)) }
        for secret in secrets {
            let forms = [secret, "pkh(\(secret))", "wpkh(\(secret)/0/*)", "sh(wpkh([deadbeef/0h]\(secret)))",
                         "wsh(sortedmulti(1,\(Self.xpubA)/0/*,\(secret)/0/*))", "tr(\(secret))",
                         "tr(a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bd,pk(\(secret)))"]
            for form in forms {
                guard case .privateKey(let why)? = reason(form)?.reason else {
                    Issue.record("accepted or misreported: \(form.prefix(40)) → \(String(describing: reason(form)))")
                    continue
                }
                #expect(why.contains("watch-only"))
            }
        }
    }
}
