import Bitcoin
import Foundation
import GRDB
import Ledger
import Testing
@testable import Treasury

@Suite struct ImportTransactionTests {
    /// A transaction spending `inputs` (display txid, vout) to `outputs` (address, sats).
    static func tx(_ inputs: [(String, UInt32)], _ outputs: [(String, Int64)]) throws -> String {
        Transaction(version: 2,
                    inputs: inputs.map { TxInput(prevout: OutPoint(txid: Array(Hex.decode($0.0)!.reversed()), vout: $0.1)) },
                    outputs: try outputs.map { TxOutput(value: $0.1, scriptPubKey: try Address.parse($0.0).scriptPubKey) },
                    lockTime: 0).hex
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
}
