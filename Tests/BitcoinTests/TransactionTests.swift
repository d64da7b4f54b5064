import Testing
@testable import Bitcoin

/// Parsing and serialising transactions, against BIP-143 and BIP-341 example transactions.
@Suite struct TransactionTests {
    /// BIP-143 "Native P2WPKH" signed transaction (bips/bip-0143.mediawiki, Example).
    static let bip143Signed = "01000000000102fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f00000000494830450221008b9d1dc26ba6a9cb62127b02742fa9d754cd3bebf337f7a55d114c8e5cdd30be022040529b194ba3f9281a99f2b1c0a19c0489bc22ede944ccf4ecbab4cc618ef3ed01eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a0100000000ffffffff02202cb206000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d5988ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac000247304402203609e17b84f6a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc44a0220573a954c4518331561406f90300e8f3358f51928d43c212a8caed02de67eebee0121025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee635711000000"
    static let bip143Unsigned = "0100000002fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f0000000000eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a0100000000ffffffff02202cb206000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d5988ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac11000000"

    @Test func parsesSegwitTransactionFields() throws {
        let tx = try Transaction(hex: Self.bip143Signed)
        #expect(tx.version == 1)
        #expect(tx.lockTime == 0x11)
        #expect(tx.inputs.count == 2)
        #expect(tx.inputs[0].prevout.vout == 0)
        #expect(tx.inputs[0].sequence == 0xffff_ffee)
        #expect(tx.inputs[0].witness.isEmpty)
        #expect(tx.inputs[1].witness.count == 2)
        #expect(Hex.encode(tx.inputs[1].witness[1]) == "025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee6357")
        #expect(tx.outputs.map(\.value) == [112_340_000, 223_450_000])
        #expect(tx.hex == Self.bip143Signed)
    }

    @Test func txidIgnoresWitnessWtxidDoesNot() throws {
        let signed = try Transaction(hex: Self.bip143Signed)
        var stripped = signed
        for i in stripped.inputs.indices { stripped.inputs[i].witness = [] }
        #expect(Hex.encode(stripped.serialized()) != Self.bip143Signed)
        #expect(signed.txid == stripped.txid)
        #expect(signed.wtxid != signed.txid)
        #expect(stripped.wtxid == stripped.txid)
        #expect(signed.txid == Hashes.sha256d(stripped.serialized()))
        #expect(signed.wtxid == Hashes.sha256d(hex(Self.bip143Signed)))
    }

    @Test func legacyRoundTrip() throws {
        let tx = try Transaction(hex: Self.bip143Unsigned)
        #expect(!tx.hasWitness)
        #expect(tx.hex == Self.bip143Unsigned)
    }

