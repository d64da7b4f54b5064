import Bitcoin
import Foundation
import GRDB
import Ledger
import Testing
@testable import Treasury

@Suite struct ImportTransactionTests {
    /// The amounts `funded()` holds, by display txid and vout.
    static let held: [String: Int64] = ["\(txid(20)):0": 50_000_000, "\(txid(21)):3": 25_000_000]

    /// A transaction spending `inputs` (display txid, vout) to `outputs` (address, sats), signed by the hot key for
    /// the amounts `funded()` holds (1 sat for outputs it does not hold).
    static func tx(_ inputs: [(String, UInt32)], _ outputs: [(String, Int64)], hashType: SighashType = .all) throws -> String {
        let unsigned = Transaction(version: 2,
                    inputs: inputs.map { TxInput(prevout: OutPoint(txid: Array(Hex.decode($0.0)!.reversed()), vout: $0.1)) },
                    outputs: try outputs.map { TxOutput(value: $0.1, scriptPubKey: try Address.parse($0.0).scriptPubKey) },
                    lockTime: 0)
        return TestP2WPKHSigner.sign(unsigned, amounts: inputs.map { held["\($0.0):\($0.1)"] ?? 1 }, hashType: hashType).hex
    }

    /// A fixture holding 0.5 BTC at txid(20):0 and 0.25 BTC at txid(21):3 in the hot wallet.
    static func funded() throws -> ImportFixture {
        let f = try ImportFixture()
        let outcome = try f.importer.importPayouts(csv: try f.file("p.csv", payoutsCSV([
            ["2026-03-01", "f2pool", "guddu-1", "0.5", ImportFixture.hot, txid(20), "0"],
            ["2026-03-01", "f2pool", "guddu-1", "0.25", ImportFixture.hot, txid(21), "3"],
        ])))
        precondition(outcome.errors.isEmpty)
        return f
    }

    @Test func transferDisbursementChangeAndFee() throws {
        let f = try ImportTransactionTests.funded()
        let hex = try ImportTransactionTests.tx([(txid(20), 0), (txid(21), 3)],
                                                [(ImportFixture.cold, 60_000_000), (ImportFixture.stranger, 10_000_000), (ImportFixture.hot, 4_990_000)])
        let csv = try f.file("t.csv", "date,hex,purpose,approval\n2026-03-10,\(hex),grants,CAB-2026-17\n")
        let outcome = try f.importer.importTransactions(csv: csv)
        #expect(outcome.errors == [])
        let postings = try f.postings(batch: try #require(outcome.batch))
        #expect(postings[0].map(\.0) == ["Assets:Reserve:Hot", "Assets:Reserve:Cold", "Expenses:Disbursements:Grants",
                                         "Assets:Reserve:Hot", "Expenses:NetworkFees"])
        #expect(postings[0].map(\.2) == [-75_000_000, 60_000_000, 10_000_000, 4_990_000, 10_000])
        #expect(postings[0].map(\.3) == [-2_137_500_000, 1_710_000_000, 285_000_000, 142_215_000, 285_000])
        let spent = try f.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM reserve_output WHERE spent_by_txid IS NOT NULL") }
        #expect(spent == 2)
        let held = try f.store.read { db in try Int64.fetchAll(db, sql: "SELECT vout FROM reserve_output WHERE spent_by_txid IS NULL ORDER BY vout") }
        #expect(held == [0, 2])
        #expect(try f.importer.importTransactions(csv: csv).counts == BatchCounts(alreadyBooked: 1))
        // Spending the same output again is refused.
        let again = try ImportTransactionTests.tx([(txid(20), 0)], [(ImportFixture.cold, 49_000_000)])
        let double = try f.importer.importTransactions(csv: try f.file("d.csv", "date,hex,purpose,approval\n2026-03-11,\(again),,\n"))
        #expect(double.errors.first?.message.contains("already spent by transaction") == true)
        // Undo releases the spent marks and removes the new outputs.
        _ = try f.importer.undo(batch: try #require(outcome.batch), reason: "test")
        let open = try f.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM reserve_output WHERE spent_by_txid IS NULL") }
        #expect(open == 2)
        #expect(try f.importer.importTransactions(csv: csv).counts == BatchCounts(new: 1))
    }

