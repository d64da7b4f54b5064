import Foundation

extension VectorFile {
    struct NotAnObject: Error { let name: String }

    /// A JSON vector file whose top level is an object (bip32, descriptor and bip341 wallet vectors).
    static func object(_ name: String) throws -> [String: Any] {
        guard let dict = try json(name + ".json") as? [String: Any] else { throw NotAnObject(name: name) }
        return dict
    }
}