    /// The BIP-341 wallet vectors' fully signed transaction: 9 inputs, mixed witnesses.
    @Test func bip341SignedTransactionRoundTrips() throws {
        let root = try #require(try VectorFile.json("bip341_wallet_vectors.json") as? [String: Any])
        let spending = try #require((root["keyPathSpending"] as? [[String: Any]])?.first)
        let aux = try #require(spending["auxiliary"] as? [String: Any])
        let signedHex = try #require(aux["fullySignedTx"] as? String)
        let tx = try Transaction(hex: signedHex)
        #expect(tx.inputs.count == 9)
        #expect(tx.hex == signedHex)
        let given = try #require(spending["given"] as? [String: Any])
        let unsigned = try Transaction(hex: try #require(given["rawUnsignedTx"] as? String))
        // Signing adds witnesses and one P2PKH scriptSig; everything else is unchanged.
        #expect(unsigned.outputs == tx.outputs)
        #expect(unsigned.inputs.map(\.prevout) == tx.inputs.map(\.prevout))
        #expect(unsigned.inputs.map(\.sequence) == tx.inputs.map(\.sequence))
        #expect(tx.inputs.filter { !$0.scriptSig.isEmpty }.count == 1)
    }

    @Test func knownTxid() throws {
        // Block 170's transaction, the first bitcoin payment (Satoshi to Hal Finney).
        let raw = "0100000001c997a5e56e104102fa209c6a852dd90660a20b2d9c352423edce25857fcd3704000000004847304402204e45e16932b8af514961a1d3a1a25fdf3f4f7732e9d624c6c61548ab5fb8cd410220181522ec8eca07de4860a4acdd12909d831cc56cbbac4622082221a8768d1d0901ffffffff0200ca9a3b00000000434104ae1a62fe09c5f51b13905f07f06b99a2f7159b2225f374cd378d71302fa28414e7aab37397f554a7df5f142c21c1b7303b8a0626f1baded5c72a704f7e6cd84cac00286bee0000000043410411db93e1dcdb8a016b49840f8c53bc1eb68a382e97b1482ecad7b148a6909a5cb2e0eaddfb84ccf9744464f82e160bfa9b8b64f9d4c03f999b8643f656b412a3ac00000000"
        let tx = try Transaction(hex: raw)
        #expect(tx.txidHex == "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16")
        #expect(tx.wtxidHex == tx.txidHex)
    }

    @Test func refusesMalformedBytes() {
        let good = hex(Self.bip143Unsigned)
        #expect(throws: TransactionParseError.notHex) { try Transaction(hex: "zz") }
        #expect(throws: TransactionParseError.malformed(.trailingBytes(count: 1))) { try Transaction(bytes: good + [0]) }
        #expect(throws: TransactionParseError.malformed(.truncated(offset: good.count - 4, needed: 1))) {
            try Transaction(bytes: Array(good.dropLast()))
        }
        // Input count written as fd 02 00: not minimal.
        let nonCanonical = Array(good[0..<4]) + [0xfd, 0x02, 0x00] + Array(good[5...])
        #expect(throws: TransactionParseError.malformed(.nonCanonicalCompactSize(offset: 4))) {
            try Transaction(bytes: nonCanonical)
        }
        // A huge input count must not allocate: it is refused against the bytes left.
        let huge = Array(good[0..<4]) + [0xfe, 0xff, 0xff, 0xff, 0x7f] + Array(good[5...])
        #expect(throws: TransactionParseError.malformed(.sizeTooLarge(0x7fff_ffff, offset: 4))) {
            try Transaction(bytes: huge)
        }
        #expect(throws: TransactionParseError.malformed(.unknownSegwitFlag(2))) {
            try Transaction(bytes: Array(good[0..<4]) + [0x00, 0x02] + Array(good[4...]))
        }
    }

    @Test func refusesSegwitMarkerWithEmptyWitnesses() throws {
        let tx = try Transaction(hex: Self.bip143Unsigned)
        var bytes = Array(hex(Self.bip143Unsigned)[0..<4]) + [0x00, 0x01]
        bytes += hex(Self.bip143Unsigned)[4..<(hex(Self.bip143Unsigned).count - 4)]
        bytes += [0x00, 0x00]  // two empty witnesses
        bytes += [0x11, 0, 0, 0]
        #expect(tx.inputs.count == 2)
        #expect(throws: TransactionParseError.malformed(.superfluousWitness)) { try Transaction(bytes: bytes) }
    }

    @Test func refusesOutputAboveMaxMoney() throws {
        var tx = try Transaction(hex: Self.bip143Unsigned)
        tx.outputs[1].value = Transaction.maxMoney + 1
        #expect(throws: TransactionParseError.malformed(.valueOutOfRange(Transaction.maxMoney + 1, output: 1))) {
            try Transaction(bytes: tx.serialized())
        }
    }

    @Test func witnessStackRoundTripAndErrors() throws {
        let items: [[UInt8]] = [[], [1, 2, 3], [UInt8](repeating: 7, count: 300)]
        let encoded = WitnessStack.encode(items)
        #expect(try WitnessStack.decode(encoded) == items)
        #expect(throws: ByteDecodingError.trailingBytes(count: 1)) { try WitnessStack.decode(encoded + [0]) }
        #expect(throws: ByteDecodingError.truncated(offset: 0, needed: 1)) { try WitnessStack.decode([]) }
        #expect(throws: ByteDecodingError.sizeTooLarge(5, offset: 1)) { try WitnessStack.decode([1, 5, 1]) }
    }
}
