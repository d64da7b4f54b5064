/// Which signed-message format a signature was read as.
public enum MessageSignatureFormat: String, Sendable {
    /// BIP-137 / `signmessage`: 65-byte compact signature with a header byte.
    case bip137
    /// BIP-322 simple: a witness stack, optionally prefixed `smp`.
    case bip322Simple = "bip322-simple"
    /// BIP-322 full: a whole `to_sign` transaction, prefixed `ful` (not verified here).
    case bip322Full = "bip322-full"
    /// The signature could not be read as any format.
    case unknown
}

/// Verifies a signed message whatever its format: BIP-137 or BIP-322 simple, detected from the
/// signature and the address (P2PKH always uses BIP-137).
public enum MessageVerifier {
    /// The verdict for `signature` over `message` (its UTF-8 bytes) by `address`, and the format detected.
    public static func verify(address: String, message: String, signature: String,
                              policy: MessageHeaderPolicy = .strict) -> (result: VerificationResult, format: MessageSignatureFormat) {
        let parsed: Address
        do { parsed = try Address.parse(address) } catch { return (.invalidAddress("\(error)"), .unknown) }
        return verify(address: parsed, message: Array(message.utf8), signature: signature, policy: policy)
    }

    /// As ``verify(address:message:signature:policy:)`` for a parsed address and raw message bytes.
    public static func verify(address: Address, message: [UInt8], signature: String,
                              policy: MessageHeaderPolicy = .strict) -> (result: VerificationResult, format: MessageSignatureFormat) {
        var text = Substring(signature)
        var declared: MessageSignatureFormat?
        if text.hasPrefix("smp") {
            declared = .bip322Simple
            text = text.dropFirst(3)
        } else if text.hasPrefix("ful") {
            declared = .bip322Full
            text = text.dropFirst(3)
        }
        guard let bytes = Base64.decode(text) else {
            return (.malformedSignature("signature is not valid base64"), declared ?? .unknown)
        }
        if declared == .bip322Full {
            return (.unsupported("BIP-322 full signatures (a whole to_sign transaction) are not verified"), .bip322Full)
        }
        let looksCompact = bytes.count == 65 && MessageSignatureHeader(byte: bytes[0]) != nil
        var isP2PKH = false
        if case .p2pkh = address.payload { isP2PKH = true }
        if declared == nil, isP2PKH || looksCompact {
            return (BIP137.verify(address: address, message: message, signature: bytes, policy: policy), .bip137)
        }
        let witness: [[UInt8]]
        do { witness = try WitnessStack.decode(bytes) } catch {
            if declared == nil, !bytes.isEmpty, (try? Transaction(bytes: bytes)) != nil {
                return (.unsupported("BIP-322 full signatures (a whole to_sign transaction) are not verified"),
                        .bip322Full)
            }
            let why = bytes.isEmpty ? "signature too short (empty)" : "not a BIP-322 witness stack (\(error))"
            return (.malformedSignature(why), .bip322Simple)
        }
        return (BIP322.verifySimple(address: address, message: message, witness: witness), .bip322Simple)
    }
}
