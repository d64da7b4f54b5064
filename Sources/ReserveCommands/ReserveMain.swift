import ArgumentParser
import Bitcoin
import Foundation

/// Entry point shared by the executable and in-process tests: parses, runs, and maps errors to
/// DESIGN.md exit codes (usage 64, bad data 65, I/O 74, failed check 1).
public enum ReserveMain {
    public static func run() -> Never {
        exit(execute(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs `reserve` with `arguments` and returns its exit status instead of exiting.
    public static func execute(_ arguments: [String]) -> Int32 {
        do {
            var command = try Reserve.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let failure as CommandFailure {
            for line in failure.lines { Console.error("error: \(line)") }
            return failure.status.rawValue
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = Reserve.exitCode(for: error)
            if code == .success || code == .validationFailure || code.rawValue == 64 {
                let message = Reserve.fullMessage(for: error)
                if code == .success { Console.out(message) } else { Console.error(message) }
                return code == .success ? 0 : ExitStatus.usage.rawValue
            }
            Console.error("error: \(error)")
            return code == .failure ? ExitStatus.ioError.rawValue : code.rawValue
        }
    }
}

/// Writes to stdout/stderr without buffering surprises between the two.
public enum Console {
    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes `text` to stderr through ``guarded(_:)``.
    public static func error(_ text: String) {
        FileHandle.standardError.write(Data((guarded(text) + "\n").utf8))
    }

    /// Characters of one stderr line kept by ``guarded(_:)``.
    static let lineLimit = 2_000

    /// `text` with any private key redacted and each line cut at ``lineLimit`` characters: the last guard against
    /// echoing a key or megabytes of input, behind `Echo` where values are echoed.
    static func guarded(_ text: String) -> String {
        let redacted = Echo.redactingKeys(text)
        guard redacted.utf8.count > lineLimit else { return redacted }
        return redacted.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let count = line.count
            return count > lineLimit ? "\(line.prefix(lineLimit))… (\(count) characters)" : String(line)
        }.joined(separator: "\n")
    }

    /// Whether stderr is a terminal (progress is shown only then).
    public static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
