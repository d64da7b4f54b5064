import Foundation
import GRDB

extension LedgerStore {
    /// Writes a consistent copy of this ledger to `destination` (refused when a file exists there) and returns
    /// its path.
    ///
    /// SQLite's online backup API copies every page in one step inside one read transaction, so the copy holds
    /// exactly the commits made before it started, whatever another process is writing meanwhile (an open write
    /// transaction is not seen). The copy is built in `.NAME.backup-PID` beside the destination, synced, then
    /// linked into place and the directory synced: a failure or kill leaves no file at `destination`. A source
    /// read `immutable` (no lock) is copied again if its file changed during the copy. Disk full, a missing
    /// directory or permission denied throw ``LedgerError/database(_:)`` naming the destination.
    @discardableResult
    public func backup(to destination: String) throws -> String {
        guard !FileManager.default.fileExists(atPath: destination) else { throw LedgerError.ledgerExists(path: destination) }
        if let path, FileManager.default.fileExists(atPath: path),
           URL(fileURLWithPath: path).standardizedFileURL == URL(fileURLWithPath: destination).standardizedFileURL {
            throw LedgerError.ledgerExists(path: destination)
        }
        let staging = StagingFile(for: destination, purpose: "backup")
        staging.removeStale()
        do {
            try copyPages(to: staging.path, target: destination)
            try staging.syncFile()
            try staging.install()
        } catch {
            staging.remove()
            throw error
        }
        return destination
    }

    /// Copies every page into a new file at `path`; retries a copy of an `immutable` source that changed meanwhile.
    private func copyPages(to path: String, target: String) throws {
        let immutable = database.path.hasSuffix("?immutable=1")
        for attempt in 1...3 {
            let before = immutable ? FileStamp(self.path) : nil
            do {
                var config = Configuration()
                config.busyMode = .timeout(max(1, waitSeconds))
                let copy = try DatabaseQueue(path: path, configuration: config)
                try database.backup(to: copy)
                try copy.close()
            } catch let error as DatabaseError {
                throw LedgerError.database("\(target): cannot write the backup (\(error.message ?? error.description)); nothing was written")
            }
            if before == nil || before == FileStamp(self.path) { return }
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
            if attempt == 3 {
                throw LedgerError.database("\(target): the ledger kept changing during the copy; nothing was written, try again")
            }
        }
    }
}

/// Size and modification time of a file: how an unlocked (immutable) read notices a writer.
private struct FileStamp: Equatable {
    let size: Int64?
    let modified: Date?
    let walSize: Int64?

    init(_ path: String?) {
        let attributes = path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0) }
        size = (attributes?[.size] as? NSNumber)?.int64Value
        modified = attributes?[.modificationDate] as? Date
        walSize = path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0 + "-wal")[.size] as? NSNumber }?.int64Value
    }
}
