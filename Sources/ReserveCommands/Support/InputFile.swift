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
}
