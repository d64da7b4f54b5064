import Bitcoin
import Crypto
import Foundation
import GRDB
import Ledger

extension Importer {
    /// `reserve import snapshot FILE --as-of TIMESTAMP [--height N]`: stores a chain snapshot for reconciliation,
    /// attributes its outputs to reserve wallets, and gives F2Pool payouts recorded without a vout the vout of the
    /// snapshot output with their txid and script. `height` is required for `listunspent` (and must agree with
    /// `scantxoutset`'s own). The natural key is height, best block and `asOf`.
    public func importSnapshot(_ path: String, asOf: ISOTimestamp, height: Int64?,
                               options: ImportOptions = ImportOptions()) throws -> ImportOutcome {
        let file = path == "-" ? "stdin" : path
        return try run(.snapshot, file: file, options: options) { session in
            let (root, sha) = try Importer.readJSON(path)
            let snapshot = try SnapshotFile.parse(root, file: file)
            let heightValue: Int64
            switch (snapshot.height, height) {
            case (let h?, nil): heightValue = h
            case (nil, let h?): heightValue = h
            case (let h?, let given?):
                guard h == given else {
                    throw InputError(file: file, line: root.line, column: "height", message: "the file says height \(h), --height says \(given)")
                }
                heightValue = h
            case (nil, nil):
                throw InputError(file: file, line: 0, column: "--height", message: "a listunspent snapshot needs --height")
            }
            let asOfDate = session.accountingDate(asOf)
            var canonical = ""
            for u in snapshot.unspents.sorted(by: { ($0.txid, $0.vout) < ($1.txid, $1.vout) }) {
                canonical += "\(u.txid):\(u.vout):\(Hex.encode(u.scriptPubKey)):\(u.amount)\n"
            }
            let content = Hex.encode(Array(SHA256.hash(data: Data(canonical.utf8))))
            let key = "snapshot:\(heightValue):\(snapshot.bestBlock ?? "-"):\(asOf)"
            session.handle(line: root.line) {
                let db = session.writer.db
                let description = "\(snapshot.unspents.count) unspent outputs at height \(heightValue)"
                if let stored = try Row.fetchOne(db, sql: "SELECT id, content_sha256, document_id FROM snapshot WHERE natural_key = ?",
                                                 arguments: [key]) {
                    guard (stored["content_sha256"] as String) == content else {
                        throw ConflictError(error: session.error(root.line, nil, "conflict: \(key) is already imported with other outputs"))
                    }
                    if (stored["document_id"] as Int64?) == nil {
                        // Imported before snapshots were chained: chain it now, from the rows as stored.
                        let id: Int64 = stored["id"]
                        let document = try SnapshotDocument.stored(db, snapshot: id)
                        let documentID = try session.writer.record(date: asOfDate, kind: SnapshotDocument.kind, naturalKey: key,
                                                                   batch: session.batch, body: document.body)
                        try db.execute(sql: "UPDATE snapshot SET document_id = ? WHERE id = ?", arguments: [documentID, id])
                        session.outcome.notes.append("snapshot \(id) was imported before snapshots were chained: chained now as document \(documentID)")
                    }
                    return ImportedRecord(line: root.line, key: key, status: .alreadyBooked, date: asOfDate.description, description: description)
                }
                var outputs: [SnapshotDocument.Output] = []
                for u in snapshot.unspents {
                    let wallet = try session.wallets.wallet(owning: u.scriptPubKey, in: db)
                    outputs.append(.init(txid: u.txid, vout: Int64(u.vout), script: u.scriptPubKey, amount: u.amount,
                                         height: u.height, wallet: wallet))
                }
                let document = SnapshotDocument(asOf: asOf.description, height: heightValue, bestBlock: snapshot.bestBlock,
                                                format: snapshot.format.rawValue, outputs: outputs)
                let documentID = try session.writer.record(date: asOfDate, kind: SnapshotDocument.kind, naturalKey: key,
                                                           batch: session.batch, body: document.body)
                try db.execute(sql: """
                    INSERT INTO snapshot(as_of, as_of_date, height, best_block, format, natural_key, content_sha256, batch, document_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [asOf.description, asOfDate.description, heightValue, snapshot.bestBlock,
                                     snapshot.format.rawValue, key, content, session.batch, documentID])
                let id = db.lastInsertedRowID
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO snapshot_utxo(snapshot_id, txid, vout, script_pubkey, amount, height, wallet) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                var ours = 0
                for (u, o) in zip(snapshot.unspents, outputs) {
                    do {
                        try insert.execute(arguments: [id, u.txid, Int64(u.vout), Data(u.scriptPubKey), u.amount, u.height, o.wallet])
                    } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                        throw session.error(u.line, nil, "output \(u.txid):\(u.vout) appears twice")
                    }
                    guard o.wallet != nil else { continue }
                    ours += 1
                    try db.execute(sql: """
                        UPDATE reserve_output SET vout = ? WHERE vout IS NULL AND txid = ? AND script_pubkey = ?
                          AND (SELECT count(*) FROM reserve_output WHERE vout IS NULL AND txid = ? AND script_pubkey = ?) = 1
                        """, arguments: [Int64(u.vout), u.txid, Data(u.scriptPubKey), u.txid, Data(u.scriptPubKey)])
                }
                session.outcome.notes.append("snapshot \(id): \(snapshot.unspents.count) unspent outputs, \(ours) of reserve wallets")
                return ImportedRecord(line: root.line, key: key, status: .new, date: asOfDate.description, description: description)
            }
            return sha
        }
    }
}
