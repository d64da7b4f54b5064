import Bitcoin
import Foundation
import GRDB
import Ledger

/// `reserve report approvals`: every live spend of the reserve with its amounts, purpose, approval reference and who
/// signed each input (from `spend_signer`), flagging signatures with hash types other than ALL/DEFAULT (booked only
/// with `import transactions --allow-sighash`).
public struct ApprovalsReport: Sendable {
    public struct Signature: Sendable, Equatable {
        public var input: Int, keyIndex: Int, keyCount: Int, threshold: Int
        public var kind: String, wallet: String, origin: String?, name: String?, hashType: SighashType
    }

    public struct Spend: Sendable, Equatable {
        public var date: String, at: String, txid: String
        public var spentSats: Int64, toReserveSats: Int64, disbursedSats: Int64, feeSats: Int64
        public var purpose: String?, approval: String?
        public var signatures: [Signature]

        /// Hash types other than ALL/DEFAULT among the signatures, by name.
        public var permissiveHashTypes: [String] {
            var out: [String] = []
            for s in signatures where !s.hashType.commitsToAll && !out.contains(s.hashType.name) { out.append(s.hashType.name) }
            return out
        }
    }

    public let from: LedgerDate?
    public let to: LedgerDate?
    public let spends: [Spend]

    /// The spends booked (live, not reversed) with accounting dates in `from…to`.
    public static func compute(_ store: LedgerStore, from: LedgerDate? = nil, to: LedgerDate? = nil) throws -> ApprovalsReport {
        try store.read { db in
            var spends: [Spend] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT s.txn_id, s.txid, s.at, s.hex, s.purpose, s.approval, t.date FROM reserve_spend s JOIN txn t ON t.id = s.txn_id
                WHERE \(TreasuryChecks.live) AND (? IS NULL OR t.date >= ?) AND (? IS NULL OR t.date <= ?) ORDER BY t.date, s.txn_id
                """, arguments: [from?.description, from?.description, to?.description, to?.description]) {
                let txn: Int64 = row[0]
                let outputs = (try? Transaction(hex: row[3]))?.outputs ?? []
                let spent = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(amount), 0) FROM reserve_output WHERE spent_txn_id = ?", arguments: [txn]) ?? 0
                let toReserve = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(amount), 0) FROM reserve_output WHERE txn_id = ?", arguments: [txn]) ?? 0
                let paid = outputs.reduce(Int64(0)) { $0 + $1.value }
                let signatures = try Row.fetchAll(db, sql: """
                    SELECT input, key_index, key_count, threshold, kind, wallet, origin, name, hash_type FROM spend_signer
                    WHERE txn_id = ? ORDER BY input, key_index
                    """, arguments: [txn]).map {
                    Signature(input: $0[0], keyIndex: $0[1], keyCount: $0[2], threshold: $0[3], kind: $0[4], wallet: $0[5],
                              origin: $0[6], name: $0[7], hashType: SighashType(rawValue: UInt8($0[8] as Int64)))
                }
                spends.append(Spend(date: row[6], at: row[2], txid: row[1], spentSats: spent, toReserveSats: toReserve,
                                    disbursedSats: paid - toReserve, feeSats: spent - paid, purpose: row[4], approval: row[5],
                                    signatures: signatures))
            }
            return ApprovalsReport(from: from, to: to, spends: spends)
        }
    }

    /// One input's signers in words: `input 1 (p2wsh 2 of 3, cold): Finance Ministry [e0707bec/0/0], …`.
    static func describe(input: Int, _ sigs: [Signature]) -> String {
        guard let first = sigs.first else { return "input \(input): none" }
        let who = sigs.map { s -> String in
            let label = s.name ?? "key \(s.keyIndex + 1)"
            let origin = s.origin.map { " [\($0)]" } ?? ""
            let type = s.hashType.commitsToAll ? "" : " SIGHASH_\(s.hashType.name)"
            return label + origin + type
        }.joined(separator: ", ")
        let shape = first.kind + (first.keyCount > 1 ? " \(first.threshold) of \(first.keyCount)" : "")
        return "input \(input) (\(shape), \(first.wallet)): \(who)"
    }

    public func document() -> ReportDocument {
        let spendColumns = [
            ReportColumn("date", title: "Date"),
            ReportColumn("txid", title: "Txid"),
            ReportColumn("spent_btc", integer: "spent_sats", title: "Spent", unit: .sats),
            ReportColumn("to_reserve_btc", integer: "to_reserve_sats", title: "To reserve", unit: .sats),
            ReportColumn("disbursed_btc", integer: "disbursed_sats", title: "Disbursed", unit: .sats),
            ReportColumn("fee_btc", integer: "fee_sats", title: "Fee", unit: .sats),
            ReportColumn("purpose", title: "Purpose"),
            ReportColumn("approval", title: "Approval"),
            ReportColumn("signers", title: "Signers"),
            ReportColumn("sighash_flag", title: "Sighash flag"),
        ]
        let signerColumns = [
            ReportColumn("txid", title: "Txid"),
            ReportColumn("input", integer: "input_index", title: "Input", unit: .count),
            ReportColumn("kind", title: "Script"),
            ReportColumn("wallet", title: "Wallet"),
            ReportColumn("key", title: "Key"),
            ReportColumn("name", title: "Keyholder"),
            ReportColumn("origin", title: "Key origin"),
            ReportColumn("hash_type", title: "Hash type"),
        ]
        var rows: [[ReportCell]] = [], signerRows: [[ReportCell]] = []
        var flagged: [String] = []
        for s in spends {
            let byInput = Dictionary(grouping: s.signatures, by: \.input)
            let signers = byInput.keys.sorted().map { Self.describe(input: $0, byInput[$0] ?? []) }.joined(separator: "; ")
            let permissive = s.permissiveHashTypes
            let flag = permissive.isEmpty ? "" : permissive.joined(separator: ", ") + " (booked with --allow-sighash)"
            if !permissive.isEmpty { flagged.append("transaction \(s.txid) is signed with \(permissive.joined(separator: ", "))") }
            rows.append([.text(s.date), .text(s.txid), .int(s.spentSats), .int(s.toReserveSats), .int(s.disbursedSats), .int(s.feeSats),
                         .text(s.purpose ?? ""), .text(s.approval ?? ""), .text(signers), .text(flag)])
            for g in s.signatures {
                signerRows.append([.text(s.txid), .int(Int64(g.input)), .text(g.kind), .text(g.wallet),
                                   .text("\(g.keyIndex + 1) of \(g.keyCount)"), .text(g.name ?? ""), .text(g.origin ?? ""),
                                   .text(g.hashType.name)])
            }
        }
        let total: [ReportCell] = [.text("Total"), .text(""), .int(spends.reduce(0) { $0 + $1.spentSats }),
                                   .int(spends.reduce(0) { $0 + $1.toReserveSats }), .int(spends.reduce(0) { $0 + $1.disbursedSats }),
                                   .int(spends.reduce(0) { $0 + $1.feeSats }), .text(""), .text(""), .text(""), .text("")]
        let range = (from.map { "from \($0)" } ?? "") + (from != nil && to != nil ? " " : "") + (to.map { "to \($0)" } ?? "")
        return ReportDocument(
            name: "approvals", title: "Spends and who signed them" + (range.isEmpty ? "" : " (\(range))"),
            parameters: [("from", from.map { .text($0.description) } ?? .null), ("to", to.map { .text($0.description) } ?? .null),
                         ("spends_count", .int(Int64(spends.count))), ("flagged_count", .int(Int64(flagged.count)))],
            sections: [
                ReportSection(id: "spends", title: "Spends", columns: spendColumns, rows: rows, total: total),
                ReportSection(id: "signers", title: "Signatures", columns: signerColumns, rows: signerRows),
            ],
            findings: flagged)
    }
}
