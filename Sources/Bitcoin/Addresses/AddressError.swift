/// Why a text is not an acceptable Bitcoin address, carrying the offending data.
public enum AddressError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing to read.
    case empty
    /// The Base58Check encoding is broken (bad character, checksum).
    case base58(Base58Error)
    /// The Bech32/Bech32m encoding is broken (bad character, mixed case, length, checksum).
    case bech32(Bech32Error)
    /// A well-formed Bech32 string whose prefix is not a Bitcoin network's (`bc`, `tb`, `bcrt`).
    case unknownPrefix(String)
    /// A Base58Check payload whose version byte is no Bitcoin address type.
    case unknownVersion(UInt8)
    /// A Base58Check payload of the wrong size for an address (version byte + 20-byte hash).
    case invalidPayloadLength(Int)
    /// A segwit address with no witness version in its data.
    case missingWitnessVersion
    /// A witness version above 16.
    case invalidWitnessVersion(Int)
    /// A witness program of a length its version does not allow (v0: 20 or 32 bytes; v1+: 2 to 40).
    case invalidProgramLength(version: Int, length: Int)
    /// The checksum variant does not match the witness version (v0 needs Bech32, v1+ Bech32m).
    case wrongChecksumVariant(version: Int, variant: Bech32.Variant)
    /// The address belongs to another network than the one required.
    case wrongNetwork(expected: Network, got: Network)
    /// A private key was given: refused, the tool is watch-only.
    case privateKey(PrivateKeyKind)
    /// An extended public key (xpub, tpub, ypub, zpub…) was given where an address was expected.
    case extendedPublicKey(String)
    /// An uncompressed public key cannot be used in a segwit output.
    case uncompressedKey
    /// Base58 text far longer than any address or key (refused before decoding, whose cost grows with the
    /// square of the length).
    case tooLong(characters: Int)

    /// The kind of private key recognised in the input.
    public enum PrivateKeyKind: Equatable, Sendable {
        /// Wallet Import Format (`5…`, `K…`, `L…`, `9…`, `c…`).
        case wif
        /// A BIP-32 extended private key; the payload is its prefix (`xprv`, `tprv`, `yprv`, `zprv`…).
        case extended(String)
    }

    public var description: String {
        switch self {
        case .empty:
            return "empty address"
        case .base58(let e):
            return e.description
        case .bech32(let e):
            return e.description
        case .unknownPrefix(let hrp):
            return "prefix '\(hrp)' is not a Bitcoin network's (expected bc, tb or bcrt)"
        case .unknownVersion(let v):
            return "version byte 0x\(Hex.encode([v])) is not a Bitcoin address type"
        case .invalidPayloadLength(let n):
            return "Base58Check payload of \(n) bytes (an address has 21: version byte and 20-byte hash)"
        case .missingWitnessVersion:
            return "segwit address without a witness version"
        case .invalidWitnessVersion(let v):
            return "witness version \(v) (the highest is 16)"
        case .invalidProgramLength(let v, let n):
            let allowed = v == 0 ? "20 or 32" : "2 to 40"
            return "witness v\(v) program of \(n) byte\(n == 1 ? "" : "s") (v\(v == 0 ? "0" : "1+") allows \(allowed))"
        case .wrongChecksumVariant(let v, let variant):
            return variant == .bech32
                ? "witness v\(v) address with a bech32 (not bech32m) checksum (v1+ needs bech32m, BIP-350)"
                : "witness v0 address with a bech32m (not bech32) checksum (v0 needs bech32, BIP-173)"
        case .wrongNetwork(let expected, let got):
            return "wrong network: expected \(expected.rawValue), got \(got.rawValue)"
        case .privateKey(.wif):
            return "private key (WIF): this tool is watch-only and never accepts private keys"
        case .privateKey(.extended(let prefix)):
            return "private key (\(prefix)): this tool is watch-only and never accepts private keys"
        case .extendedPublicKey(let prefix):
            return "extended public key (\(prefix)), not an address: derive its addresses with `reserve descriptor derive`"
        case .uncompressedKey:
            return "uncompressed public key: segwit outputs need a compressed key"
        case .tooLong(let n):
            return "\(n) characters: too long for a Bitcoin address"
        }
    }
}
