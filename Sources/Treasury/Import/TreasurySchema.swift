import GRDB
import Ledger

/// The importers' tables: one named migration (never edited once shipped), listed in `BookSchema.migrations`.
///
/// - `pool`: declared or first-seen pools and their basis; `site`: mining sites (ids are unique once capitalised,
///   as they name accounts).
/// - `reserve_output`: every output the reserve holds or held (from payouts and its own transactions), with the
///   transaction that spent it; `vout` is NULL for pool payouts that did not say (F2Pool) until a snapshot or a
///   spending transaction resolves it by txid and scriptPubKey.
/// - `power_bill`: bill data the mining report needs (period, kWh as Wh, amounts, marginal part);
///   `power_settlement`: payments of those bills.
/// - `snapshot`, `snapshot_utxo`: chain snapshots for reconciliation.
public enum TreasurySchema {
    static let importsV1 = LedgerMigration("treasury-imports-v1") { db in
        for statement in v1 { try db.execute(sql: statement) }
    }

    static let provenRecordsV3 = LedgerMigration("treasury-v3-proven-records") { db in
        for statement in provenRecords { try db.execute(sql: statement) }
        try ConfigurationRecords.recordSettings(db)
    }

    /// v3: what `verify ledger` needs to recompute every record from the chain (docs/ledger.md, "Derived tables").
    /// A payout's output keeps the fields of its content hash (`paid_at`, `pool`, `site`, `fee`), so the hash the
    /// chain holds for its booking can be recomputed from the row; the reserve's own transactions keep their raw
    /// bytes (`reserve_spend`, kept when the transaction is reversed: what it told of the chain stays true), whose
    /// txid and wtxid the chained content hash covers; a snapshot names the chained
    /// document it was read from.
    static let provenRecords: [String] = [
        "ALTER TABLE reserve_output ADD COLUMN paid_at TEXT",
        "ALTER TABLE reserve_output ADD COLUMN pool TEXT",
        "ALTER TABLE reserve_output ADD COLUMN site TEXT",
        "ALTER TABLE reserve_output ADD COLUMN fee INTEGER CHECK (fee IS NULL OR fee >= 0)",
        """
        CREATE TABLE reserve_spend (
          txn_id INTEGER PRIMARY KEY NOT NULL,
          txid TEXT NOT NULL CHECK (length(txid) = 64),
          at TEXT NOT NULL,
          hex TEXT NOT NULL,
          purpose TEXT,
          approval TEXT,
          batch INTEGER
        ) STRICT
        """,
        "CREATE INDEX reserve_spend_by_txid ON reserve_spend(txid)",
        "ALTER TABLE snapshot ADD COLUMN document_id INTEGER",
        // Booking records of earlier transactions lack those fields: verify checks them against their postings only.
        """
        INSERT INTO setting(key, value) SELECT 'treasury_proven_from', CAST(coalesce(max(id), 0) + 1 AS TEXT) FROM
          (SELECT max(id) AS id FROM txn UNION ALL SELECT max(id) FROM price UNION ALL SELECT max(id) FROM balance_assertion)
        """,
    ]

    static let v1: [String] = [
        """
        CREATE TABLE pool (
          id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9-]*'),
          basis TEXT NOT NULL CHECK (basis IN ('cash', 'accrual'))
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE site (
          id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB '[A-Za-z]*' AND id NOT GLOB '*[^A-Za-z0-9-]*'),
          account_component TEXT NOT NULL UNIQUE
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE reserve_output (
          id INTEGER PRIMARY KEY,
          txid TEXT NOT NULL CHECK (length(txid) = 64),
          vout INTEGER CHECK (vout IS NULL OR vout BETWEEN 0 AND 4294967295),
          wallet TEXT NOT NULL,
          script_pubkey BLOB NOT NULL,
          amount INTEGER NOT NULL CHECK (amount > 0),
          txn_id INTEGER NOT NULL,
          batch INTEGER,
          spent_by_txid TEXT,
          spent_txn_id INTEGER,
          spent_batch INTEGER,
          UNIQUE (txid, vout)
        ) STRICT
        """,
        """
        CREATE TABLE power_bill (
          site TEXT NOT NULL,
          invoice TEXT NOT NULL,
          period_start TEXT NOT NULL CHECK (date(period_start) IS period_start),
          period_end TEXT NOT NULL CHECK (date(period_end) IS period_end AND period_end >= period_start),
          wh INTEGER NOT NULL CHECK (wh > 0),
          currency TEXT NOT NULL,
          amount INTEGER NOT NULL CHECK (amount > 0),
          marginal_amount INTEGER CHECK (marginal_amount IS NULL OR marginal_amount BETWEEN 0 AND amount),
          txn_id INTEGER NOT NULL,
          batch INTEGER,
          PRIMARY KEY (site, invoice)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE power_settlement (
          reference TEXT PRIMARY KEY NOT NULL,
          site TEXT NOT NULL,
          invoice TEXT NOT NULL,
          date TEXT NOT NULL CHECK (date(date) IS date),
          amount INTEGER NOT NULL CHECK (amount > 0),
          txn_id INTEGER NOT NULL,
          batch INTEGER,
          FOREIGN KEY (site, invoice) REFERENCES power_bill(site, invoice)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX power_settlement_by_bill ON power_settlement(site, invoice)",
        """
        CREATE TABLE snapshot (
          id INTEGER PRIMARY KEY,
          as_of TEXT NOT NULL,
          as_of_date TEXT NOT NULL CHECK (date(as_of_date) IS as_of_date),
          height INTEGER NOT NULL CHECK (height >= 0),
          best_block TEXT,
          format TEXT NOT NULL CHECK (format IN ('scantxoutset', 'listunspent')),
          natural_key TEXT NOT NULL UNIQUE,
          content_sha256 TEXT NOT NULL,
          batch INTEGER
        ) STRICT
        """,
        """
        CREATE TABLE snapshot_utxo (
          snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
          txid TEXT NOT NULL CHECK (length(txid) = 64),
          vout INTEGER NOT NULL CHECK (vout BETWEEN 0 AND 4294967295),
          script_pubkey BLOB NOT NULL,
          amount INTEGER NOT NULL CHECK (amount >= 0),
          height INTEGER,
          wallet TEXT,
          PRIMARY KEY (snapshot_id, txid, vout)
        ) STRICT, WITHOUT ROWID
        """,
    ]
}
