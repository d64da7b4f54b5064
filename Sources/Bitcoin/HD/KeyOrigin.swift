/// Where a key comes from: the master key's fingerprint and the path from it, `[d34db33f/48h/0h/0h/2h]`.
public struct KeyOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The first 4 bytes of HASH160 of the master public key.
    public let fingerprint: [UInt8]
    public let path: DerivationPath

    public init(fingerprint: [UInt8], path: DerivationPath) {
        self.fingerprint = fingerprint
        self.path = path
    }

    /// Parses the text between the brackets: 8 hex digits, then `/`-separated steps.
    public init(parsing text: Substring) throws(KeyOriginError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let fp = parts[0]
        guard fp.count == 8, let bytes = Hex.decode(fp) else { throw .invalidFingerprint(String(fp)) }
        var path = DerivationPath()
        if parts.count == 2 {
            do { path = try DerivationPath(parsing: parts[1]) } catch { throw .invalidPath(error) }
            guard !path.steps.isEmpty else { throw .invalidPath(.emptyStep) }
        }
        self.init(fingerprint: bytes, path: path)
    }

    public var description: String {
        path.steps.isEmpty ? Hex.encode(fingerprint) : Hex.encode(fingerprint) + "/" + path.description
    }
}

/// Why a key origin was refused.
public enum KeyOriginError: Error, Equatable, CustomStringConvertible {
    case invalidFingerprint(String)
    case invalidPath(DerivationPathError)

    public var description: String {
        switch self {
        case .invalidFingerprint(let s): return "key origin fingerprint '\(s)' is not 8 hex digits"
        case .invalidPath(let e): return "key origin path: \(e)"
        }
    }
}
