import Foundation

/// Loads the JSON vector files under Vectors/ (copies of /work/shared/vectors) for the HD and descriptor tests.
enum HDVectorFile {
    struct Missing: Error { let name: String }

    static func json(_ name: String) throws -> [String: Any] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors") else {
            throw Missing(name: name)
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let dict = object as? [String: Any] else { throw Missing(name: name) }
        return dict
    }
}
