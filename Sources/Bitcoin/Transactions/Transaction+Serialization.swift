extension Transaction {
    /// The wire serialization; BIP-144 segwit form when `includingWitness` and some input has a witness.
    public func serialized(includingWitness: Bool = true) -> [UInt8] {
        let segwit = includingWitness && hasWitness
        var out: [UInt8] = []
        out.reserveCapacity(64 + inputs.count * 160 + outputs.count * 40)
        out.appendLittleEndian(version)
        if segwit { out.append(contentsOf: [0x00, 0x01]) }
        out.appendCompactSize(inputs.count)
        for input in inputs {
            out.append(contentsOf: input.prevout.txid)
            out.appendLittleEndian(input.prevout.vout)
            out.appendLengthPrefixed(input.scriptSig)
            out.appendLittleEndian(input.sequence)
        }
        out.appendCompactSize(outputs.count)
        for output in outputs {
            out.appendLittleEndian(output.value)
            out.appendLengthPrefixed(output.scriptPubKey)
        }
        if segwit {
            for input in inputs {
                out.appendCompactSize(input.witness.count)
                for item in input.witness { out.appendLengthPrefixed(item) }
            }
        }
        out.appendLittleEndian(lockTime)
        return out
    }

    /// Lower-case hex of the full serialization.
    public var hex: String { Hex.encode(serialized()) }
}
