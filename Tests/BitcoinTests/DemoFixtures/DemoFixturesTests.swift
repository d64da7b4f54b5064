import Foundation
import Testing
@testable import Bitcoin

/// TEST-ONLY fixtures: `REGENERATE_DEMO=1 swift test --filter DemoFixtures` rewrites fixtures/demo; otherwise the
/// generator runs in memory and the committed files must be identical (the fixtures are reproducible).
@Suite struct DemoFixturesTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/demo")

    @Test func committedFixturesAreReproducible() throws {
        var generator = DemoGenerator()
        let files = generator.generate()
        if ProcessInfo.processInfo.environment["REGENERATE_DEMO"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: Self.directory.appendingPathComponent(name)) }
        }
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let committed = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
            #expect(committed == text, "fixtures/demo/\(name) differs from the generator's output; regenerate it")
        }
    }

    @Test func privateDerivationMatchesTheXpub() throws {
        let hot = DemoHDKey(label: "hot")
        for (chain, index) in [(UInt32(0), UInt32(0)), (0, 2), (1, 11)] {
            let watched = try hot.xpub.child(chain).childKey(index)
            #expect(hot.child(chain).child(index).key.publicKey == watched)
        }
    }

    @Test func attestationsVerify() throws {
        var generator = DemoGenerator()
        let files = generator.generate()
        let lines = try #require(files["attestations.csv"]).split(separator: "\n").dropFirst()
        #expect(lines.count == 16)
        for line in lines {
            // address,"message, with commas",signature
            let parts = line.split(separator: "\"")
            let address = String(parts[0].dropLast())
            let message = String(parts[1])
            let signature = String(parts[2].dropFirst())
            let (result, _) = MessageVerifier.verify(address: address, message: message, signature: signature)
            #expect(result.isValid, "\(address): \(result)")
        }
    }
}
