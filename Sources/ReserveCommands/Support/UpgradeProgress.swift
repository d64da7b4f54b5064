import Foundation

/// A long step without a measure of its own (`verify ledger`, an upgrade): on a terminal, after a second,
/// "LABEL: DETAIL, N s" redrawn every half second until `finish`; nothing when stderr is not a terminal.
final class ElapsedProgress: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private let lock = NSLock()
    private var timer: DispatchSourceTimer?
    private var shown = false
    private var detail = ""

    init(_ label: String) {
        self.label = label
        guard Console.stderrIsTerminal else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 0.5)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    /// What the step is doing now (shown before the seconds).
    func set(detail: String) {
        lock.lock()
        defer { lock.unlock() }
        self.detail = detail
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        guard timer != nil else { return }
        shown = true
        let seconds = Int(Date().timeIntervalSince(started))
        FileHandle.standardError.write(Data("\r\(label): \(detail.isEmpty ? "" : detail + ", ")\(seconds) s   ".utf8))
    }

    /// Stops the timer and clears the progress line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        timer?.cancel()
        timer = nil
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}

/// Progress of a ledger upgrade: an `ElapsedProgress` started by the first migration, naming the one running.
final class UpgradeProgress: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var progress: ElapsedProgress?

    init(path: String) { self.path = path }

    /// Called before each migration: `index` of `total`, its name.
    func step(_ index: Int, _ total: Int, _ name: String) {
        lock.lock()
        defer { lock.unlock() }
        if progress == nil { progress = ElapsedProgress("upgrading ledger \(path)") }
        progress?.set(detail: "migration \(index) of \(total) (\(name))")
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        progress?.finish()
    }
}
