import Bitcoin
import Foundation
import GRDB
import Ledger

/// The ledger against a chain snapshot, through the accounting date of the snapshot's `--as-of`: per wallet,
/// ledger balance vs the snapshot's unspent outputs of that wallet; per output, whether both sides agree.
public struct ReconciliationReport: Sendable {
    /// What one output's comparison found.
    public enum Status: String, Sendable, CaseIterable {
        case matched
        /// Same outpoint, different amounts.
        case amountDiffers = "amount_differs"
        /// Booked, neither spent in the ledger nor unspent on chain.
        case bookedNotOnChain = "booked_not_on_chain"
        /// Unspent on chain, never booked.
        case onChainNotBooked = "on_chain_not_booked"
        /// Unspent on chain, but the ledger booked a transaction spending it.
        case spentInLedger = "spent_in_ledger"
    }

    public struct OutputLine: Sendable, Equatable {
        public var txid: String
        public var vout: Int64?
        public var wallet: String
        public var status: Status
        public var ledgerSats: Int64
        public var chainSats: Int64
    }

    public struct WalletLine: Sendable, Equatable {
        public var wallet: String
        public var ledgerSats: Int64
        public var chainSats: Int64
        public var outputsMatched: Int64
        public var outputsDiffering: Int64
        public var difference: Int64 { ledgerSats - chainSats }
    }

    public var snapshotID: Int64
    public var asOf: String
    public var asOfDate: LedgerDate
    public var height: Int64
    public var bestBlock: String?
    public var wallets: [WalletLine]
    public var outputs: [OutputLine]

    /// True when every wallet balance and every output agree.
    public var matches: Bool { wallets.allSatisfy { $0.difference == 0 } && outputs.allSatisfy { $0.status == .matched } }

