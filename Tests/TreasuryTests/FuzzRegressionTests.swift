import Foundation
import ParserFuzzing
import Testing

/// Every input under fixtures/fuzz/<target>/ (crashes libFuzzer found, kept after the fix) replayed through the
/// same entry `make fuzz` runs, without a sanitizer: each must return, not trap.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/fuzz")

    /// The regression inputs of `target`, sorted by name.
    static func inputs(_ target: FuzzTarget) throws -> [URL] {
        let folder = root.appendingPathComponent(target.rawValue)
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension != "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(arguments: FuzzTarget.allCases) func regressionInputsRunCleanly(_ target: FuzzTarget) throws {
        for input in try Self.inputs(target) {
            target.run(Array(try Data(contentsOf: input)))
        }
        // The empty input and a few hostile shapes every entry must take too.
        for bytes: [UInt8] in [[], [0], [0xFF, 0xFE], Array(repeating: 0x30, count: 4096), Array("\"\n,".utf8)] {
            target.run(bytes)
        }
    }

    /// Folders under fixtures/fuzz/ are named after targets, so no regression input is silently skipped.
    @Test func everyRegressionFolderIsATarget() throws {
        guard FileManager.default.fileExists(atPath: Self.root.path) else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root.path).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }
        for name in names { #expect(FuzzTarget(rawValue: name) != nil, "fixtures/fuzz/\(name) is not a fuzz target") }
    }
}
