/// A reference to a transaction output: the txid (internal byte order) and the output index.
public struct OutPoint: Hashable, Sendable {
    /// The spent transaction's id in internal byte order (reversed from how explorers show it).
    public var txid: [UInt8]
    public var vout: UInt32

    public init(txid: [UInt8], vout: UInt32) {
        self.txid = txid
        self.vout = vout
    }

    /// The txid as explorers show it (byte-reversed hex).
    public var txidHex: String { Hex.encode(txid.reversed()) }
}

/// A transaction input: the output it spends, its scriptSig, sequence and witness stack.
public struct TxInput: Hashable, Sendable {
    public var prevout: OutPoint
    public var scriptSig: [UInt8]
    public var sequence: UInt32
    public var witness: [[UInt8]]

    public init(prevout: OutPoint, scriptSig: [UInt8] = [], sequence: UInt32 = 0xffff_ffff, witness: [[UInt8]] = []) {
        self.prevout = prevout
        self.scriptSig = scriptSig
        self.sequence = sequence
        self.witness = witness
    }
}

/// A transaction output: an amount in satoshis and the script that locks it.
public struct TxOutput: Hashable, Sendable {
    public var value: Int64
    public var scriptPubKey: [UInt8]

    public init(value: Int64, scriptPubKey: [UInt8]) {
        self.value = value
        self.scriptPubKey = scriptPubKey
    }
}

/// A Bitcoin transaction (legacy or segwit).
public struct Transaction: Hashable, Sendable {
    public var version: Int32
    public var inputs: [TxInput]
    public var outputs: [TxOutput]
    public var lockTime: UInt32

    public init(version: Int32, inputs: [TxInput], outputs: [TxOutput], lockTime: UInt32) {
        self.version = version
        self.inputs = inputs
        self.outputs = outputs
        self.lockTime = lockTime
    }

    /// Whether any input carries witness data (then the segwit serialization is used).
    public var hasWitness: Bool { inputs.contains { !$0.witness.isEmpty } }

    /// The txid in internal byte order: double SHA-256 of the serialization without witnesses.
    public var txid: [UInt8] { Hashes.sha256d(serialized(includingWitness: false)) }

    /// The wtxid in internal byte order (equal to the txid when there is no witness).
    public var wtxid: [UInt8] { Hashes.sha256d(serialized(includingWitness: true)) }

    /// The txid as explorers and Bitcoin Core show it (byte-reversed hex).
    public var txidHex: String { Hex.encode(txid.reversed()) }

    /// The wtxid as Bitcoin Core shows it (byte-reversed hex).
    public var wtxidHex: String { Hex.encode(wtxid.reversed()) }
}
