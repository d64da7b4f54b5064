/// The few Bitcoin Script forms descriptors produce.
enum ScriptBuilder {
    static let opCheckSig: UInt8 = 0xac
    static let opCheckMultiSig: UInt8 = 0xae

    /// A minimal push of a key (at most 65 bytes here, so never beyond OP_PUSHDATA1).
    static func push(_ data: [UInt8]) -> [UInt8] {
        data.count < 0x4c ? [UInt8(data.count)] + data : [0x4c, UInt8(truncatingIfNeeded: data.count)] + data
    }

    /// A small number as Script pushes it: OP_1…OP_16, else a minimal one-byte data push (17…20).
    static func number(_ n: Int) -> [UInt8] {
        n >= 1 && n <= 16 ? [UInt8(0x50 + n)] : [1, UInt8(n)]
    }

    static func p2pk(_ key: [UInt8]) -> [UInt8] { push(key) + [opCheckSig] }

    static func p2pkh(_ keyHash: [UInt8]) -> [UInt8] { [0x76, 0xa9, 0x14] + keyHash + [0x88, 0xac] }

    static func p2sh(_ redeemScript: [UInt8]) -> [UInt8] { [0xa9, 0x14] + Hashes.hash160(redeemScript) + [0x87] }

    static func p2wpkh(_ keyHash: [UInt8]) -> [UInt8] { [0x00, 0x14] + keyHash }

    static func p2wsh(_ witnessScript: [UInt8]) -> [UInt8] { [0x00, 0x20] + Hashes.sha256(witnessScript) }

    static func p2tr(_ outputKey: [UInt8]) -> [UInt8] { [0x51, 0x20] + outputKey }

    /// `k <keys…> n OP_CHECKMULTISIG`.
    static func multisig(_ threshold: Int, _ keys: [[UInt8]]) -> [UInt8] {
        var s = number(threshold)
        for k in keys { s += push(k) }
        return s + number(keys.count) + [opCheckMultiSig]
    }

    /// BIP-341 leaf hash of a tapscript leaf (version 0xc0) holding `<x-only key> OP_CHECKSIG`.
    static func tapLeafHash(xOnlyKey: [UInt8]) -> [UInt8] {
        let script = push(xOnlyKey) + [opCheckSig]
        return Hashes.tagged("TapLeaf", [0xc0, UInt8(script.count)] + script)
    }

    /// BIP-341 branch hash: the two children in lexicographic order.
    static func tapBranchHash(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        a.lexicographicallyPrecedes(b) ? Hashes.tagged("TapBranch", a + b) : Hashes.tagged("TapBranch", b + a)
    }
}
