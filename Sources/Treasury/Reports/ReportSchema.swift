import Ledger

/// The reports' own tables: site figures, and two per-day aggregates kept by triggers as transactions are sealed
/// (the ledger's `account_day` pattern), so holdings and mining never join postings at report time.
///
/// - `report_mined_day`: per reserve wallet or pool receivable account and day, the BTC booked in transactions that
///   also post to mining income or a pool receivable (the origin "mined" of the holdings report).
/// - `report_pool_fee_day`: per mining income account and day, the pool fees (BTC and value) of transactions that
///   carry both a pool fee and that income leg.
///
/// Migrations are named and never edited once shipped; the aggregates' migration fills them from existing postings.
public enum ReportSchema {
    public static let migrations: [LedgerMigration] = SiteSpecs.migrations + [
        LedgerMigration("treasury-v1-report-aggregates") { db in
            for statement in aggregates { try db.execute(sql: statement) }
        }
    ]

    static let holders = "(SELECT id FROM account WHERE name GLOB 'Assets:Reserve:*' OR name GLOB 'Assets:Receivable:Pool:*')"
    static let sources = "(SELECT id FROM account WHERE name GLOB 'Income:Mining:*' OR name GLOB 'Assets:Receivable:Pool:*')"
    static let mining = "(SELECT id FROM account WHERE name GLOB 'Income:Mining:*')"
    static let fees = "(SELECT id FROM account WHERE name GLOB 'Expenses:PoolFees:*')"

    /// Mined BTC of transaction `txn` (an expression), per holder account, as rows (account_id, amount).
    static func minedRows(_ txn: String) -> String {
        """
        SELECT p.account_id AS account_id, sum(p.amount) AS amount FROM posting p
        WHERE p.txn_id = \(txn) AND p.commodity = 'BTC' AND p.account_id IN \(holders)
          AND EXISTS (SELECT 1 FROM posting q WHERE q.txn_id = p.txn_id AND q.line <> p.line AND q.account_id IN \(sources))
        GROUP BY p.account_id
        """
    }

    /// Pool fees of transaction `txn`, per mining income account: rows (account_id, amount, value).
    static func feeRows(_ txn: String) -> String {
        """
        SELECT m.account_id AS account_id, sum(f.amount) AS amount, sum(f.value) AS value
        FROM posting f JOIN posting m ON m.txn_id = f.txn_id
        WHERE f.txn_id = \(txn) AND f.account_id IN \(fees) AND m.account_id IN \(mining)
        GROUP BY m.account_id
        """
    }

    static let aggregates: [String] = [
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
        """
        INSERT INTO report_mined_day(account_id, date, amount)
        SELECT p.account_id, t.date, sum(p.amount) FROM posting p JOIN txn t ON t.id = p.txn_id
        WHERE p.commodity = 'BTC' AND p.account_id IN \(holders)
          AND EXISTS (SELECT 1 FROM posting q WHERE q.txn_id = p.txn_id AND q.line <> p.line AND q.account_id IN \(sources))
        GROUP BY p.account_id, t.date
        """,
        """
        INSERT INTO report_pool_fee_day(account_id, date, amount, value)
        SELECT m.account_id, t.date, sum(f.amount), sum(f.value)
        FROM posting f JOIN posting m ON m.txn_id = f.txn_id JOIN txn t ON t.id = f.txn_id
        WHERE f.account_id IN \(fees) AND m.account_id IN \(mining)
        GROUP BY m.account_id, t.date
        """,
        """
        CREATE TRIGGER report_aggregates AFTER INSERT ON txn
        BEGIN
          INSERT INTO report_mined_day(account_id, date, amount)
            SELECT account_id, NEW.date, amount FROM (\(minedRows("NEW.id"))) WHERE true
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount;
          INSERT INTO report_pool_fee_day(account_id, date, amount, value)
            SELECT account_id, NEW.date, amount, value FROM (\(feeRows("NEW.id"))) WHERE true
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, value = value + excluded.value;
        END
        """,
    ]
}
