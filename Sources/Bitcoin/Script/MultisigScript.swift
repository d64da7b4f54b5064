/// Why a witness script is not a bare `multi`/`sortedmulti` script this verifier understands.
public enum MultisigScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The script does not have the shape `OP_m <key>… OP_n OP_CHECKMULTISIG`.
    case notMultisig
    /// m or n is outside 1…16, or m > n, or n does not equal the number of keys.
    case badThreshold(m: Int, n: Int, keys: Int)
    /// Key `index` is not a valid compressed SEC key (segwit scripts require compressed keys).
    case badKey(index: Int)

    public var description: String {
        switch self {
        case .notMultisig: return "script is not OP_m <keys> OP_n OP_CHECKMULTISIG"
        case .badThreshold(let m, let n, let k): return "multisig threshold \(m)-of-\(n) with \(k) keys"
        case .badKey(let i): return "multisig key \(i + 1) is not a valid compressed public key"
        }
    }
}

/// A bare m-of-n CHECKMULTISIG script (the script of `multi` and `sortedmulti` descriptors).
public struct MultisigScript: Sendable, Equatable {
    /// Signatures required.
    public let threshold: Int
    /// The keys in script order.
    public let keys: [PublicKey]

    private static let checkMultisig: UInt8 = 0xae

    /// Parses `OP_m <33-byte key>… OP_n OP_CHECKMULTISIG` with 1 ≤ m ≤ n ≤ 16.
    public init(script: [UInt8]) throws(MultisigScriptError) {
        guard script.count >= 3, script.last == MultisigScript.checkMultisig,
              let m = MultisigScript.smallInteger(script[0]),
              let n = MultisigScript.smallInteger(script[script.count - 2]) else { throw .notMultisig }
        var keys: [PublicKey] = []
        var i = 1
        while i < script.count - 2 {
            guard script[i] == 33, i + 34 <= script.count - 2 else { throw .notMultisig }
            guard let key = try? PublicKey(sec: Array(script[(i + 1)..<(i + 34)])) else {
                throw .badKey(index: keys.count)
            }
            keys.append(key)
            i += 34
        }
        guard m >= 1, m <= n, n == keys.count else { throw .badThreshold(m: m, n: n, keys: keys.count) }
        self.threshold = m
        self.keys = keys
    }

    /// The script bytes.
    public var script: [UInt8] {
        var out: [UInt8] = [0x50 + UInt8(threshold)]
        for key in keys { out.append(33); out.append(contentsOf: key.compressed) }
        out.append(0x50 + UInt8(keys.count))
        out.append(MultisigScript.checkMultisig)
        return out
    }

    /// OP_CHECKMULTISIG's matching: signatures must match keys in script order, each key used at most
    /// once; `verifies(signatureIndex, keyIndex)` checks one pair. Returns whether all signatures match.
    public func matchesInOrder(signatureCount: Int, _ verifies: (Int, Int) -> Bool) -> Bool {
        var key = 0
        var sig = 0
        while sig < signatureCount {
            // Not enough keys left for the remaining signatures: fail as the interpreter does.
            if keys.count - key < signatureCount - sig { return false }
            if verifies(sig, key) { sig += 1 }
            key += 1
        }
        return true
    }

    private static func smallInteger(_ opcode: UInt8) -> Int? {
        (0x51...0x60).contains(opcode) ? Int(opcode - 0x50) : nil
    }
}
