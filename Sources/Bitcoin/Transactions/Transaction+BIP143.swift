extension Transaction {
    /// The BIP-143 (segwit v0) signature hash of input `inputIndex` spending `amount` sats with `scriptCode`
    /// (for P2WPKH: `76a914{hash160}88ac`; for P2WSH: the witness script).
    ///
    /// As in Bitcoin Core, SIGHASH_SINGLE without a matching output commits to a zero hash of outputs.
    public func segwitV0SignatureHash(inputIndex: Int, scriptCode: [UInt8], amount: Int64,
                                      hashType: SighashType) throws(SighashError) -> [UInt8] {
        guard inputs.indices.contains(inputIndex) else {
            throw .inputIndexOutOfRange(inputIndex, inputs: inputs.count)
        }
        let zero = [UInt8](repeating: 0, count: 32)
        var hashPrevouts = zero, hashSequence = zero, hashOutputs = zero
        if !hashType.anyoneCanPay {
            var buffer: [UInt8] = []
            for input in inputs {
                buffer.append(contentsOf: input.prevout.txid)
                buffer.appendLittleEndian(input.prevout.vout)
            }
            hashPrevouts = Hashes.sha256d(buffer)
        }
        if !hashType.anyoneCanPay, !hashType.isSingle, !hashType.isNone {
            var buffer: [UInt8] = []
            for input in inputs { buffer.appendLittleEndian(input.sequence) }
            hashSequence = Hashes.sha256d(buffer)
        }
        if !hashType.isSingle, !hashType.isNone {
            var buffer: [UInt8] = []
            for output in outputs { buffer.appendOutput(output) }
            hashOutputs = Hashes.sha256d(buffer)
        } else if hashType.isSingle, inputIndex < outputs.count {
            var buffer: [UInt8] = []
            buffer.appendOutput(outputs[inputIndex])
            hashOutputs = Hashes.sha256d(buffer)
        }
        let input = inputs[inputIndex]
        var preimage: [UInt8] = []
        preimage.reserveCapacity(160 + scriptCode.count)
        preimage.appendLittleEndian(version)
        preimage.append(contentsOf: hashPrevouts)
        preimage.append(contentsOf: hashSequence)
        preimage.append(contentsOf: input.prevout.txid)
        preimage.appendLittleEndian(input.prevout.vout)
        preimage.appendLengthPrefixed(scriptCode)
        preimage.appendLittleEndian(amount)
        preimage.appendLittleEndian(input.sequence)
        preimage.append(contentsOf: hashOutputs)
        preimage.appendLittleEndian(lockTime)
        preimage.appendLittleEndian(UInt32(hashType.rawValue))
        return Hashes.sha256d(preimage)
    }
}

extension Array where Element == UInt8 {
    mutating func appendOutput(_ output: TxOutput) {
        appendLittleEndian(output.value)
        appendLengthPrefixed(output.scriptPubKey)
    }
}
