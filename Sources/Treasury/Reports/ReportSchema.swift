import Ledger

/// The reports' own tables: site figures, and two per-day aggregates kept by triggers as transactions are sealed
/// (the ledger's `account_day` pattern), so holdings and mining never join postings at report time.
///
/// - `report_account_role`: which accounts the aggregates watch (kept by a trigger on new accounts): holders
///   (`Assets:Reserve:*`, `Assets:Receivable:Pool:*`), sources of mined coins (`Income:Mining:*`,
///   `Assets:Receivable:Pool:*`), mining income, pool fees (`Expenses:PoolFees:*`).
/// - `report_mined_day`: per holder account and day, the BTC booked in transactions that also post to a source
///   (the origin "mined" of the holdings report).
/// - `report_pool_fee_day`: per mining income account and day, the pool fees (BTC and value) of transactions that
///   carry both a pool fee and that income leg.
///
/// Transactions of an import batch are aggregated once, set-based, when the batch row is recorded at the end of the
/// import (one statement instead of two joins per transaction, about a fifth of a payout's booking cost); other
/// transactions as they are sealed. Migrations are named and never edited once shipped (listed in
/// `BookSchema.migrations`); the aggregates' migration fills them from existing postings.
public enum ReportSchema {
    static let aggregatesV1 = LedgerMigration("treasury-v1-report-aggregates") { db in
        for statement in aggregates { try db.execute(sql: statement) }
    }
    static let aggregatesByBatchV2 = LedgerMigration("treasury-v2-report-aggregates-by-batch") { db in
        for statement in aggregatesByBatch { try db.execute(sql: statement) }
    }

    /// The role flags of an account named by the expression `name`.
    static func roles(_ name: String) -> String {
        """
        (\(name) GLOB 'Assets:Reserve:*' OR \(name) GLOB 'Assets:Receivable:Pool:*'),
        (\(name) GLOB 'Income:Mining:*' OR \(name) GLOB 'Assets:Receivable:Pool:*'),
        \(name) GLOB 'Income:Mining:*', \(name) GLOB 'Expenses:PoolFees:*'
        """
    }

    /// Mined BTC of the transactions chosen by `condition` on `p.txn_id`: rows (account_id, date, amount), one per
    /// holder posting whose transaction has another leg on a source account.
    static func minedRows(date: String, join: String = "", where condition: String) -> String {
        """
        SELECT p.account_id AS account_id, \(date) AS date, p.amount AS amount
        FROM posting p \(join) JOIN report_account_role r ON r.account_id = p.account_id
        WHERE \(condition) AND r.holder AND p.commodity = 'BTC'
          AND EXISTS (SELECT 1 FROM posting q JOIN report_account_role s ON s.account_id = q.account_id
                      WHERE q.txn_id = p.txn_id AND q.line <> p.line AND s.source)
        """
    }

    /// Pool fees of the transactions chosen by `condition` on `f.txn_id`: rows (mining account_id, date, amount, value).
    static func feeRows(date: String, join: String = "", where condition: String) -> String {
        """
        SELECT m.account_id AS account_id, \(date) AS date, f.amount AS amount, f.value AS value
        FROM posting f \(join) JOIN report_account_role rf ON rf.account_id = f.account_id
          JOIN posting m ON m.txn_id = f.txn_id JOIN report_account_role rm ON rm.account_id = m.account_id
        WHERE \(condition) AND rf.fee AND rm.mining
        """
    }

