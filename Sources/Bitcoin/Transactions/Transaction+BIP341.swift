extension Transaction {
    /// The BIP-341 signature hash of input `inputIndex`, given every input's spent output (`prevouts`).
    /// Key-path spends leave `leafHash` nil; script-path spends pass the BIP-342 tapleaf hash (key
    /// version 0, no OP_CODESEPARATOR executed). `annex` is the witness annex including its 0x50 byte.
    public func taprootSignatureHash(inputIndex: Int, prevouts: [TxOutput], hashType: SighashType,
                                     annex: [UInt8]? = nil, leafHash: [UInt8]? = nil) throws(SighashError) -> [UInt8] {
        guard inputs.indices.contains(inputIndex) else {
            throw .inputIndexOutOfRange(inputIndex, inputs: inputs.count)
        }
        guard prevouts.count == inputs.count else { throw .prevoutCount(given: prevouts.count, inputs: inputs.count) }
        guard hashType.isDefinedForTaproot else { throw .undefinedHashType(hashType) }
        if hashType.isSingle, inputIndex >= outputs.count { throw .singleWithoutOutput(input: inputIndex) }

        var msg: [UInt8] = [0x00, hashType.rawValue]  // epoch 0, then hash_type
        msg.reserveCapacity(256)
        msg.appendLittleEndian(version)
        msg.appendLittleEndian(lockTime)
        if !hashType.anyoneCanPay {
            var outpoints: [UInt8] = [], amounts: [UInt8] = [], scripts: [UInt8] = [], sequences: [UInt8] = []
            for (input, spent) in zip(inputs, prevouts) {
                outpoints.append(contentsOf: input.prevout.txid)
                outpoints.appendLittleEndian(input.prevout.vout)
                amounts.appendLittleEndian(spent.value)
                scripts.appendLengthPrefixed(spent.scriptPubKey)
                sequences.appendLittleEndian(input.sequence)
            }
            msg.append(contentsOf: Hashes.sha256(outpoints))
            msg.append(contentsOf: Hashes.sha256(amounts))
            msg.append(contentsOf: Hashes.sha256(scripts))
            msg.append(contentsOf: Hashes.sha256(sequences))
        }
        if !hashType.isSingle, !hashType.isNone {
            var all: [UInt8] = []
            for output in outputs { all.appendOutput(output) }
            msg.append(contentsOf: Hashes.sha256(all))
        }
        let extFlag: UInt8 = leafHash == nil ? 0 : 1
        msg.append(extFlag * 2 + (annex == nil ? 0 : 1))
        let input = inputs[inputIndex]
        if hashType.anyoneCanPay {
            msg.append(contentsOf: input.prevout.txid)
            msg.appendLittleEndian(input.prevout.vout)
            msg.appendOutput(prevouts[inputIndex])
            msg.appendLittleEndian(input.sequence)
        } else {
            msg.appendLittleEndian(UInt32(inputIndex))
        }
        if let annex {
            var prefixed: [UInt8] = []
            prefixed.appendLengthPrefixed(annex)
            msg.append(contentsOf: Hashes.sha256(prefixed))
        }
        if hashType.isSingle {
            var single: [UInt8] = []
            single.appendOutput(outputs[inputIndex])
            msg.append(contentsOf: Hashes.sha256(single))
        }
        if let leafHash {
            msg.append(contentsOf: leafHash)
            msg.append(0x00)
            msg.appendLittleEndian(UInt32.max)
        }
        return Hashes.tagged("TapSighash", msg)
    }
}
