import Foundation


/// Loads JSON vector files from the test bundle's Vectors/ folder.
enum AddressVectorFile {
    static func url(_ name: String, _ ext: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Vectors") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: url(name, "json")))
    }
}

/// The parts of bech32_vectors.json the tests read.
struct Bech32Vectors: Decodable, Sendable {
    struct Invalid: Decodable, Sendable { let string: String }
    struct ValidAddress: Decodable, Sendable { let address: String; let scriptPubKey: String }
    struct InvalidAddress: Decodable, Sendable { let address: String; let reason: String }
    struct Examples: Decodable, Sendable {
        struct Entry: Decodable, Sendable { let network: String; let type: String; let address: String }
        let pubkey: String
        let addresses: [Entry]
    }

    let valid_bech32: [String]
    let valid_bech32m: [String]
    let invalid_bech32: [Invalid]
    let invalid_bech32m: [Invalid]
    let valid_addresses: [ValidAddress]
    let invalid_addresses: [InvalidAddress]
    let bip173_valid_addresses_superseded_by_bip350: [ValidAddress]
    let bip173_examples: Examples

    /// The file's contents, or nil when it cannot be read (the count tests then fail).
    static let loaded: Bech32Vectors? = try? AddressVectorFile.decode(Bech32Vectors.self, from: "bech32_vectors")
}
