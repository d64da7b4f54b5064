import Foundation
import Testing
@testable import Bitcoin

/// BIP-32 test vectors 1–5 (public side), SLIP-132 versions and the watch-only refusals.
@Suite struct BIP32Tests {
    struct Chain: Sendable, CustomTestStringConvertible {
        let vector: Int
        let path: String
        let xpub: String
        let xprv: String
        var testDescription: String { "vector \(vector) \(path)" }
    }

    static let chains: [Chain] = {
        guard let file = try? VectorFile.object("bip32_vectors"), let valid = file["valid"] as? [[String: Any]] else { return [] }
        return valid.flatMap { v in
            (v["chains"] as? [[String: String]] ?? []).map {
                Chain(vector: v["vector"] as? Int ?? 0, path: ($0["path"] ?? "").replacingOccurrences(of: "H", with: "h"), xpub: $0["ext_pub"] ?? "", xprv: $0["ext_prv"] ?? "")
            }
        }
    }()

    static let invalid: [(key: String, reason: String)] = {
        guard let file = try? VectorFile.object("bip32_vectors"), let list = file["invalid"] as? [[String: String]] else { return [] }
        return list.map { ($0["key"] ?? "", $0["reason"] ?? "") }
    }()

    @Test func vectorCounts() {
        #expect(Self.chains.count == 17)
        #expect(Self.invalid.count == 16)
    }

    @Test(arguments: chains) func publicKeyRoundTrips(_ chain: Chain) throws {
        let key = try ExtendedPublicKey(parsing: chain.xpub)
        #expect(key.encoded() == chain.xpub)
        #expect(key.version.prefix == "xpub")
        let steps = try DerivationPath(parsing: chain.path).steps
        #expect(Int(key.depth) == steps.count)
        #expect(key.childNumber == (steps.last?.childNumber ?? 0))
    }

