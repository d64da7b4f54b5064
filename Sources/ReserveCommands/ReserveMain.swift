import ArgumentParser
import Bitcoin
import Foundation
import Treasury

/// Entry point shared by the executable and in-process tests: parses, runs, and maps errors to
/// DESIGN.md exit codes (usage 64, bad data 65, I/O 74, failed check 1).
public enum ReserveMain {
    public static func run() -> Never {
        exit(execute(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs `reserve` with `arguments` and returns its exit status instead of exiting.
    public static func execute(_ arguments: [String]) -> Int32 {
        if arguments == ["--version"] || arguments == ["version"] {
            Console.out(ReserveVersion.text)
            return 0
        }
        let resolved = Suggestions.resolve(arguments)
        if let unknown = resolved.unknown, let group = resolved.path.last {
            let names = Suggestions.subcommandNames(group)
            let prefix = (resolved.path.dropFirst().map { $0._commandName } + [""]).joined(separator: " ")
            report(CommandFailure(.usage, lines: ["unknown command '\(Echo.value(unknown))'"]
                + (Suggestions.closest(unknown, in: names).map { ["hint: did you mean reserve \(prefix)\($0)?"] }
                    ?? ["hint: commands are \(names.filter { $0 != "help" }.joined(separator: ", ")); see reserve \(prefix)--help"])))
            return ExitStatus.usage.rawValue
        }
        do {
            var command = try Reserve.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let failure as CommandFailure {
            report(failure)
            return failure.status.rawValue
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = Reserve.exitCode(for: error)
            if code == .success {
                Console.out(Reserve.fullMessage(for: error))
                return 0
            }
            if code == .validationFailure || code.rawValue == 64 {
                report(CommandFailure(.usage, lines: usageLines(Reserve.message(for: error), resolved.path, arguments)))
                return ExitStatus.usage.rawValue
            }
            report(CommandFailure(.ioError, "\(error)"))
            return code == .failure ? ExitStatus.ioError.rawValue : code.rawValue
        }
    }

    /// Prints a failure in the one error style: `error: …` lines, then any `hint: …` lines as they are.
    static func report(_ failure: CommandFailure) {
        for line in failure.lines {
            if line.hasPrefix("hint: ") {
                Console.error(line)
            } else {
                Console.error(Terminal.colourOnStderr ? "\u{1B}[31merror:\u{1B}[0m \(line)" : "error: \(line)")
            }
        }
    }

    /// An argument parser message as `error:` plus hints: the closest option to an unknown one, and where help is.
    static func usageLines(_ message: String, _ path: [ParsableCommand.Type], _ arguments: [String]) -> [String] {
        var lines = message.split(separator: "\n").map { String($0) }.filter { !$0.isEmpty }
        if lines.isEmpty { lines = ["invalid arguments"] }
        lines = lines.map { $0.hasPrefix("Error: ") ? String($0.dropFirst(7)) : $0 }
            .map { $0.prefix(1).lowercased() + $0.dropFirst() }
        let command = path.last ?? Reserve.self
        let known = Suggestions.optionNames(command, path: path)
        for word in arguments where word.hasPrefix("--") && !message.contains("Did you mean") {
            let name = String(word.split(separator: "=", maxSplits: 1).first ?? "")
            if !known.contains(name), let near = Suggestions.closest(name, in: known) {
                lines.append("hint: did you mean \(near)?")
                break
            }
        }
        let name = (["reserve"] + path.dropFirst().map { $0._commandName }).joined(separator: " ")
        lines.append("hint: see \(name) --help")
        return lines
    }
}

/// `reserve --version`: the package's version and the ledger schema version this build writes.
enum ReserveVersion {
    static let package = "0.3.0"

    static var text: String {
        "reserve \(package) (ledger schema \(BookSchema.migrations.count))"
    }
}

/// Writes to stdout/stderr without buffering surprises between the two.
public enum Console {
    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes `text` to stderr through ``guarded(_:)``.
    public static func error(_ text: String) {
        write(text)
    }

    /// A warning on stderr: `warning: …`.
    public static func warning(_ text: String) {
        write("warning: " + text)
    }

    private static func write(_ text: String) {
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
