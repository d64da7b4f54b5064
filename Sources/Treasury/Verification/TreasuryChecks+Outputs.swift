import Bitcoin
import Foundation
import GRDB
import Ledger

extension TreasuryChecks {
    /// The reserve's own transactions: each row's raw bytes give back its txid, and with its date, purpose and
    /// approval the content hash chained in its transaction (live or reversed: an undo keeps the row); every live
    /// one booked since `treasury_proven_from` has its row.
    static let spends = DerivedTableCheck(table: "reserve_spend") { db in
        for row in try Row.fetchAll(db, sql: """
            SELECT s.*, t.metadata AS chained, t.natural_key AS chained_key, t.reverses AS reversal
            FROM reserve_spend s LEFT JOIN txn t ON t.id = s.txn_id ORDER BY s.txn_id
            """) {
            let txid: String = row["txid"]
            let key = "txid=\(txid)"
            guard row["chained_key"] != nil, (row["reversal"] as Int64?) == nil else {
                return DerivedDifference(table: "reserve_spend", key: key, expected: "none (transaction \(row["txn_id"] as Int64) is missing or a reversal)",
                                         found: "a row for it")
            }
            guard let tx = try? Transaction(hex: row["hex"]) else {
                return DerivedDifference(table: "reserve_spend", key: key, expected: "a raw transaction", found: "bytes that do not parse")
            }
            let at: String = row["at"]
            let purpose = row["purpose"] as String? ?? "", approval = row["approval"] as String? ?? ""
            let computed = ImportSession.fingerprint("tx", "at=\(at);txid=\(tx.txidHex);wtxid=\(tx.wtxidHex);purpose=\(purpose);approval=\(approval)")
            let chained: String? = row["chained"]
            if tx.txidHex != txid || (row["chained_key"] as String?) != "tx:\(txid)" || computed != chained {
                return DerivedDifference(table: "reserve_spend", key: key,
                                         expected: "content hash \(chained ?? "NULL") (chained in transaction \(row["txn_id"] as Int64))",
                                         found: "a transaction \(tx.txidHex) whose content hash is \(computed)")
            }
        }
        guard let missing = try Row.fetchOne(db, sql: """
            SELECT t.id, t.natural_key FROM txn t WHERE t.natural_key GLOB 'tx:*' AND t.source = 'transactions' AND \(live)
              AND t.id >= ? AND NOT EXISTS (SELECT 1 FROM reserve_spend s WHERE s.txn_id = t.id) ORDER BY t.id LIMIT 1
            """, arguments: [try provenFrom(db)]) else { return nil }
        return DerivedDifference(table: "reserve_spend", key: "natural_key=\(missing[1] as String)",
                                 expected: "a row for transaction \(missing[0] as Int64)", found: "none")
    }