    @Test(arguments: chains) func privateKeyRefusedAsWatchOnly(_ chain: Chain) {
        #expect(throws: ExtendedKeyError.privateKey(kind: "xprv… (private extended key)")) {
            try ExtendedPublicKey(parsing: chain.xprv)
        }
    }

    /// Every chain whose last step is non-hardened is re-derived from its parent's xpub (CKDpub).
    @Test func publicChildDerivationMatchesVectors() throws {
        var checked = 0
        for (parent, child) in zip(Self.chains, Self.chains.dropFirst()) where child.vector == parent.vector {
            let step = try #require(try DerivationPath(parsing: child.path).steps.last)
            let parentKey = try ExtendedPublicKey(parsing: parent.xpub)
            if step.isHardened {
                #expect(throws: ExtendedKeyError.hardenedDerivation(step.description)) {
                    try parentKey.derive(path: DerivationPath([step]))
                }
                continue
            }
            let derived = try parentKey.child(step.index)
            #expect(derived.encoded() == child.xpub, "vector \(child.vector) \(child.path)")
            #expect(derived.parentFingerprint == parentKey.fingerprint)
            checked += 1
        }
        #expect(checked == 6)
    }

    @Test func vector1MasterFingerprint() throws {
        let master = try ExtendedPublicKey(parsing: Self.chains[0].xpub)
        // The fingerprint BIP-32 vector 1's m/0H names as its parent (3442193e).
        #expect(Hex.encode(master.fingerprint) == "3442193e")
        let child = try ExtendedPublicKey(parsing: Self.chains[1].xpub)
        #expect(Hex.encode(child.parentFingerprint) == "3442193e")
    }

    @Test(arguments: 0..<16) func vector5InvalidKeysRefused(_ n: Int) throws {
        let (key, reason) = Self.invalid[n]
        let error = #expect(throws: ExtendedKeyError.self) { try ExtendedPublicKey(parsing: key) }
        let expected: ExtendedKeyError
        if key.hasPrefix("xprv") {
            expected = .privateKey(kind: "xprv… (private extended key)")
        } else {
            switch reason {
            case "pubkey version / prvkey mismatch": expected = .privateKeyDataWithPublicVersion
            case "invalid pubkey prefix 04": expected = .invalidPublicKeyPrefix(4)
            case "invalid pubkey prefix 01": expected = .invalidPublicKeyPrefix(1)
            case "zero depth with non-zero parent fingerprint": expected = .zeroDepthWithParentFingerprint
            case "zero depth with non-zero index": expected = .zeroDepthWithChildNumber
            case "unknown extended key version":
                guard case .unknownVersion = error else { Issue.record("\(reason): got \(String(describing: error))"); return }
                return
            default:
                #expect(reason.hasPrefix("invalid pubkey 02"))
                expected = .invalidPublicKey(String(reason.dropFirst("invalid pubkey ".count)))
            }
        }
        #expect(error == expected, "\(reason)")
    }

    @Test func slip132VersionsImplyTheirScripts() throws {
        let xpub = try ExtendedPublicKey(parsing: Self.chains[0].xpub)
        for (prefix, script) in [("ypub", ImpliedScript.p2shP2wpkh), ("zpub", .p2wpkh), ("tpub", .p2pkh),
                                 ("upub", .p2shP2wpkh), ("vpub", .p2wpkh)] {
            let version = try #require(ExtendedKeyVersion.all.first { $0.prefix == prefix })
            let text = xpub.encoded(as: version)
            #expect(text.hasPrefix(prefix))
            let parsed = try ExtendedPublicKey(parsing: text)
            #expect(parsed.version.script == script)
            #expect(parsed.key == xpub.key && parsed.chainCode == xpub.chainCode)
            #expect(parsed.isTestnet == ["tpub", "upub", "vpub"].contains(prefix))
        }
    }

    @Test func multisigSlip132VersionsRefusedWithReason() throws {
        let xpub = try ExtendedPublicKey(parsing: Self.chains[0].xpub)
        for prefix in ["Ypub", "Zpub", "Upub", "Vpub"] {
            let version = try #require(ExtendedKeyVersion.all.first { $0.prefix == prefix })
            let text = xpub.encoded(as: version)
            #expect(text.hasPrefix(prefix))
            #expect(throws: ExtendedKeyError.multisigVersion(prefix)) { try ExtendedPublicKey(parsing: text) }
        }
    }

    @Test func everyPrivateVersionRefusedByName() throws {
        let xpub = try ExtendedPublicKey(parsing: Self.chains[0].xpub)
        for version in ExtendedKeyVersion.all where version.isPrivate {
            let text = xpub.encoded(as: version)
            #expect(throws: ExtendedKeyError.privateKey(kind: "\(version.prefix)… (private extended key)")) {
                try ExtendedPublicKey(parsing: text)
            }
            // The 78-byte form is refused too, whatever the key bytes.
            #expect(throws: ExtendedKeyError.privateKey(kind: "\(version.prefix)… (private extended key)")) {
                try ExtendedPublicKey(serialized: xpub.serialized(as: version))
            }
        }
    }

    @Test func badChecksumAndLength() throws {
        var text = Self.chains[0].xpub
        let last = text.removeLast()
        text.append(last == "8" ? "9" : "8")
        #expect(throws: ExtendedKeyError.self) { try ExtendedPublicKey(parsing: text) }
        #expect(throws: ExtendedKeyError.invalidLength(77)) { try ExtendedPublicKey(serialized: [UInt8](repeating: 4, count: 77)) }
    }

    @Test func pathsKeepTheirHardenedMarkers() throws {
        let path = try DerivationPath(parsing: "m/48h/0'/0h/2'")
        #expect(path.description == "48h/0'/0h/2'")
        #expect(path.steps.map(\.childNumber) == [0x8000_0030, 0x8000_0000, 0x8000_0000, 0x8000_0002])
        #expect(throws: DerivationPathError.invalidStep("0H")) { try DerivationPath(parsing: "0H") }
        #expect(throws: DerivationPathError.indexOutOfRange("2147483648")) { try DerivationPath(parsing: "2147483648") }
        #expect(throws: DerivationPathError.emptyStep) { try DerivationPath(parsing: "0//1") }
        #expect(throws: DerivationPathError.invalidStep("-1")) { try DerivationPath(parsing: "-1") }
        #expect(try DerivationPath(parsing: "2147483647h").steps[0].childNumber == 0xffff_ffff)
    }

    @Test func keyOriginParsesAndPrints() throws {
        let origin = try KeyOrigin(parsing: "d34db33f/84h/0'/0h")
        #expect(origin.fingerprint == [0xd3, 0x4d, 0xb3, 0x3f])
        #expect(origin.description == "d34db33f/84h/0'/0h")
        #expect(throws: KeyOriginError.invalidFingerprint("deadbef")) { try KeyOrigin(parsing: "deadbef/0h") }
    }

    @Test func preparedParentDerivesTheSameChildren() throws {
        for chain in Self.chains {
            let key = try ExtendedPublicKey(parsing: chain.xpub)
            let prepared = ChildKeyDeriver(key)
            for i: UInt32 in [0, 1, 2, 1_000_000_000, 0x7fff_ffff] {
                #expect(try prepared.publicKey(i) == key.childKey(i), "\(chain.testDescription) child \(i)")
            }
            #expect(throws: ExtendedKeyError.hardenedDerivation("0h")) { try prepared.publicKey(0x8000_0000) }
        }
    }

    @Test func depthLimitAndHardenedIndex() throws {
        let key = try ExtendedPublicKey(parsing: Self.chains[0].xpub)
        #expect(throws: ExtendedKeyError.hardenedDerivation("0h")) { try key.child(0x8000_0000) }
        let deep = ExtendedPublicKey(version: key.version, depth: 255, parentFingerprint: [1, 2, 3, 4], childNumber: 1,
                                     chainCode: key.chainCode, key: key.key)
        #expect(throws: ExtendedKeyError.depthOverflow) { try deep.child(0) }
    }
}
