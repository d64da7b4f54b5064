/// Why serialized bytes (a transaction, a witness stack) could not be read.
public enum ByteDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `needed` more bytes were required at `offset`, past the end of the data.
    case truncated(offset: Int, needed: Int)
    /// A CompactSize integer that is not in its shortest form, at `offset`.
    case nonCanonicalCompactSize(offset: Int)
    /// A count or length larger than the data could hold, at `offset`.
    case sizeTooLarge(UInt64, offset: Int)
    /// Bytes left over after the structure ended.
    case trailingBytes(count: Int)
    /// The segwit flag byte is not 1.
    case unknownSegwitFlag(UInt8)
    /// The segwit marker is present but every input's witness is empty.
    case superfluousWitness
    /// An output value below zero or above 21 million BTC.
    case valueOutOfRange(Int64, output: Int)

    public var description: String {
        switch self {
        case .truncated(let o, let n): return "data ends at byte \(o), \(n) more bytes expected"
        case .nonCanonicalCompactSize(let o): return "non-canonical CompactSize integer at byte \(o)"
        case .sizeTooLarge(let v, let o): return "length \(v) at byte \(o) exceeds the data"
        case .trailingBytes(let n): return "\(n) unexpected bytes after the end"
        case .unknownSegwitFlag(let f): return "unknown segwit flag 0x\(Hex.encode([f]))"
        case .superfluousWitness: return "segwit marker present but all witnesses are empty"
        case .valueOutOfRange(let v, let i): return "output \(i) value \(v) sats is outside 0…21,000,000 BTC"
        }
    }
}

/// A cursor over bytes in Bitcoin's wire encoding (little-endian integers, CompactSize lengths).
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(ByteDecodingError) -> UInt8 {
        guard remaining >= 1 else { throw .truncated(offset: offset, needed: 1) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func peek() throws(ByteDecodingError) -> UInt8 {
        guard remaining >= 1 else { throw .truncated(offset: offset, needed: 1) }
        return bytes[offset]
    }

    mutating func bytes(_ count: Int) throws(ByteDecodingError) -> [UInt8] {
        guard count <= remaining else { throw .truncated(offset: offset, needed: count - remaining) }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func uint32() throws(ByteDecodingError) -> UInt32 {
        try littleEndian(4, as: UInt32.self)
    }

    mutating func uint64() throws(ByteDecodingError) -> UInt64 {
        try littleEndian(8, as: UInt64.self)
    }

    private mutating func littleEndian<T: FixedWidthInteger>(_ size: Int, as: T.Type) throws(ByteDecodingError) -> T {
        guard remaining >= size else { throw .truncated(offset: offset, needed: size - remaining) }
        var value: T = 0
        for i in 0..<size { value |= T(bytes[offset + i]) << (8 * i) }
        offset += size
        return value
    }

    /// A CompactSize integer, refused unless minimally encoded (as Bitcoin Core does).
    mutating func compactSize() throws(ByteDecodingError) -> UInt64 {
        let start = offset
        let first = try byte()
        switch first {
        case 0xfd:
            let v = UInt64(try littleEndian(2, as: UInt16.self))
            guard v >= 0xfd else { throw .nonCanonicalCompactSize(offset: start) }
            return v
        case 0xfe:
            let v = UInt64(try uint32())
            guard v > 0xffff else { throw .nonCanonicalCompactSize(offset: start) }
            return v
        case 0xff:
            let v = try uint64()
            guard v > 0xffff_ffff else { throw .nonCanonicalCompactSize(offset: start) }
            return v
        default:
            return UInt64(first)
        }
    }

    /// A count of items each at least `minimumItemSize` bytes long; refused when the data cannot hold them.
    mutating func count(minimumItemSize: Int) throws(ByteDecodingError) -> Int {
        let start = offset
        let v = try compactSize()
        guard v <= UInt64(remaining / max(minimumItemSize, 1)) else { throw .sizeTooLarge(v, offset: start) }
        return Int(v)
    }

    /// A CompactSize length followed by that many bytes.
    mutating func lengthPrefixed() throws(ByteDecodingError) -> [UInt8] {
        let start = offset
        let n = try compactSize()
        guard n <= UInt64(remaining) else { throw .sizeTooLarge(n, offset: start) }
        return try bytes(Int(n))
    }
}

/// Appending Bitcoin's wire encoding to a byte array.
extension Array where Element == UInt8 {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        var v = value.littleEndian
        Swift.withUnsafeBytes(of: &v) { append(contentsOf: $0) }
    }

    mutating func appendCompactSize(_ n: Int) {
        switch n {
        case ..<0xfd: append(UInt8(n))
        case ...0xffff: append(0xfd); appendLittleEndian(UInt16(n))
        case ...0xffff_ffff: append(0xfe); appendLittleEndian(UInt32(n))
        default: append(0xff); appendLittleEndian(UInt64(n))
        }
    }

    mutating func appendLengthPrefixed(_ bytes: [UInt8]) {
        appendCompactSize(bytes.count)
        append(contentsOf: bytes)
    }
}
