import Foundation

/// Progress of a ledger upgrade on stderr, shown only on a terminal and only once the upgrade has taken more than
/// a second: which migration of how many is running, redrawn every half second from a timer.
final class UpgradeProgress: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var started: Date?
    private var current = ""
    private var shown = false
    private var timer: DispatchSourceTimer?

    init(path: String) { self.path = path }

    /// Called before each migration: `index` of `total`, its name.
    func step(_ index: Int, _ total: Int, _ name: String) {
        guard Console.stderrIsTerminal else { return }
        lock.lock()
        defer { lock.unlock() }
        current = "migration \(index) of \(total) (\(name))"
        if started == nil {
            started = Date()
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + 1, repeating: 0.5)
            timer.setEventHandler { [weak self] in self?.draw() }
            timer.resume()
            self.timer = timer
        }
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        guard let started, timer != nil else { return }
        shown = true
        let seconds = Int(Date().timeIntervalSince(started))
        FileHandle.standardError.write(Data("\rupgrading ledger \(path): \(current), \(seconds) s   ".utf8))
    }

    /// Stops the timer and ends the progress line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        timer?.cancel()
        timer = nil
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
        shown = false
    }
}

/// A long step without a measure of its own (`verify ledger`): on a terminal, after a second, "LABEL: N s" redrawn
/// every half second until `finish`; nothing when stderr is not a terminal.
final class ElapsedProgress: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private let lock = NSLock()
    private var timer: DispatchSourceTimer?
    private var shown = false

    init(_ label: String) {
        self.label = label
        guard Console.stderrIsTerminal else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 0.5)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        guard timer != nil else { return }
        shown = true
        let seconds = Int(Date().timeIntervalSince(started))
        FileHandle.standardError.write(Data("\r\(label): \(seconds) s   ".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        timer?.cancel()
        timer = nil
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
