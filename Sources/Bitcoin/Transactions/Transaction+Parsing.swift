/// Why a raw transaction was refused.
public enum TransactionParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not hex.
    case notHex
    /// The bytes do not decode as a transaction.
    case malformed(ByteDecodingError)

    public var description: String {
        switch self {
        case .notHex: return "transaction is not hexadecimal"
        case .malformed(let e): return "malformed transaction: \(e)"
        }
    }
}

extension Transaction {
    /// The largest amount that can exist, in satoshis (21 million BTC).
    public static let maxMoney: Int64 = 21_000_000 * 100_000_000

    /// Parses a transaction from hex (legacy or BIP-144 segwit serialization).
    public init(hex: String) throws(TransactionParseError) {
        guard let bytes = Hex.decode(hex) else { throw .notHex }
        try self.init(bytes: bytes)
    }

    /// Parses a serialized transaction; every byte must be consumed.
    public init(bytes: [UInt8]) throws(TransactionParseError) {
        do throws(ByteDecodingError) {
            var reader = ByteReader(bytes)
            self = try Transaction.read(&reader)
            guard reader.isAtEnd else { throw ByteDecodingError.trailingBytes(count: reader.remaining) }
        } catch {
            throw .malformed(error)
        }
    }

    static func read(_ r: inout ByteReader) throws(ByteDecodingError) -> Transaction {
        let version = Int32(bitPattern: try r.uint32())
        // An input count of zero followed by a flag byte is the BIP-144 marker.
        var segwit = false
        if r.remaining >= 2, try r.peek() == 0x00 {
            _ = try r.byte()
            let flag = try r.byte()
            guard flag == 0x01 else { throw .unknownSegwitFlag(flag) }
            segwit = true
        }
        let inputCount = try r.count(minimumItemSize: 41)
        var inputs: [TxInput] = []
        inputs.reserveCapacity(inputCount)
        for _ in 0..<inputCount {
            let txid = try r.bytes(32)
            let vout = try r.uint32()
            let scriptSig = try r.lengthPrefixed()
            let sequence = try r.uint32()
            inputs.append(TxInput(prevout: OutPoint(txid: txid, vout: vout), scriptSig: scriptSig, sequence: sequence))
        }
        let outputCount = try r.count(minimumItemSize: 9)
        var outputs: [TxOutput] = []
        outputs.reserveCapacity(outputCount)
        for index in 0..<outputCount {
            let value = Int64(bitPattern: try r.uint64())
            guard value >= 0, value <= maxMoney else { throw .valueOutOfRange(value, output: index) }
            outputs.append(TxOutput(value: value, scriptPubKey: try r.lengthPrefixed()))
        }
        if segwit {
            for i in inputs.indices {
                let items = try r.count(minimumItemSize: 1)
                var stack: [[UInt8]] = []
                stack.reserveCapacity(items)
                for _ in 0..<items { stack.append(try r.lengthPrefixed()) }
                inputs[i].witness = stack
            }
            guard inputs.contains(where: { !$0.witness.isEmpty }) else { throw .superfluousWitness }
        }
        let lockTime = try r.uint32()
        return Transaction(version: version, inputs: inputs, outputs: outputs, lockTime: lockTime)
    }
}

/// A BIP-141 witness stack serialized on its own (as in BIP-322 simple signatures).
public enum WitnessStack {
    /// Decodes CompactSize(count) followed by that many length-prefixed items; every byte must be used.
    public static func decode(_ bytes: [UInt8]) throws(ByteDecodingError) -> [[UInt8]] {
        var r = ByteReader(bytes)
        let count = try r.count(minimumItemSize: 1)
        var items: [[UInt8]] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try r.lengthPrefixed()) }
        guard r.isAtEnd else { throw .trailingBytes(count: r.remaining) }
        return items
    }

    /// Encodes a witness stack as BIP-322 simple signatures carry it.
    public static func encode(_ items: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.appendCompactSize(items.count)
        for item in items { out.appendLengthPrefixed(item) }
        return out
    }
}
