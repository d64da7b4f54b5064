import Foundation
import Testing
@testable import Bitcoin

/// descriptor_vectors.json (BIP-380..387): every public-key entry derives exactly or is refused as
/// unsupported (listed below with the reason); every private-key entry is refused as watch-only.
@Suite struct DescriptorVectorTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        let bip: String
        let descriptor: String
        let scripts: [String]
        let isValid: Bool
        var testDescription: String { "\(bip) \(descriptor.prefix(60))" }
    }

    static let entries: [Entry] = {
        guard let file = try? VectorFile.object("descriptor_vectors"),
              let blocks = file["descriptors"] as? [String: [String: Any]] else { return [] }
        var out: [Entry] = []
        for (bip, block) in blocks.sorted(by: { $0.key < $1.key }) {
            for v in block["valid"] as? [[String: Any]] ?? [] {
                out.append(Entry(bip: bip, descriptor: v["descriptor"] as? String ?? "",
                                 scripts: v["scripts"] as? [String] ?? [], isValid: true))
            }
            for v in block["invalid"] as? [[String: Any]] ?? [] {
                out.append(Entry(bip: bip, descriptor: v["descriptor"] as? String ?? "", scripts: [], isValid: false))
            }
        }
        return out
    }()

    /// Public-key entries this tool refuses as unsupported, and why.
    static let unsupported: [String: String] = [
        "combo(": "combo() means several scripts at once; a reserve wallet names the one it uses",
        "multi_a(1,669b": "tapscript multisig (multi_a, BIP-387) is not derived",
        "sortedmulti_a(2,xpub": "tapscript multisig (sortedmulti_a, BIP-387) is not derived",
    ]

    /// Whether the text holds a private key: an xprv or a WIF (51–52 Base58 characters from 5, K or L).
    static func holdsPrivateKey(_ text: String) -> Bool {
        if text.contains("xprv") { return true }
        return text.split(whereSeparator: { "(),[]/".contains($0) }).contains { token in
            (token.count == 51 || token.count == 52) && "5KL".contains(token.first ?? " ")
                && !token.allSatisfy(\.isHexDigit)
        }
    }

    @Test func entryCounts() {
        #expect(Self.entries.filter(\.isValid).count == 58)
        #expect(Self.entries.filter { !$0.isValid }.count == 39)
    }

    @Test(arguments: entries.filter(\.isValid)) func validEntry(_ e: Entry) throws {
        if Self.holdsPrivateKey(e.descriptor) {
            let error = #expect(throws: DescriptorError.self) { try Descriptor(parsing: e.descriptor) }
            guard case .privateKey(let why) = error?.reason else {
                Issue.record("expected a watch-only refusal, got \(String(describing: error))")
                return
            }
            #expect(why.contains("watch-only"))
            return
        }
        if let why = Self.unsupported.first(where: { e.descriptor.contains($0.key) })?.value {
            let error = #expect(throws: DescriptorError.self, "\(why)") { try Descriptor(parsing: e.descriptor) }
            guard case .unsupported = error?.reason else {
                Issue.record("expected unsupported, got \(String(describing: error))")
                return
            }
            return
        }
        let descriptor = try Descriptor(parsing: e.descriptor)
        let deriver = try DescriptorDeriver(descriptor)
        for (i, expected) in e.scripts.enumerated() {
            #expect(Hex.encode(try deriver.scriptPubKey(at: UInt32(i))) == expected, "index \(i)")
        }
        #expect(deriver.isRanged == (e.scripts.count > 1))
        // The normal form parses back to the same scripts, and carries a valid checksum.
        let again = try DescriptorDeriver(Descriptor(parsing: descriptor.description, requireChecksum: true))
        for (i, expected) in e.scripts.enumerated() {
            #expect(Hex.encode(try again.scriptPubKey(at: UInt32(i))) == expected)
        }
    }

    @Test(arguments: entries.filter { !$0.isValid }) func invalidEntryRefused(_ e: Entry) {
        #expect(throws: DescriptorError.self) { try Descriptor(parsing: e.descriptor) }
    }

    @Test func checksumTests() throws {
        let file = try VectorFile.object("descriptor_vectors")
        let tests = try #require(file["checksum_tests"] as? [[String: String]])
        #expect(tests.count == 8)
        for t in tests {
            let text = t["descriptor"] ?? ""
            if t["expected"] == "valid" {
                #expect(throws: Never.self, "\(t["description"] ?? "")") { try Descriptor(parsing: text) }
            } else {
                #expect(throws: DescriptorError.self, "\(t["description"] ?? "")") { try Descriptor(parsing: text) }
            }
        }
        #expect(DescriptorChecksum.compute("raw(deadbeef)") == "89f8spxm")
    }

    @Test func keyExpressions() throws {
        let file = try VectorFile.object("descriptor_vectors")
        let block = try #require(file["key_expressions"] as? [String: Any])
        let valid = try #require(block["valid"] as? [[String: String]])
        let invalid = try #require(block["invalid"] as? [[String: String]])
        var parsed = 0
        for v in valid {
            let expr = v["expression"] ?? ""
            let result = Result { () throws(DescriptorError) in try Descriptor(parsing: "pkh(\(expr))") }
            if Self.holdsPrivateKey(expr) {
                guard case .failure(let e) = result, case .privateKey = e.reason else {
                    Issue.record("\(v["description"] ?? ""): expected watch-only refusal, got \(result)")
                    continue
                }
            } else if let keyPart = expr.split(separator: "]").last, keyPart.contains("h/") || keyPart.hasSuffix("*h") {
                // Hardened steps after an xpub are valid BIP-380 but underivable without the private key.
                guard case .failure(let e) = result, case .invalidPath(let why) = e.reason, why.contains("hardened") else {
                    Issue.record("\(v["description"] ?? ""): expected a hardened-step refusal, got \(result)")
                    continue
                }
            } else {
                #expect(throws: Never.self, "\(v["description"] ?? "")") { try result.get() }
                parsed += 1
            }
        }
        #expect(parsed == 9)
        for v in invalid {
            #expect(throws: DescriptorError.self, "\(v["description"] ?? "")") {
                try Descriptor(parsing: "pkh(\(v["expression"] ?? ""))")
            }
        }
    }
}
