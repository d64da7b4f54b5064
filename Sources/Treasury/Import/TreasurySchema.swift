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
