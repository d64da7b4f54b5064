import Foundation

/// A fresh directory under the system's temporary directory, removed with everything in it when the last
/// reference to it goes: when the test that holds it returns, fails or throws.
///
/// Every file a test makes (ledgers with their -wal and -shm files, inputs, exports) goes in one of these, held
/// for as long as anything still needs the files; a fixture that opens a ledger in it closes the ledger first.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    /// Creates `<tmp>/<prefix>-<UUID>`.
    public init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    /// The path of `name` in the directory (nothing is created).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
