import ArgumentParser

/// DESIGN.md exit codes.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// A check failed: bad signature, broken chain, reconciliation mismatch, failed assertion, unproven reserves.
    case checkFailed = 1
    case usage = 64
    /// Bad input data; nothing was written.
    case dataError = 65
    /// I/O or database error.
    case ioError = 74

    public var exitCode: ExitCode { ExitCode(rawValue) }
}

/// An error the CLI reports as one line on stderr with a DESIGN.md exit code.
public struct CommandFailure: Error, CustomStringConvertible {
    public let status: ExitStatus
    /// One or more lines, each already naming file:line where there is one.
    public let lines: [String]

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.lines = [message]
    }

    public init(_ status: ExitStatus, lines: [String]) {
        self.status = status
        self.lines = lines
    }

    public var description: String { lines.joined(separator: "\n") }
}
