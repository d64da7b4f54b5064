import Foundation

/// `PATH.writer`: the pid of the process inside a write transaction on the ledger at PATH, so that a writer which
/// gave up waiting can say who holds the lock. Best effort: where the mark cannot be written, no pid is given.
struct WriterMark {
    let file: String
    private let pid = getpid()

    /// Leaves this process's pid beside the ledger (called once the write lock is held).
    init(_ ledgerPath: String) {
        file = ledgerPath + ".writer"
        _ = FileManager.default.createFile(atPath: file, contents: Data("\(pid)\n".utf8))
    }

    /// Removes the mark unless another writer has replaced it since.
    func remove() {
        if WriterMark.recordedPid(file) == pid { unlink(file) }
    }

    /// The pid in the mark beside `ledgerPath` when that process is still running (a `kill -9`ed writer's mark is stale).
    static func activePid(_ ledgerPath: String) -> Int32? {
        guard let pid = recordedPid(ledgerPath + ".writer"), pid != getpid() else { return nil }
        return kill(pid, 0) == 0 || errno == EPERM ? pid : nil
    }

    private static func recordedPid(_ file: String) -> Int32? {
        guard let data = FileManager.default.contents(atPath: file), data.count < 32,
              let text = String(data: data, encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else { return nil }
        return pid
    }
}