    /// Compares the ledger with snapshot `id` (default: the latest).
    public static func compute(_ store: LedgerStore, snapshot id: Int64? = nil) throws -> ReconciliationReport {
        try store.read { db in
            let snap: Row
            if let id {
                guard let r = try Row.fetchOne(db, sql: "SELECT id, as_of, as_of_date, height, best_block FROM snapshot WHERE id = ?",
                                               arguments: [id]) else { throw ReportError.unknownSnapshot(id) }
                snap = r
            } else {
                guard let r = try Row.fetchOne(db, sql: "SELECT id, as_of, as_of_date, height, best_block FROM snapshot ORDER BY id DESC LIMIT 1")
                else { throw ReportError.noSnapshot }
                snap = r
            }
            let snapshotID: Int64 = snap[0]
            let asOfDate = try LedgerDate(snap[2] as String)
            let day = asOfDate.description
            // Outputs the ledger holds at the end of the as-of date: booked by then (and not reversed), not spent by then.
            let booked = try Row.fetchAll(db, sql: """
                SELECT o.txid, o.vout, o.wallet, o.script_pubkey, o.amount,
                       (o.spent_txn_id IS NOT NULL AND s.date <= ?
                        AND NOT EXISTS (SELECT 1 FROM txn r WHERE r.reverses = o.spent_txn_id)) AS spent
                FROM reserve_output o JOIN txn t ON t.id = o.txn_id LEFT JOIN txn s ON s.id = o.spent_txn_id
                WHERE t.date <= ? AND NOT EXISTS (SELECT 1 FROM txn r WHERE r.reverses = o.txn_id)
                """, arguments: [day, day])
            let chain = try Row.fetchAll(db, sql: """
                SELECT u.txid, u.vout, coalesce(u.wallet,
                  (SELECT o.wallet FROM reserve_output o WHERE o.script_pubkey = u.script_pubkey LIMIT 1)), u.script_pubkey, u.amount
                FROM snapshot_utxo u WHERE u.snapshot_id = ? ORDER BY u.txid, u.vout
                """, arguments: [snapshotID])
            struct Booked { var txid: String; var vout: Int64?; var wallet: String; var script: [UInt8]; var amount: Int64; var spent: Bool; var used = false }
            var ledger = booked.map { r in
                Booked(txid: r[0], vout: r[1], wallet: r[2], script: [UInt8](r[3] as Data), amount: r[4], spent: r[5])
            }
            var byOutpoint: [String: Int] = [:]
            var byTxidScript: [String: [Int]] = [:]
            for (i, b) in ledger.enumerated() {
                if let v = b.vout { byOutpoint["\(b.txid):\(v)"] = i } else {
                    byTxidScript[b.txid + ":" + Hex.encode(b.script), default: []].append(i)
                }
            }
            var outputs: [OutputLine] = []
            for r in chain {
                let txid: String = r[0], vout: Int64 = r[1], amount: Int64 = r[4]
                let wallet: String = r[2] ?? ""
                let script = [UInt8](r[3] as Data)
                var index = byOutpoint["\(txid):\(vout)"]
                if index == nil, var candidates = byTxidScript[txid + ":" + Hex.encode(script)] {
                    candidates.removeAll { ledger[$0].used }
                    index = candidates.first { ledger[$0].amount == amount } ?? candidates.first
                }
                guard let i = index, !ledger[i].used else {
                    outputs.append(OutputLine(txid: txid, vout: vout, wallet: wallet, status: .onChainNotBooked,
                                              ledgerSats: 0, chainSats: amount))
                    continue
                }
                ledger[i].used = true
                let b = ledger[i]
                let status: Status = b.spent ? .spentInLedger : (b.amount == amount ? .matched : .amountDiffers)
                outputs.append(OutputLine(txid: txid, vout: vout, wallet: b.wallet, status: status,
                                          ledgerSats: b.spent ? 0 : b.amount, chainSats: amount))
            }
            for b in ledger where !b.used && !b.spent {
                outputs.append(OutputLine(txid: b.txid, vout: b.vout, wallet: b.wallet, status: .bookedNotOnChain,
                                          ledgerSats: b.amount, chainSats: 0))
            }
            outputs.sort { ($0.wallet, $0.txid, $0.vout ?? -1) < ($1.wallet, $1.txid, $1.vout ?? -1) }
            let wallets = try walletLines(db, day: day, outputs: outputs)
            return ReconciliationReport(snapshotID: snapshotID, asOf: snap[1], asOfDate: asOfDate, height: snap[3],
                                        bestBlock: snap[4], wallets: wallets, outputs: outputs)
        }
    }

    /// Ledger balance per reserve wallet account through `day`, against the snapshot's outputs of that wallet.
    static func walletLines(_ db: Database, day: String, outputs: [OutputLine]) throws -> [WalletLine] {
        var lines: [String: WalletLine] = [:]
        var nameOf: [String: String] = [:]
        for o in outputs where !o.wallet.isEmpty { nameOf[Identifiers.accountComponent(o.wallet)] = o.wallet }
        for name in try String.fetchAll(db, sql: "SELECT DISTINCT wallet FROM reserve_output") {
            nameOf[Identifiers.accountComponent(name)] = name
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT a.name, coalesce(sum(d.amount), 0) FROM account a
            LEFT JOIN account_day d ON d.account_id = a.id AND d.commodity = 'BTC' AND d.date <= ?
            WHERE a.name GLOB 'Assets:Reserve:*' GROUP BY a.name
            """, arguments: [day]) {
            let component = String((row[0] as String).dropFirst("Assets:Reserve:".count))
            let wallet = nameOf[component] ?? component
            lines[wallet] = WalletLine(wallet: wallet, ledgerSats: row[1], chainSats: 0, outputsMatched: 0, outputsDiffering: 0)
        }
        for o in outputs {
            let key = o.wallet.isEmpty ? "(unknown)" : o.wallet
            var line = lines[key] ?? WalletLine(wallet: key, ledgerSats: 0, chainSats: 0, outputsMatched: 0, outputsDiffering: 0)
            line.chainSats += o.chainSats
            if o.status == .matched { line.outputsMatched += 1 } else { line.outputsDiffering += 1 }
            lines[key] = line
        }
        return lines.values.sorted { $0.wallet < $1.wallet }
    }
}
