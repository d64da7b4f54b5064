import Foundation

/// Reads a whole input file, or stdin for `-`, as text. Errors name the file (exit 74).
public enum InputFile {
    public static func read(_ path: String) throws -> String {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return String(decoding: data, as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(.ioError, "\(path): cannot read file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Physical lines (LF or CRLF), numbered from 1.
    public static func lines(_ text: String) -> [(number: Int, text: String)] {
        var result: [(Int, String)] = []
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            var s = Substring(line)
            if s.last == "\r" { s = s.dropLast() }
            result.append((n, String(s)))
        }
        if let last = result.last, last.1.isEmpty { result.removeLast() }
        return result
    }
}
