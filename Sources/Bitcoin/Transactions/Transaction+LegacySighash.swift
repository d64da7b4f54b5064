extension Transaction {
    /// The legacy (pre-segwit) signature hash of input `inputIndex` with `scriptCode`, as Bitcoin Core's
    /// `SignatureHash` for SIGVERSION_BASE computes it: OP_CODESEPARATORs removed from the script code, other
    /// inputs' scripts emptied, and `hashType` (the full 32-bit value) appended.
    ///
    /// Core's quirks are kept, since signatures commit to them: an input index out of range, or SIGHASH_SINGLE
    /// without an output at the same index, gives the hash `1` (0x01 followed by 31 zero bytes, internal order).
    public func legacySignatureHash(inputIndex: Int, scriptCode: [UInt8], hashType: UInt32) -> [UInt8] {
        var one = [UInt8](repeating: 0, count: 32)
        one[0] = 1
        let mode = hashType & 0x1f
        let anyoneCanPay = hashType & 0x80 != 0
        let none = mode == 2, single = mode == 3
        guard inputs.indices.contains(inputIndex) else { return one }
        if single, inputIndex >= outputs.count { return one }

        var out: [UInt8] = []
        out.reserveCapacity(64 + inputs.count * 41 + outputs.count * 34 + scriptCode.count)
        out.appendLittleEndian(version)
        let signed = anyoneCanPay ? [inputIndex] : Array(inputs.indices)
        out.appendCompactSize(signed.count)
        for i in signed {
            let input = inputs[i]
            out.append(contentsOf: input.prevout.txid)
            out.appendLittleEndian(input.prevout.vout)
            if i == inputIndex { out.appendLengthPrefixed(Script.removingCodeSeparators(scriptCode)) } else { out.append(0) }
            out.appendLittleEndian(i != inputIndex && (single || none) ? 0 : input.sequence)
        }
        if none {
            out.append(0)
        } else if single {
            out.appendCompactSize(inputIndex + 1)
            for _ in 0..<inputIndex {
                out.appendLittleEndian(Int64(-1))
                out.append(0)
            }
            out.appendOutput(outputs[inputIndex])
        } else {
            out.appendCompactSize(outputs.count)
            for output in outputs { out.appendOutput(output) }
        }
        out.appendLittleEndian(lockTime)
        out.appendLittleEndian(hashType)
        return Hashes.sha256d(out)
    }
}

/// Reading scripts opcode by opcode: only what signature checking needs.
public enum Script {
    /// One opcode and, for a push, its data.
    struct Op {
        let opcode: UInt8
        let data: [UInt8]?
        /// Whether a push uses the shortest encoding for its data (BIP-62 rule 3, MINIMALDATA).
        let isMinimalPush: Bool
    }

    /// The opcodes of `script`; nil when a push runs past the end.
    static func ops(_ script: [UInt8]) -> [Op]? {
        var ops: [Op] = []
        var i = 0
        while i < script.count {
            let opcode = script[i]
            i += 1
            var size = 0
            switch opcode {
            case 0x01...0x4b: size = Int(opcode)
            case 0x4c:
                guard i + 1 <= script.count else { return nil }
                size = Int(script[i]); i += 1
            case 0x4d:
                guard i + 2 <= script.count else { return nil }
                size = Int(script[i]) | Int(script[i + 1]) << 8; i += 2
            case 0x4e:
                guard i + 4 <= script.count else { return nil }
                size = (0..<4).reduce(0) { $0 | Int(script[i + $1]) << (8 * $1) }; i += 4
            default:
                let data: [UInt8]? = switch opcode {
                case 0x00: []
                case 0x4f: [0x81]
                case 0x51...0x60: [opcode - 0x50]
                default: nil
                }
                ops.append(Op(opcode: opcode, data: data, isMinimalPush: true))
                continue
            }
            guard size <= script.count - i else { return nil }
            let data = Array(script[i..<(i + size)])
            i += size
            ops.append(Op(opcode: opcode, data: data, isMinimalPush: isMinimal(opcode: opcode, data: data)))
        }
        return ops
    }

    /// The data pushed by a push-only script with minimal pushes; nil when it holds another opcode, a
    /// non-minimal push or a truncated one (what standardness requires of scriptSigs).
    public static func pushes(_ script: [UInt8]) -> [[UInt8]]? {
        guard let ops = ops(script) else { return nil }
        var out: [[UInt8]] = []
        for op in ops {
            guard let data = op.data, op.isMinimalPush else { return nil }
            out.append(data)
        }
        return out
    }

    /// The script without OP_CODESEPARATOR (0xab) opcodes, as the legacy signature hash serializes it; bytes
    /// inside pushes are kept, and a truncated final push is kept as it is.
    public static func removingCodeSeparators(_ script: [UInt8]) -> [UInt8] {
        guard script.contains(0xab) else { return script }
        var out: [UInt8] = []
        out.reserveCapacity(script.count)
        var i = 0
        while i < script.count {
            let opcode = script[i]
            var end = i + 1
            switch opcode {
            case 0x01...0x4b: end += Int(opcode)
            case 0x4c: end += 1 + (end < script.count ? Int(script[end]) : 0)
            case 0x4d: end += 2 + (end + 1 < script.count ? Int(script[end]) | Int(script[end + 1]) << 8 : 0)
            case 0x4e:
                end += 4 + (end + 3 < script.count ? (0..<4).reduce(0) { $0 | Int(script[end + $1]) << (8 * $1) } : 0)
            default: break
            }
            end = min(end, script.count)
            if opcode != 0xab { out.append(contentsOf: script[i..<end]) }
            i = end
        }
        return out
    }

    private static func isMinimal(opcode: UInt8, data: [UInt8]) -> Bool {
        if data.isEmpty { return false }   // OP_0 is the minimal form of an empty push
        if data.count == 1, (1...16).contains(data[0]) || data[0] == 0x81 { return false }
        if data.count <= 75 { return Int(opcode) == data.count }
        if data.count <= 255 { return opcode == 0x4c }
        if data.count <= 65535 { return opcode == 0x4d }
        return true
    }
}
