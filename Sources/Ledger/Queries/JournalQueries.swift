import Foundation
import GRDB

/// Reads booked transactions back.
enum JournalQueries {
    static func transaction(_ db: Database, id: Int64) throws -> BookedTransaction? {
        guard let t = try Row.fetchOne(db, sql: """
            SELECT id, date, narration, source, natural_key, reverses, batch, metadata, hash FROM txn WHERE id = ?
            """, arguments: [id]) else { return nil }
        let postings = try Row.fetchAll(db, sql: """
            SELECT p.line, a.name, p.commodity, p.amount, p.value, p.metadata FROM posting p
            JOIN account a ON a.id = p.account_id WHERE p.txn_id = ? ORDER BY p.line
            """, arguments: [id]).map {
            BookedPosting(line: $0[0], account: $0[1], commodity: $0[2], amount: $0[3], value: $0[4], metadata: $0[5])
        }
        let hash: Data = t[8]
        return BookedTransaction(id: t[0], date: try LedgerDate(t[1]), narration: t[2], source: t[3], naturalKey: t[4],
                                 reverses: t[5], batch: t[6], metadata: t[7], postings: postings, hash: Hex.lower(hash))
    }
}