    /// Every output the reserve holds or held, and what spent it, recomputed from the payouts' chained content
    /// hashes and postings and from the reserve's own (proven) transactions; a payout recorded without a vout may
    /// have gained one only from a chained snapshot or spend.
    static let outputs = DerivedTableCheck(table: "reserve_output") { db in
        let proven = try provenFrom(db)
        // What the proven spends say: the outputs they created and the outpoints they spent.
        var created: [String: (txid: String, outputs: [TxOutput])] = [:]   // by txn id
        var spentBy: [String: (txid: String, txn: Int64)] = [:]           // "txid:vout" -> spender
        var legacySpenders = Set<Int64>()
        // Outpoints a chained record names (a spend, reversed or not, or a snapshot, voided or not): the only sources
        // of a vout a payout did not give.
        var named = Set<String>()
        for row in try Row.fetchAll(db, sql: "SELECT s.txn_id, s.hex, \(live) AS is_live FROM reserve_spend s JOIN txn t ON t.id = s.txn_id") {
            guard let tx = try? Transaction(hex: row["hex"]) else { continue }   // reported by `spends`
            let txn: Int64 = row["txn_id"]
            for input in tx.inputs { named.insert("\(input.prevout.txidHex):\(input.prevout.vout)") }
            guard row["is_live"] as Bool else { continue }
            created[String(txn)] = (tx.txidHex, tx.outputs)
            for input in tx.inputs { spentBy["\(input.prevout.txidHex):\(input.prevout.vout)"] = (tx.txidHex, txn) }
        }
        for document in try Documents.all(db, kind: SnapshotDocument.kind) {
            for o in SnapshotDocument(body: document.body)?.outputs ?? [] { named.insert("\(o.txid):\(o.vout):\(Hex.encode(o.script))") }
        }
        for id in try Int64.fetchAll(db, sql: """
            SELECT t.id FROM txn t WHERE t.natural_key GLOB 'tx:*' AND t.source = 'transactions' AND \(live)
              AND NOT EXISTS (SELECT 1 FROM reserve_spend s WHERE s.txn_id = t.id)
            """) { legacySpenders.insert(id) }
        // Wallet and amount (and vout, for the reserve's own transactions) against the reserve postings that booked
        // them, set-based: every such posting has its row and every row its posting.
        if let d = try DerivedTableCheck.sql(table: "reserve_output", keyColumns: 2, expected: """
            SELECT p.txn_id AS txn_id, CASE WHEN t.natural_key GLOB 'tx:*' THEN p.metadata ELSE '' END AS output,
              a.name AS account, p.amount AS amount
            FROM txn t JOIN posting p ON p.txn_id = t.id JOIN account a ON a.id = p.account_id
            WHERE \(live) AND a.name GLOB 'Assets:Reserve:*' AND p.commodity = 'BTC' AND p.amount > 0
              AND (t.natural_key GLOB 'payout:*' OR (t.natural_key GLOB 'tx:*' AND t.source = 'transactions' AND p.metadata GLOB 'vout=*'))
            """, stored: """
            SELECT o.txn_id AS txn_id, CASE WHEN t.natural_key GLOB 'tx:*' THEN 'vout=' || o.vout ELSE '' END AS output,
              'Assets:Reserve:' || upper(substr(o.wallet, 1, 1)) || substr(o.wallet, 2) AS account, o.amount AS amount
            FROM reserve_output o JOIN txn t ON t.id = o.txn_id WHERE \(live)
            """).run(db) { return d }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT o.*, t.metadata AS chained, t.natural_key AS chained_key, (t.id IS NOT NULL AND \(live)) AS is_live
            FROM reserve_output o LEFT JOIN txn t ON t.id = o.txn_id ORDER BY o.id
            """)
        while let row = try rows.next() {
            let txid: String = row["txid"], vout: Int64? = row["vout"], txn: Int64 = row["txn_id"]
            let script = [UInt8](row["script_pubkey"] as Data), amount: Int64 = row["amount"], wallet: String = row["wallet"]
            let key = "outpoint=\(txid):\(vout.map { String($0) } ?? "?")"
            func differ(_ expected: String, _ found: String) -> DerivedDifference {
                DerivedDifference(table: "reserve_output", key: key, expected: expected, found: found)
            }
            guard (row["is_live"] as Bool?) == true else {
                return differ("none (transaction \(txn) is missing or reversed)", "a row for it")
            }
            let chainedKey = row["chained_key"] as String? ?? ""
            if chainedKey.hasPrefix("payout:") {
                let keyParts = chainedKey.dropFirst("payout:".count).split(separator: ":")
                let importedVout: Int64? = keyParts.count == 2 && keyParts[0].count == 64 ? Int64(keyParts[1]) : nil
                if let importedVout {
                    guard String(keyParts[0]) == txid, vout == importedVout else {
                        return differ("outpoint \(keyParts[0]):\(importedVout) (its natural key)", "\(txid):\(vout.map { String($0) } ?? "?")")
                    }
                } else if let vout {
                    let outpoint = "\(txid):\(vout)"
                    guard named.contains("\(outpoint):\(Hex.encode(script))") || named.contains(outpoint) else {
                        return differ("no vout (the payout gave none and no chained snapshot or spend names one)", "vout \(vout)")
                    }
                }
                if txn >= proven {
                    guard let paidAt: String = row["paid_at"], let pool: String = row["pool"], let site: String = row["site"],
                          let fee: Int64 = row["fee"] else {
                        return differ("the payout's fields (paid_at, pool, site, fee)", "NULL")
                    }
                    let text = PayoutRow.canonicalText(paidAt: paidAt, pool: pool, site: site, amount: amount, fee: fee,
                                                       script: script, txid: txid, vout: importedVout)
                    let computed = ImportSession.fingerprint("payout", text)
                    guard computed == (row["chained"] as String?) else {
                        return differ("content hash \(row["chained"] as String? ?? "NULL") (chained in transaction \(txn))",
                                      "fields whose content hash is \(computed)")
                    }
                }
            } else if chainedKey.hasPrefix("tx:") {
                guard let vout else { return differ("a vout", "none") }
                if let made = created[String(txn)] {
                    let index = Int(vout)
                    guard made.txid == txid, index < made.outputs.count, made.outputs[index].scriptPubKey == script,
                          made.outputs[index].value == amount else {
                        return differ("output \(vout) of transaction \(made.txid) as its raw bytes say", "\(txid):\(vout) \(amount) sats")
                    }
                }
            } else {
                return differ("a payout or reserve transaction", "transaction \(txn) keyed \(chainedKey)")
            }
            // What spent it.
            let spenderTxid: String? = row["spent_by_txid"], spenderTxn: Int64? = row["spent_txn_id"]
            let expected = vout.flatMap { spentBy["\(txid):\($0)"] }
            if let expected {
                guard spenderTxid == expected.txid, spenderTxn == expected.txn else {
                    return differ("spent by \(expected.txid) (transaction \(expected.txn))", "spent by \(spenderTxid ?? "nothing")")
                }
            } else if let spenderTxn, !legacySpenders.contains(spenderTxn) || vout == nil {
                return differ("unspent (no chained transaction spends it)", "spent by \(spenderTxid ?? "?") (transaction \(spenderTxn))")
            } else if spenderTxn == nil, spenderTxid != nil {
                return differ("unspent", "spent by \(spenderTxid ?? "?")")
            }
        }
        return nil
    }

    /// Snapshots and their outputs equal the chained `snapshot` documents that no `snapshot-void` document voids.
    static let snapshots = DerivedTableCheck(table: "snapshot") { db in
        var voided = Set<Int64>()
        for d in try Documents.all(db, kind: SnapshotDocument.voidKind) { if let id = SnapshotDocument.voided(d.body) { voided.insert(id) } }
        var documents: [Int64: Document] = [:]
        for d in try Documents.all(db, kind: SnapshotDocument.kind) where !voided.contains(d.id) { documents[d.id] = d }
        var used = Set<Int64>()
        for row in try Row.fetchAll(db, sql: "SELECT id, natural_key, as_of_date, document_id FROM snapshot ORDER BY id") {
            let id: Int64 = row["id"]
            let key = "id=\(id)"
            guard let documentID: Int64 = row["document_id"] else {
                return DerivedDifference(table: "snapshot", key: key, expected: "a chained snapshot document",
                                         found: "none (imported before snapshots were chained: import the same file again to chain it)")
            }
            guard let document = documents[documentID] else {
                return DerivedDifference(table: "snapshot", key: key, expected: "none (document \(documentID) is missing, voided or not a snapshot)",
                                         found: "a snapshot")
            }
            used.insert(documentID)
            guard let chained = SnapshotDocument(body: document.body) else {
                return DerivedDifference(table: "snapshot", key: key, expected: "a snapshot document", found: "document \(documentID) that does not parse")
            }
            let stored = try SnapshotDocument.stored(db, snapshot: id)
            if chained != stored || (row["natural_key"] as String) != document.naturalKey
                || (row["as_of_date"] as String) != document.date.description {
                return DerivedDifference(table: chained.outputs == stored.outputs ? "snapshot" : "snapshot_utxo", key: key,
                                         expected: describe(chained, difference: stored), found: describe(stored, difference: chained))
            }
        }
        if let orphan = try Int64.fetchOne(db, sql: """
            SELECT count(*) FROM snapshot_utxo u WHERE NOT EXISTS (SELECT 1 FROM snapshot s WHERE s.id = u.snapshot_id)
            """), orphan > 0 {
            return DerivedDifference(table: "snapshot_utxo", key: "snapshot_id=?", expected: "none", found: "\(orphan) outputs of no snapshot")
        }
        if let missing = documents.keys.sorted().first(where: { !used.contains($0) }) {
            return DerivedDifference(table: "snapshot", key: "document=\(missing)", expected: "the snapshot of document \(missing)", found: "none")
        }
        return nil
    }

    /// The first field or output where `a` differs from `b`, in words.
    private static func describe(_ a: SnapshotDocument, difference b: SnapshotDocument) -> String {
        if a.asOf != b.asOf || a.height != b.height || a.bestBlock != b.bestBlock || a.format != b.format {
            return "as_of=\(a.asOf) height=\(a.height) best_block=\(a.bestBlock ?? "-") format=\(a.format)"
        }
        for (x, y) in zip(a.outputs, b.outputs) where x != y {
            return "\(x.txid):\(x.vout) \(x.amount) sats script \(Hex.encode(x.script)) height \(x.height.map(String.init) ?? "-") wallet \(x.wallet ?? "-")"
        }
        return "\(a.outputs.count) outputs"
    }
}
