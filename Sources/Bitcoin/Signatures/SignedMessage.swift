/// Bitcoin's legacy signed-message hash (`signmessage`, BIP-137).
public enum SignedMessage {
    /// The magic prefix written before every message.
    public static let magic = "Bitcoin Signed Message:\n"

    /// SHA-256d(CompactSize(24) ‖ magic ‖ CompactSize(len) ‖ message), in internal byte order.
    public static func hash(_ message: [UInt8]) -> [UInt8] {
        var data = prefix
        data.reserveCapacity(prefix.count + 9 + message.count)
        data.appendLengthPrefixed(message)
        return Hashes.sha256d(data)
    }

    /// CompactSize(24) ‖ magic, computed once.
    private static let prefix: [UInt8] = {
        var bytes: [UInt8] = []
        bytes.appendLengthPrefixed(Array(magic.utf8))
        return bytes
    }()
}

/// The address type a BIP-137 header byte declares.
public enum MessageSignatureHeader: Sendable, Equatable {
    case p2pkhUncompressed, p2pkhCompressed, p2shP2wpkh, p2wpkh

    /// The type declared by a header byte 27…42, or nil outside that range.
    public init?(byte: UInt8) {
        switch byte {
        case 27...30: self = .p2pkhUncompressed
        case 31...34: self = .p2pkhCompressed
        case 35...38: self = .p2shP2wpkh
        case 39...42: self = .p2wpkh
        default: return nil
        }
    }

    /// The first header byte of the type (27, 31, 35 or 39).
    public var base: UInt8 {
        switch self {
        case .p2pkhUncompressed: return 27
        case .p2pkhCompressed: return 31
        case .p2shP2wpkh: return 35
        case .p2wpkh: return 39
        }
    }

    /// Whether the signing key is to be taken in compressed form.
    public var isCompressed: Bool { self != .p2pkhUncompressed }

    var name: String {
        switch self {
        case .p2pkhUncompressed: return "P2PKH (uncompressed key)"
        case .p2pkhCompressed: return "P2PKH (compressed key)"
        case .p2shP2wpkh: return "P2SH-P2WPKH"
        case .p2wpkh: return "P2WPKH"
        }
    }
}

/// How strictly a BIP-137 header must match the address.
public enum MessageHeaderPolicy: Sendable, Equatable {
    /// The header's type must be the address's type (BIP-137).
    case strict
    /// Electrum's rule: the untyped compressed header (31–34) is also accepted for P2SH-P2WPKH and P2WPKH
    /// addresses of the recovered key; typed segwit headers (35–42) must still match.
    case electrum
}

/// A 65-byte compact message signature: header ‖ r ‖ s.
public struct CompactMessageSignature: Sendable, Equatable {
    public let header: MessageSignatureHeader
    public let signature: RecoverableSignature

    /// Parses 65 bytes; the header must be 27…42 and r, s in range.
    public init(bytes: [UInt8]) throws(MessageSignatureError) {
        guard bytes.count == 65 else { throw .length(bytes.count) }
        guard let header = MessageSignatureHeader(byte: bytes[0]) else { throw .header(bytes[0]) }
        do {
            signature = try RecoverableSignature(compact: Array(bytes[1...]), recoveryID: Int(bytes[0] - header.base))
        } catch {
            throw .scalar(error)
        }
        self.header = header
    }
}

/// Why a BIP-137 signature does not decode.
public enum MessageSignatureError: Error, Equatable, Sendable, CustomStringConvertible {
    case notBase64
    case length(Int)
    case header(UInt8)
    case scalar(ECDSASignatureError)

    public var description: String {
        switch self {
        case .notBase64: return "signature is not valid base64"
        case .length(let n): return "signature of \(n) bytes (a BIP-137 signature is 65)"
        case .header(let h): return "header byte \(h) outside 27…42"
        case .scalar(let e): return e.description
        }
    }
}
