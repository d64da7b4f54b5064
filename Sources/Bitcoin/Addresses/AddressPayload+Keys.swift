/// Payloads built from public keys and scripts.
extension AddressPayload {
    /// P2PKH of a key (compressed or not, as the key is marked).
    public static func p2pkh(key: PublicKey) -> AddressPayload { .p2pkh(key.hash160) }

    /// P2WPKH of a compressed key; uncompressed keys are refused (BIP-143 makes them non-standard).
    public static func p2wpkh(key: PublicKey) throws(AddressError) -> AddressPayload {
        guard key.isCompressed else { throw .uncompressedKey }
        return .witness(version: 0, program: key.hash160)
    }

    /// P2SH-wrapped P2WPKH (BIP-49 style) of a compressed key.
    public static func p2shP2wpkh(key: PublicKey) throws(AddressError) -> AddressPayload {
        .p2sh(redeemScript: try p2wpkh(key: key).scriptPubKey)
    }

    /// P2SH of a redeem script.
    public static func p2sh(redeemScript: [UInt8]) -> AddressPayload { .p2sh(Hashes.hash160(redeemScript)) }

    /// P2WSH of a witness script (its SHA-256).
    public static func p2wsh(witnessScript: [UInt8]) -> AddressPayload {
        .witness(version: 0, program: Hashes.sha256(witnessScript))
    }

    /// P2TR paying to an already tweaked output key.
    public static func p2tr(outputKey: XOnlyPublicKey) -> AddressPayload { .witness(version: 1, program: outputKey.bytes) }

    /// P2TR of an internal key and an optional script tree's Merkle root (BIP-341 TapTweak).
    public static func p2tr(internalKey: XOnlyPublicKey, merkleRoot: [UInt8]?) throws(TaprootError) -> AddressPayload {
        .p2tr(outputKey: try Taproot.outputKey(internalKey: internalKey, merkleRoot: merkleRoot).key)
    }
}
