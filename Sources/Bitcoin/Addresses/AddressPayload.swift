/// What an address pays to, independent of network: a key hash, a script hash, or a witness program.
public enum AddressPayload: Hashable, Sendable {
    /// Pay to public key hash: the 20-byte HASH160 of a public key.
    case p2pkh([UInt8])
    /// Pay to script hash: the 20-byte HASH160 of a redeem script.
    case p2sh([UInt8])
    /// A segwit output: witness version 0–16 and its program (v0: 20 or 32 bytes, v1+: 2 to 40).
    case witness(version: Int, program: [UInt8])

    /// The output script (scriptPubKey) this payload stands for.
    public var scriptPubKey: [UInt8] {
        switch self {
        case .p2pkh(let hash):
            return AddressPayload.script(hash, head: 0x76, 0xA9, tail: 0x88, 0xAC)
        case .p2sh(let hash):
            return AddressPayload.script(hash, head: 0xA9, tail: 0x87)
        case .witness(let version, let program):
            return AddressPayload.script(program, head: version == 0 ? 0x00 : UInt8(0x50 + version))
        }
    }

    /// `head ‖ push(body) ‖ tail` in one allocation (`body` is at most 75 bytes: one direct push).
    private static func script(_ body: [UInt8], head: UInt8, _ head2: UInt8? = nil, tail: UInt8? = nil, _ tail2: UInt8? = nil) -> [UInt8] {
        let size = 2 + body.count + (head2 == nil ? 0 : 1) + (tail == nil ? 0 : 1) + (tail2 == nil ? 0 : 1)
        return [UInt8](unsafeUninitializedCapacity: size) { out, count in
            var n = 0
            out[n] = head; n += 1
            if let head2 { out[n] = head2; n += 1 }
            out[n] = UInt8(body.count); n += 1
            for b in body { out[n] = b; n += 1 }
            if let tail { out[n] = tail; n += 1 }
            if let tail2 { out[n] = tail2; n += 1 }
            count = n
        }
    }

    /// Recognises the standard templates: P2PKH, P2SH, and witness outputs (v0 with a 20- or 32-byte
    /// program, v1–16 with 2 to 40 bytes). Nil for any other script.
    public init?(scriptPubKey s: [UInt8]) {
        if s.count == 25 && s[0] == 0x76 && s[1] == 0xA9 && s[2] == 20 && s[23] == 0x88 && s[24] == 0xAC {
            self = .p2pkh(Array(s[3..<23]))
        } else if s.count == 23 && s[0] == 0xA9 && s[1] == 20 && s[22] == 0x87 {
            self = .p2sh(Array(s[2..<22]))
        } else if s.count >= 4 && s.count <= 42 && Int(s[1]) == s.count - 2 && (s[0] == 0 || (0x51...0x60).contains(s[0])) {
            let version = s[0] == 0 ? 0 : Int(s[0]) - 0x50
            let length = s.count - 2
            guard version != 0 || length == 20 || length == 32 else { return nil }
            self = .witness(version: version, program: Array(s[2...]))
        } else {
            return nil
        }
    }

    /// The output type, as the CLI names it.
    public var type: AddressType {
        switch self {
        case .p2pkh: return .p2pkh
        case .p2sh: return .p2sh
        case .witness(0, let p) where p.count == 20: return .p2wpkh
        case .witness(0, _): return .p2wsh
        case .witness(1, let p) where p.count == 32: return .p2tr
        case .witness: return .witnessUnknown
        }
    }
}

/// The output types an address can name.
public enum AddressType: String, Sendable, CaseIterable {
    case p2pkh, p2sh, p2wpkh, p2wsh, p2tr
    /// Witness v2–16, or v1 with a program that is not 32 bytes: valid, but no spending rules yet.
    case witnessUnknown = "witness_unknown"
}
