/// BIP-137 (legacy `signmessage`) verification for P2PKH, P2SH-P2WPKH and P2WPKH addresses.
public enum BIP137 {
    /// Verifies a base64 signature of `message` for `address` under `policy`.
    public static func verify(address: String, message: [UInt8], signature: String,
                              policy: MessageHeaderPolicy = .strict) -> VerificationResult {
        let parsed: Address
        do { parsed = try Address.parse(address) } catch { return .invalidAddress("\(error)") }
        guard let bytes = Base64.decode(signature) else {
            return .malformedSignature(MessageSignatureError.notBase64.description)
        }
        return verify(address: parsed, message: message, signature: bytes, policy: policy)
    }

    /// Verifies 65 raw signature bytes of `message` for an already-parsed `address`.
    public static func verify(address: Address, message: [UInt8], signature: [UInt8],
                              policy: MessageHeaderPolicy = .strict) -> VerificationResult {
        verify(payload: address.payload, message: message, signature: signature, policy: policy)
    }

    /// Verifies 65 raw signature bytes of `message` for the address with `payload`.
    public static func verify(payload: AddressPayload, message: [UInt8], signature: [UInt8],
                              policy: MessageHeaderPolicy = .strict) -> VerificationResult {
        let sig: CompactMessageSignature
        do { sig = try CompactMessageSignature(bytes: signature) } catch {
            return .malformedSignature(error.description)
        }
        let header = sig.header
        let kind: MessageSignatureHeader
        switch payload {
        case .p2pkh:
            guard header == .p2pkhUncompressed || header == .p2pkhCompressed else {
                return .headerMismatch("\(header.name) header for a P2PKH address")
            }
            kind = header
        case .p2sh:
            kind = .p2shP2wpkh
        case .witness(version: 0, program: let program) where program.count == 20:
            kind = .p2wpkh
        default:
            return .headerMismatch("a BIP-137 signature cannot prove this address type; use BIP-322")
        }
        if kind != header {
            let lenient = policy == .electrum && header == .p2pkhCompressed
            guard lenient else { return .headerMismatch("\(header.name) header for a \(kind.name) address") }
        }
        guard let key = sig.signature.recoverPublicKey(digest: SignedMessage.hash(message),
                                                       compressed: header.isCompressed) else {
            return .keyNotRecovered
        }
        let expected: [UInt8]
        let actual: [UInt8]
        switch payload {
        case .p2pkh(let hash): expected = hash; actual = key.hash160
        case .p2sh(let hash): expected = hash; actual = Hashes.hash160([0x00, 0x14] + key.hash160)
        case .witness(_, let program): expected = program; actual = key.hash160
        }
        guard expected == actual else {
            return .notSigned("signed by another key (recovered \(Hex.encode(key.serialized)))")
        }
        return .valid
    }
}
