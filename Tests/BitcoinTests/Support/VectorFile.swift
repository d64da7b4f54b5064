@testable import Bitcoin
import Foundation

/// Loads files from the test bundle's Vectors/ folder (copies of /work/shared/vectors, never edited).
enum VectorFile {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Vectors/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }

    static func json(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: data(name))
    }

    static func url(_ name: String, _ ext: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Vectors") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: url(name, "json")))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }
}

/// Hex to bytes for test literals (fails the test on a typo instead of crashing).
func hex(_ s: String) -> [UInt8] {
    guard let bytes = Hex.decode(s) else { preconditionFailure("bad hex literal in test: \(s)") }
    return bytes
}
