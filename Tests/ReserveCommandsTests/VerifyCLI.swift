import Foundation
import TestSupport

/// Runs the built `reserve` binary on files written to a fresh temporary folder, capturing both streams. The
/// folder goes with the last copy of the value.
struct VerifyCLI {
    let temporary: TemporaryDirectory
    var directory: URL { temporary.url }

    init() throws {
        temporary = try TemporaryDirectory("verify-cli")
    }

    /// Writes `text` to `name` in the folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    static var binary: URL {
        let besideRunner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("reserve")
        if FileManager.default.isExecutableFile(atPath: besideRunner.path) { return besideRunner }
        // Tests/ReserveCommandsTests/VerifyCLI.swift → package root → .build/debug/reserve
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/reserve")
    }

    /// Runs the binary with `arguments`, and `environment` added to this process's environment.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        try run(executable: Self.binary, arguments, environment: environment)
    }

    /// Runs `executable` (e.g. `setpriv` in front of the binary) in the folder.
    func run(executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