    static let aggregates: [String] = [
        """
        CREATE TABLE report_account_role (
          account_id INTEGER PRIMARY KEY REFERENCES account(id),
          holder INTEGER NOT NULL, source INTEGER NOT NULL, mining INTEGER NOT NULL, fee INTEGER NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE report_mined_day (
          account_id INTEGER NOT NULL REFERENCES account(id),
          date TEXT NOT NULL,
          amount INTEGER NOT NULL,
          PRIMARY KEY (account_id, date)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE report_pool_fee_day (
          account_id INTEGER NOT NULL REFERENCES account(id),
          date TEXT NOT NULL,
          amount INTEGER NOT NULL,
          value INTEGER NOT NULL,
          PRIMARY KEY (account_id, date)
        ) STRICT, WITHOUT ROWID
        """,
        "INSERT INTO report_account_role SELECT id, \(roles("name")) FROM account WHERE true",
        "DELETE FROM report_account_role WHERE NOT (holder OR source OR mining OR fee)",
        """
        INSERT INTO report_mined_day(account_id, date, amount)
        SELECT account_id, date, sum(amount)
        FROM (\(minedRows(date: "t.date", join: "JOIN txn t ON t.id = p.txn_id", where: "true")))
        GROUP BY account_id, date
        """,
        """
        INSERT INTO report_pool_fee_day(account_id, date, amount, value)
        SELECT account_id, date, sum(amount), sum(value)
        FROM (\(feeRows(date: "t.date", join: "JOIN txn t ON t.id = f.txn_id", where: "true")))
        GROUP BY account_id, date
        """,
        """
        CREATE TRIGGER report_account_role AFTER INSERT ON account
        WHEN NEW.name GLOB 'Assets:Reserve:*' OR NEW.name GLOB 'Assets:Receivable:Pool:*'
          OR NEW.name GLOB 'Income:Mining:*' OR NEW.name GLOB 'Expenses:PoolFees:*'
        BEGIN
          INSERT INTO report_account_role VALUES (NEW.id, \(roles("NEW.name")));
        END
        """,
        """
        CREATE TRIGGER report_aggregates AFTER INSERT ON txn
        BEGIN
          INSERT INTO report_mined_day(account_id, date, amount)
            \(minedRows(date: "NEW.date", where: "p.txn_id = NEW.id"))
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount;
          INSERT INTO report_pool_fee_day(account_id, date, amount, value)
            \(feeRows(date: "NEW.date", where: "f.txn_id = NEW.id"))
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, value = value + excluded.value;
        END
        """,
    ]

    /// v2: the per-transaction trigger skips transactions whose batch is not recorded yet (an import in progress);
    /// recording the batch aggregates all of them at once. A transaction of an already recorded batch is still
    /// aggregated as it is sealed, so every transaction is counted exactly once whatever the order.
    static let aggregatesByBatch: [String] = [
        "DROP TRIGGER report_aggregates",
        """
        CREATE TRIGGER report_aggregates AFTER INSERT ON txn
        WHEN NEW.batch IS NULL OR EXISTS (SELECT 1 FROM import_batch WHERE id = NEW.batch)
        BEGIN
          INSERT INTO report_mined_day(account_id, date, amount)
            \(minedRows(date: "NEW.date", where: "p.txn_id = NEW.id"))
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount;
          INSERT INTO report_pool_fee_day(account_id, date, amount, value)
            \(feeRows(date: "NEW.date", where: "f.txn_id = NEW.id"))
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, value = value + excluded.value;
        END
        """,
        """
        CREATE TRIGGER report_aggregates_batch AFTER INSERT ON import_batch
        BEGIN
          INSERT INTO report_mined_day(account_id, date, amount)
            SELECT account_id, date, sum(amount)
            FROM (\(minedRows(date: "t.date", join: "JOIN txn t ON t.id = p.txn_id", where: "t.batch = NEW.id")))
            WHERE true GROUP BY account_id, date
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount;
          INSERT INTO report_pool_fee_day(account_id, date, amount, value)
            SELECT account_id, date, sum(amount), sum(value)
            FROM (\(feeRows(date: "t.date", join: "JOIN txn t ON t.id = f.txn_id", where: "t.batch = NEW.id")))
            WHERE true GROUP BY account_id, date
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, value = value + excluded.value;
        END
        """,
    ]
}
