import GRDB
import Ledger

/// What `reserve import undo` did.
public struct UndoOutcome: Sendable, Equatable {
    public var batch: Int64
    /// Transactions reversed.
    public var reversed: Int
    /// Snapshots removed (snapshot batches).
    public var snapshots: Int
}

/// Why a batch cannot be undone.
public enum UndoError: Error, Equatable, Sendable, CustomStringConvertible {
    case pricesAreJournalRecords(batch: Int64)
    case outputsSpentLater(batch: Int64, txid: String)

    public var description: String {
        switch self {
        case .pricesAreJournalRecords(let b):
            return "batch \(b) recorded prices, which are permanent journal records and cannot be reversed"
        case .outputsSpentLater(let b, let t):
            return "batch \(b) created outputs that transaction \(t) of a later batch spends; undo that batch first"
        }
    }
}

extension Importer {
    /// `reserve import undo BATCH`: reverses every transaction of the batch, releases its natural keys and removes
    /// the Treasury records it made (outputs, spent marks, bills, settlements, snapshots), in one write.
    public func undo(batch: Int64, reason: String) throws -> UndoOutcome {
        try store.write { writer in
            let db = writer.db
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM price WHERE batch = ?)", arguments: [batch]) == true {
                throw UndoError.pricesAreJournalRecords(batch: batch)
            }
            if let spender = try String.fetchOne(db, sql: """
                SELECT spent_by_txid FROM reserve_output WHERE batch = ? AND spent_batch IS NOT NULL AND spent_batch <> ? LIMIT 1
                """, arguments: [batch, batch]) {
                throw UndoError.outputsSpentLater(batch: batch, txid: spender)
            }
            let reversed = try writer.undoBatch(batch, reason: reason)
            try db.execute(sql: "DELETE FROM power_settlement WHERE batch = ?", arguments: [batch])
            try db.execute(sql: "DELETE FROM power_bill WHERE batch = ?", arguments: [batch])
            try db.execute(sql: "DELETE FROM reserve_output WHERE batch = ?", arguments: [batch])
            try db.execute(sql: "DELETE FROM spend_signer WHERE batch = ?", arguments: [batch])
            try db.execute(sql: """
                UPDATE reserve_output SET spent_by_txid = NULL, spent_txn_id = NULL, spent_batch = NULL WHERE spent_batch = ?
                """, arguments: [batch])
            let snapshots = try Row.fetchAll(db, sql: "SELECT id, document_id, as_of_date FROM snapshot WHERE batch = ?", arguments: [batch])
            for snapshot in snapshots {
                if let document: Int64 = snapshot["document_id"] {
                    try writer.record(date: try LedgerDate(snapshot["as_of_date"]), kind: SnapshotDocument.voidKind,
                                      batch: batch, body: SnapshotDocument.voidBody(document: document, reason: reason))
                }
            }
            try db.execute(sql: "DELETE FROM snapshot WHERE batch = ?", arguments: [batch])
            return UndoOutcome(batch: batch, reversed: reversed, snapshots: snapshots.count)
        }
    }
}
