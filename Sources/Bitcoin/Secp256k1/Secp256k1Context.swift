internal import CSecp256k1

/// The one place that hands libsecp256k1 its context. Everything here only verifies or tweaks
/// public keys, which the library's static context supports; it never signs.
enum Secp256k1Context {
    /// `secp256k1_context_static`, self-tested once as the library's header asks.
    nonisolated(unsafe) static let shared: OpaquePointer = {
        secp256k1_selftest()
        return csecp256k1_context_static()
    }()
}
