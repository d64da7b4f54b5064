import GRDB

extension LedgerSchema {
    /// v7: documents, the fourth kind of chained record. A document is a fact another module keeps that is not a
    /// transaction (a chain snapshot, a setting): its body is that module's canonical text, chained like any
    /// journal record, so the tables the module derives from it can be recomputed by `verify`. Documents share the
    /// journal's id sequence; the seal and the other chain-order triggers now also look past the documents.
    static let v7Documents: [String] = [
        """
        CREATE TABLE document (
          id INTEGER PRIMARY KEY,
          date TEXT NOT NULL \(dateCheck("date")),
          kind TEXT NOT NULL CHECK (kind GLOB '[a-z]*' AND kind NOT GLOB '*[^a-z0-9-]*'),
          natural_key TEXT,
          batch INTEGER,
          body TEXT NOT NULL,
          hash BLOB NOT NULL CHECK (length(hash) = 32)
        ) STRICT
        """,
        "CREATE INDEX document_by_kind ON document(kind, natural_key)",
        refuse("document", "UPDATE"), refuse("document", "DELETE"),
        chainOrder("document", others: ["txn", "price", "balance_assertion"]),
        "DROP TRIGGER price_chain_order",
        chainOrder("price", others: ["txn", "balance_assertion", "document"]),
        "DROP TRIGGER balance_assertion_chain_order",
        chainOrder("balance_assertion", others: ["txn", "price", "document"]),
        "DROP TRIGGER txn_seal",
        seal(laterRecordsIn: ["price", "balance_assertion", "document"]),
    ]

    /// The current seal (`txn_seal`): v6's checks and messages, with chain order looking for a later id in `tables`
    /// besides `txn`. Built here once; earlier migrations keep their literal text (they are frozen).
    static func seal(laterRecordsIn tables: [String]) -> String {
        let later = tables.map { "EXISTS (SELECT 1 FROM \($0) WHERE id >= NEW.id)" }.joined(separator: "\n              OR ")
        return """
        CREATE TRIGGER txn_seal AFTER INSERT ON txn
        BEGIN
          SELECT CASE
            WHEN EXISTS (SELECT 1 FROM txn WHERE id > NEW.id)
              OR \(later)
              THEN RAISE(ABORT, 'txn id out of chain order')
            WHEN NEW.reverses IS NOT NULL AND (NEW.reverses >= NEW.id
              OR EXISTS (SELECT 1 FROM txn WHERE id = NEW.reverses AND reverses IS NOT NULL))
              THEN RAISE(ABORT, 'txn: a reversal must name an earlier transaction that is not itself a reversal')
            WHEN count(*) <> NEW.posting_count
              THEN RAISE(ABORT, 'txn: posting_count must equal the number of its postings (each posting''s lines is checked at commit)')
            WHEN count(*) < 2 OR sum(p.value) <> 0
              OR (min(p.commodity) = max(p.commodity) AND ((sum(p.amount & 4294967295) & 4294967295) <> 0
                    OR sum(p.amount >> 32) + (sum(p.amount & 4294967295) >> 32) <> 0))
              OR (min(p.commodity) <> max(p.commodity) AND EXISTS (SELECT 1 FROM posting WHERE txn_id = NEW.id
                    GROUP BY commodity HAVING sum(amount) <> 0))
              THEN RAISE(ABORT, 'txn: unbalanced (fewer than two postings, or amounts or values do not sum to zero)')
            WHEN max(a.open_date > NEW.date OR a.close_date < NEW.date)
              THEN RAISE(ABORT, 'txn: a posting account is not open on the transaction date')
          END
          FROM posting p LEFT JOIN account a ON a.id = p.account_id WHERE p.txn_id = NEW.id;
          INSERT INTO natural_key(key, txn_id) SELECT NEW.natural_key, NEW.id WHERE NEW.natural_key IS NOT NULL;
        END
        """
    }
}
