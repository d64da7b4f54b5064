/// BIP-322 generic signed messages: the message hash and the virtual transactions.
public enum BIP322 {
    /// Tagged hash "BIP0322-signed-message" of the message bytes.
    public static func messageHash(_ message: [UInt8]) -> [UInt8] {
        Hashes.tagged("BIP0322-signed-message", message)
    }

    /// The virtual `to_spend` transaction: spends nothing, commits to the message, pays 0 to `scriptPubKey`.
    public static func toSpend(scriptPubKey: [UInt8], message: [UInt8]) -> Transaction {
        let input = TxInput(prevout: OutPoint(txid: [UInt8](repeating: 0, count: 32), vout: 0xffff_ffff),
                            scriptSig: [0x00, 0x20] + messageHash(message), sequence: 0)
        return Transaction(version: 0, inputs: [input], outputs: [TxOutput(value: 0, scriptPubKey: scriptPubKey)],
                           lockTime: 0)
    }

    /// The virtual `to_sign` transaction (simple form): spends `to_spend`'s output 0 with `witness`
    /// into a single OP_RETURN output.
    public static func toSign(toSpend: Transaction, witness: [[UInt8]]) -> Transaction {
        let input = TxInput(prevout: OutPoint(txid: toSpend.txid, vout: 0), scriptSig: [], sequence: 0, witness: witness)
        return Transaction(version: 0, inputs: [input], outputs: [TxOutput(value: 0, scriptPubKey: [0x6a])], lockTime: 0)
    }
}