    @Test func refusals() throws {
        let f = try ImportTransactionTests.funded()
        let unknown = try ImportTransactionTests.tx([(txid(99), 0)], [(ImportFixture.cold, 1_000)])
        let noApproval = try ImportTransactionTests.tx([(txid(20), 0)], [(ImportFixture.stranger, 49_000_000)])
        let tooMuch = try ImportTransactionTests.tx([(txid(20), 0)], [(ImportFixture.cold, 60_000_000)])
        let before = try f.fingerprint()
        let csv = try f.file("t.csv", """
            date,hex,purpose,approval
            2026-03-10,\(unknown),,
            2026-03-10,\(noApproval),grants,
            2026-03-10,0200000001zz,,
            2026-03-10,\(tooMuch),,

            """)
        let outcome = try f.importer.importTransactions(csv: csv)
        #expect(outcome.errors.map(\.line) == [2, 3, 4, 5])
        #expect(outcome.errors.map(\.column) == ["hex", "approval", "hex", "hex"])
        #expect(outcome.errors[0].message == "input 0 spends \(txid(99)):0, which the ledger does not hold (import the payout or transaction that created it first)")
        #expect(outcome.errors[1].message == "output 0 is a disbursement (grants) without an approval reference")
        #expect(outcome.errors[2].message == "transaction is not hexadecimal")
        #expect(try f.fingerprint() == before)
    }

    /// Signatures are verified before anything is booked: a bad one, an unsigned input, and (without
    /// --allow-sighash) SIGHASH_NONE each refuse the file, at the line, naming the input.
    @Test func signaturesAreVerified() throws {
        let f = try ImportTransactionTests.funded()
        let good = try ImportTransactionTests.tx([(txid(20), 0)], [(ImportFixture.cold, 49_990_000)])
        var bad = try Transaction(hex: good)
        bad.outputs[0].value -= 1   // changed after signing
        let unsigned = Transaction(version: 2, inputs: [TxInput(prevout: OutPoint(txid: Array(Hex.decode(txid(21))!.reversed()), vout: 3))],
                                   outputs: [TxOutput(value: 24_990_000, scriptPubKey: try Address.parse(ImportFixture.cold).scriptPubKey)], lockTime: 0)
        let none = try ImportTransactionTests.tx([(txid(21), 3)], [(ImportFixture.cold, 24_990_000)], hashType: .none)
        let before = try f.fingerprint()
        let csv = try f.file("s.csv", """
            date,hex,purpose,approval
            2026-03-10,\(bad.hex),,
            2026-03-10,\(unsigned.hex),,
            2026-03-10,\(none),,

            """)
        let outcome = try f.importer.importTransactions(csv: csv)
        #expect(outcome.errors.map(\.line) == [2, 3, 4])
        #expect(outcome.errors.map(\.column) == ["hex", "hex", "hex"])
        #expect(outcome.errors[0].message == "input 0: invalid signature: signature does not verify for this key, transaction and amount")
        #expect(outcome.errors[1].message == "input 0: invalid signature: P2WPKH witness has 0 items; it needs exactly a signature and a key")
        #expect(outcome.errors[2].message == "input 0 is signed with SIGHASH_NONE, which lets others change the transaction after signing (book it only with --allow-sighash)")
        #expect(try f.fingerprint() == before)
        // With --allow-sighash the NONE transaction is booked, its signer recorded with its hash type.
        var options = ImportOptions()
        options.allowsPermissiveSighash = true
        let allowed = try f.importer.importTransactions(csv: try f.file("n.csv", "date,hex,purpose,approval\n2026-03-10,\(none),,\n"), options: options)
        #expect(allowed.errors == [] && allowed.counts == BatchCounts(new: 1))
        let signers = try f.store.read { db in try Row.fetchAll(db, sql: "SELECT input, key_index, kind, hash_type, wallet FROM spend_signer") }
        #expect(signers.count == 1)
        #expect(signers.first.map { [$0[0] as Int64, $0[1] as Int64, $0[3] as Int64] } == [0, 0, 2])
        #expect(signers.first?[2] as String? == "p2wpkh")
    }
}
