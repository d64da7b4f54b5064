import GRDB

/// A named schema migration another module appends to the ledger's migrator (e.g. Treasury's tables).
/// Never edit one once shipped; add a new one.
public struct LedgerMigration: Sendable {
    public let name: String
    public let migrate: @Sendable (Database) throws -> Void

    public init(_ name: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.migrate = migrate
    }
}

/// The ledger's own migrations, in order. Their names are part of the file format.
public enum LedgerSchema {
    static let schemaVersion = "1"

    /// The Ledger module's migrations, oldest first. A new Ledger migration is appended here (never edit or reorder
    /// a shipped one); a book's complete list (Treasury's `BookSchema.migrations`) starts with these.
    public static let migrations: [LedgerMigration] = [
        LedgerMigration("ledger-v1-journal") { db in
            for statement in v1Tables + v1Triggers { try db.execute(sql: statement) }
        },
        LedgerMigration("ledger-v2-single-statement-seal") { db in
            for statement in v2Triggers { try db.execute(sql: statement) }
        },
        LedgerMigration("ledger-v3-one-pass-seal") { db in
            for statement in v3Triggers { try db.execute(sql: statement) }
        },
        LedgerMigration("ledger-v4-settled-daily-totals") { db in
            for statement in v4SettledTotals { try db.execute(sql: statement) }
        },
        LedgerMigration("ledger-v5-counted-postings") { db in
            try v5CountedPostings(db)
        },
        LedgerMigration("ledger-v6-counted-seal") { db in
            for statement in v6CountedSeal { try db.execute(sql: statement) }
        },
        LedgerMigration("ledger-v7-documents") { db in
            for statement in v7Documents { try db.execute(sql: statement) }
        },
        LedgerMigration("ledger-v8-chained-configuration") { db in
            try ConfigurationRecords.chainExisting(db)
        },
    ]

    /// A migrator applying `migrations` in order; `willApply(index, name)` is told before each one runs.
    static func migrator(_ migrations: [LedgerMigration],
                         willApply: (@Sendable (Int, String) -> Void)? = nil) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, m) in migrations.enumerated() {
            migrator.registerMigration(m.name) { db in
                willApply?(index, m.name)
                try m.migrate(db)
            }
        }
        return migrator
    }

    /// Holds only for an existing `YYYY-MM-DD` date (the modifier normalises 2026-02-30 to 2026-03-02).
    static func dateCheck(_ c: String) -> String { "CHECK (date(\(c), '+0 days') IS \(c))" }

    static let v1Tables: [String] = [
        """
        CREATE TABLE setting (
          key TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),
          value TEXT NOT NULL
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE commodity (
          code TEXT PRIMARY KEY NOT NULL
            CHECK (length(code) BETWEEN 2 AND 24 AND code GLOB '[A-Z]*' AND code NOT GLOB '*[^A-Z0-9]*'),
          scale INTEGER NOT NULL CHECK (scale BETWEEN 0 AND 18)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE account (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (name GLOB '[A-Z]*' AND name NOT GLOB '*[^A-Za-z0-9:-]*'
            AND name NOT GLOB '*::*' AND name NOT GLOB '*:' AND name NOT GLOB '*:[^A-Z]*'),
          type TEXT NOT NULL CHECK ((type = 'asset' AND name GLOB 'Assets:?*') OR (type = 'liability' AND name GLOB 'Liabilities:?*')
            OR (type = 'equity' AND name GLOB 'Equity:?*') OR (type = 'income' AND name GLOB 'Income:?*')
            OR (type = 'expense' AND name GLOB 'Expenses:?*')),
          open_date TEXT NOT NULL \(dateCheck("open_date")),
          close_date TEXT CHECK (close_date IS NULL OR (date(close_date, '+0 days') IS close_date AND close_date >= open_date)),
          metadata TEXT
        ) STRICT
        """,
        """
        CREATE TABLE import_batch (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL,
          file_name TEXT NOT NULL,
          file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64 AND file_sha256 NOT GLOB '*[^0-9a-f]*'),
          new_count INTEGER NOT NULL CHECK (new_count >= 0),
          already_booked_count INTEGER NOT NULL CHECK (already_booked_count >= 0),
          conflicting_count INTEGER NOT NULL CHECK (conflicting_count >= 0),
          rejected_count INTEGER NOT NULL CHECK (rejected_count >= 0),
          imported_at TEXT NOT NULL
        ) STRICT
        """,
        // Transactions, prices and assertions share one id sequence: the hash chain's order.
        """
        CREATE TABLE txn (
          id INTEGER PRIMARY KEY CHECK (id > 0),
          date TEXT NOT NULL \(dateCheck("date")),
          narration TEXT NOT NULL,
          source TEXT,
          natural_key TEXT CHECK (natural_key IS NULL OR length(natural_key) > 0),
          reverses INTEGER REFERENCES txn(id),
          batch INTEGER REFERENCES import_batch(id) DEFERRABLE INITIALLY DEFERRED,
          metadata TEXT,
          hash BLOB NOT NULL CHECK (length(hash) = 32)
        ) STRICT
        """,
        "CREATE UNIQUE INDEX txn_reverses ON txn(reverses) WHERE reverses IS NOT NULL",
        "CREATE INDEX txn_batch ON txn(batch) WHERE batch IS NOT NULL",
        // Postings are inserted before their transaction (deferred key); the transaction row seals them.
        """
        CREATE TABLE posting (
          txn_id INTEGER NOT NULL REFERENCES txn(id) DEFERRABLE INITIALLY DEFERRED,
          line INTEGER NOT NULL CHECK (line >= 0),
          account_id INTEGER NOT NULL REFERENCES account(id),
          commodity TEXT NOT NULL REFERENCES commodity(code),
          amount INTEGER NOT NULL,
          value INTEGER NOT NULL,
          metadata TEXT,
          PRIMARY KEY (txn_id, line)
        ) STRICT, WITHOUT ROWID
        """,
        // Natural keys of live transactions; a key row may be deleted only once its transaction is reversed.
        """
        CREATE TABLE natural_key (
          key TEXT PRIMARY KEY NOT NULL,
          txn_id INTEGER NOT NULL REFERENCES txn(id)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE price (
          id INTEGER PRIMARY KEY CHECK (id > 0),
          date TEXT NOT NULL \(dateCheck("date")),
          base TEXT NOT NULL REFERENCES commodity(code),
          quote TEXT NOT NULL REFERENCES commodity(code),
          price INTEGER NOT NULL CHECK (price > 0),
          source TEXT,
          batch INTEGER REFERENCES import_batch(id) DEFERRABLE INITIALLY DEFERRED,
          hash BLOB NOT NULL CHECK (length(hash) = 32),
          CHECK (base <> quote),
          UNIQUE (base, quote, date)
        ) STRICT
        """,
        """
        CREATE TABLE balance_assertion (
          id INTEGER PRIMARY KEY CHECK (id > 0),
          date TEXT NOT NULL \(dateCheck("date")),
          account_id INTEGER NOT NULL REFERENCES account(id),
          commodity TEXT NOT NULL REFERENCES commodity(code),
          amount INTEGER NOT NULL,
          hash BLOB NOT NULL CHECK (length(hash) = 32)
        ) STRICT
        """,
        // Per-account daily totals, maintained by the sealing trigger: reports read these, never a join.
        """
        CREATE TABLE account_day (
          account_id INTEGER NOT NULL REFERENCES account(id),
          commodity TEXT NOT NULL,
          date TEXT NOT NULL,
          amount INTEGER NOT NULL,
          value INTEGER NOT NULL,
          PRIMARY KEY (account_id, commodity, date)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX account_day_date ON account_day(date)",
    ]

    static func refuse(_ table: String, _ verb: String) -> String {
        """
        CREATE TRIGGER \(table)_no_\(verb.lowercased()) BEFORE \(verb) ON \(table)
        BEGIN SELECT RAISE(ABORT, '\(table) is append-only: \(verb) refused; book a reversal instead'); END
        """
    }

    /// Chain order: a new journal record's id exceeds every id already in the three journal tables.
    static func chainOrder(_ table: String, others: [String]) -> String {
        let conditions = others.map { "NEW.id <= coalesce((SELECT max(id) FROM \($0)), 0)" }.joined(separator: " OR ")
        return """
        CREATE TRIGGER \(table)_chain_order BEFORE INSERT ON \(table)
        WHEN \(conditions) OR NEW.id <= coalesce((SELECT max(id) FROM \(table)), 0)
        BEGIN SELECT RAISE(ABORT, '\(table) id out of chain order'); END
        """
    }

    static let v1Triggers: [String] = [
        refuse("txn", "UPDATE"), refuse("txn", "DELETE"),
        refuse("posting", "UPDATE"), refuse("posting", "DELETE"),
        refuse("price", "UPDATE"), refuse("price", "DELETE"),
        refuse("balance_assertion", "UPDATE"), refuse("balance_assertion", "DELETE"),
        refuse("import_batch", "UPDATE"), refuse("import_batch", "DELETE"),
        refuse("commodity", "UPDATE"), refuse("commodity", "DELETE"),
        refuse("account", "DELETE"), refuse("natural_key", "UPDATE"),
        """
        CREATE TRIGGER account_close_only BEFORE UPDATE ON account
        WHEN OLD.close_date IS NOT NULL OR NEW.close_date IS NULL OR NEW.id IS NOT OLD.id OR NEW.name IS NOT OLD.name
          OR NEW.type IS NOT OLD.type OR NEW.open_date IS NOT OLD.open_date OR NEW.metadata IS NOT OLD.metadata
        BEGIN SELECT RAISE(ABORT, 'account: only closing an open account is allowed'); END
        """,
        """
        CREATE TRIGGER account_close_empty BEFORE UPDATE OF close_date ON account
        WHEN EXISTS (SELECT 1 FROM account_day WHERE account_id = NEW.id GROUP BY commodity HAVING sum(amount) <> 0)
          OR EXISTS (SELECT 1 FROM account_day WHERE account_id = NEW.id AND date > NEW.close_date)
        BEGIN SELECT RAISE(ABORT, 'account: cannot close an account with a balance or later postings'); END
        """,
        """
        CREATE TRIGGER natural_key_release BEFORE DELETE ON natural_key
        WHEN NOT EXISTS (SELECT 1 FROM txn WHERE reverses = OLD.txn_id)
        BEGIN SELECT RAISE(ABORT, 'natural_key: a key is released only after its transaction is reversed'); END
        """,
        """
        CREATE TRIGGER posting_sealed BEFORE INSERT ON posting
        WHEN EXISTS (SELECT 1 FROM txn WHERE id = NEW.txn_id)
        BEGIN SELECT RAISE(ABORT, 'posting: its transaction is already sealed'); END
        """,
        chainOrder("txn", others: ["price", "balance_assertion"]),
        chainOrder("price", others: ["txn", "balance_assertion"]),
        chainOrder("balance_assertion", others: ["txn", "price"]),
        """
        CREATE TRIGGER txn_reverses_once BEFORE INSERT ON txn
        WHEN NEW.reverses IS NOT NULL AND (NEW.reverses >= NEW.id
          OR EXISTS (SELECT 1 FROM txn WHERE id = NEW.reverses AND reverses IS NOT NULL))
        BEGIN SELECT RAISE(ABORT, 'txn: a reversal must name an earlier transaction that is not itself a reversal'); END
        """,
        // The seal: checks the postings written before this row, then books the daily totals and the key.
        """
        CREATE TRIGGER txn_seal AFTER INSERT ON txn
        BEGIN
          SELECT RAISE(ABORT, 'txn: unbalanced (fewer than two postings, or amounts or values do not sum to zero)')
          WHERE (SELECT count(*) < 2 OR sum(value) <> 0 FROM posting WHERE txn_id = NEW.id)
             OR EXISTS (SELECT 1 FROM posting WHERE txn_id = NEW.id GROUP BY commodity HAVING sum(amount) <> 0);
          SELECT RAISE(ABORT, 'txn: a posting account is not open on the transaction date')
          WHERE EXISTS (SELECT 1 FROM posting p JOIN account a ON a.id = p.account_id
                        WHERE p.txn_id = NEW.id AND (a.open_date > NEW.date OR a.close_date < NEW.date));
          INSERT INTO natural_key(key, txn_id) SELECT NEW.natural_key, NEW.id WHERE NEW.natural_key IS NOT NULL;
          INSERT INTO account_day(account_id, commodity, date, amount, value)
            SELECT account_id, commodity, NEW.date, sum(amount), sum(value) FROM posting
            WHERE txn_id = NEW.id GROUP BY account_id, commodity
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, value = value + excluded.value;
        END
        """,
    ]

    /// The seal as one checking statement (a CASE of RAISEs, no sorter) plus two writes; chain order and
    /// reversal rules move into it. Same invariants and messages as v1, about half the work per row.
    static let v2Triggers: [String] = [
        "DROP TRIGGER txn_seal",
        "DROP TRIGGER txn_chain_order",
        "DROP TRIGGER txn_reverses_once",
        """
        CREATE TRIGGER txn_seal AFTER INSERT ON txn
        BEGIN
          SELECT CASE
            WHEN NEW.id < (SELECT max(id) FROM txn) OR NEW.id <= coalesce((SELECT max(id) FROM price), 0)
              OR NEW.id <= coalesce((SELECT max(id) FROM balance_assertion), 0)
              THEN RAISE(ABORT, 'txn id out of chain order')
            WHEN NEW.reverses IS NOT NULL AND (NEW.reverses >= NEW.id
              OR EXISTS (SELECT 1 FROM txn WHERE id = NEW.reverses AND reverses IS NOT NULL))
              THEN RAISE(ABORT, 'txn: a reversal must name an earlier transaction that is not itself a reversal')
            WHEN (SELECT count(*) < 2 OR sum(value) <> 0 FROM posting WHERE txn_id = NEW.id)
              OR EXISTS (SELECT 1 FROM posting p WHERE p.txn_id = NEW.id
                         AND (SELECT sum(q.amount) FROM posting q WHERE q.txn_id = NEW.id AND q.commodity = p.commodity) <> 0)
              THEN RAISE(ABORT, 'txn: unbalanced (fewer than two postings, or amounts or values do not sum to zero)')
            WHEN EXISTS (SELECT 1 FROM posting p JOIN account a ON a.id = p.account_id
                         WHERE p.txn_id = NEW.id AND (a.open_date > NEW.date OR a.close_date < NEW.date))
              THEN RAISE(ABORT, 'txn: a posting account is not open on the transaction date')
          END;
          INSERT INTO natural_key(key, txn_id) SELECT NEW.natural_key, NEW.id WHERE NEW.natural_key IS NOT NULL;
          INSERT INTO account_day(account_id, commodity, date, amount, value)
            SELECT account_id, commodity, NEW.date, amount, value FROM posting WHERE txn_id = NEW.id
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, value = value + excluded.value;
        END
        """,
    ]

    /// The seal's checks as one aggregate pass over the postings joined to their accounts (count, sums,
    /// commodity range, open dates); the grouped per-commodity sum runs only for a mixed-commodity
    /// transaction, and chain order is three seeks for a later id. Same invariants and messages as v2.
    static let v3Triggers: [String] = [
        "DROP TRIGGER txn_seal",
        """
        CREATE TRIGGER txn_seal AFTER INSERT ON txn
        BEGIN
          SELECT CASE
            WHEN EXISTS (SELECT 1 FROM txn WHERE id > NEW.id) OR EXISTS (SELECT 1 FROM price WHERE id >= NEW.id)
              OR EXISTS (SELECT 1 FROM balance_assertion WHERE id >= NEW.id)
              THEN RAISE(ABORT, 'txn id out of chain order')
            WHEN NEW.reverses IS NOT NULL AND (NEW.reverses >= NEW.id
              OR EXISTS (SELECT 1 FROM txn WHERE id = NEW.reverses AND reverses IS NOT NULL))
              THEN RAISE(ABORT, 'txn: a reversal must name an earlier transaction that is not itself a reversal')
            WHEN count(*) < 2 OR sum(p.value) <> 0
              OR (min(p.commodity) = max(p.commodity) AND sum(p.amount) FILTER (WHERE p.commodity = (
                    SELECT commodity FROM posting WHERE txn_id = NEW.id)) <> 0)
              OR (min(p.commodity) <> max(p.commodity) AND EXISTS (SELECT 1 FROM posting WHERE txn_id = NEW.id
                    GROUP BY commodity HAVING sum(amount) <> 0))
              THEN RAISE(ABORT, 'txn: unbalanced (fewer than two postings, or amounts or values do not sum to zero)')
            WHEN max(a.open_date > NEW.date OR a.close_date < NEW.date)
              THEN RAISE(ABORT, 'txn: a posting account is not open on the transaction date')
          END
          FROM posting p LEFT JOIN account a ON a.id = p.account_id WHERE p.txn_id = NEW.id;
          INSERT INTO natural_key(key, txn_id) SELECT NEW.natural_key, NEW.id WHERE NEW.natural_key IS NOT NULL;
          INSERT INTO account_day(account_id, commodity, date, amount, value)
            SELECT account_id, commodity, NEW.date, amount, value FROM posting WHERE txn_id = NEW.id
            ON CONFLICT(account_id, commodity, date) DO UPDATE SET amount = amount + excluded.amount, value = value + excluded.value;
        END
        """,
    ]

    /// Daily totals folded in set-based instead of one upsert per posting in the seal.
    /// `account_day_store` holds exactly the postings of transactions with id ≤ `account_day_mark.through_txn`;
    /// moving the mark forward (never back, never past the last transaction) folds the transactions in
    /// between into the store in one grouped statement. The view `account_day` adds the postings of later
    /// transactions to the store, so every reader is exact whether or not the mark has moved.
    /// The seal is v3's without the upsert.
    static let v4SettledTotals: [String] = [
        "DROP TRIGGER txn_seal",
        """
        CREATE TABLE account_day_store (
          account_id INTEGER NOT NULL REFERENCES account(id),
          commodity TEXT NOT NULL,
          date TEXT NOT NULL,
          amount INTEGER NOT NULL,
          value INTEGER NOT NULL,
          PRIMARY KEY (account_id, commodity, date)
        ) STRICT, WITHOUT ROWID
        """,
        "INSERT INTO account_day_store(account_id, commodity, date, amount, value) SELECT account_id, commodity, date, amount, value FROM account_day",
        "DROP TABLE account_day",
        "CREATE INDEX account_day_store_date ON account_day_store(date)",
        """
        CREATE TABLE account_day_mark (
          only INTEGER PRIMARY KEY CHECK (only = 1),
          through_txn INTEGER NOT NULL CHECK (through_txn >= 0)
        ) STRICT
        """,
        "INSERT INTO account_day_mark(only, through_txn) SELECT 1, coalesce(max(id), 0) FROM txn",
        """
        CREATE TRIGGER account_day_mark_no_delete BEFORE DELETE ON account_day_mark
        BEGIN SELECT RAISE(ABORT, 'account_day_mark: DELETE refused; the mark only moves forward'); END
        """,
        """
        CREATE TRIGGER account_day_mark_forward BEFORE UPDATE ON account_day_mark
        WHEN NEW.only IS NOT OLD.only OR NEW.through_txn < OLD.through_txn
          OR NEW.through_txn > coalesce((SELECT max(id) FROM txn), 0)
        BEGIN SELECT RAISE(ABORT, 'account_day_mark: the mark moves forward only, up to the last transaction'); END
        """,
        """
        CREATE TRIGGER account_day_mark_fold AFTER UPDATE ON account_day_mark
        BEGIN
          INSERT INTO account_day_store(account_id, commodity, date, amount, value)
            SELECT p.account_id, p.commodity, t.date, sum(p.amount), sum(p.value)
            FROM txn t JOIN posting p ON p.txn_id = t.id
            WHERE t.id > OLD.through_txn AND t.id <= NEW.through_txn
            GROUP BY t.date, p.account_id, p.commodity
            ON CONFLICT(account_id, commodity, date) DO UPDATE SET amount = amount + excluded.amount, value = value + excluded.value;
        END
        """,
        """
        CREATE VIEW account_day(account_id, commodity, date, amount, value) AS
          SELECT account_id, commodity, date, amount, value FROM account_day_store
          UNION ALL
          SELECT p.account_id, p.commodity, t.date, p.amount, p.value FROM txn t JOIN posting p ON p.txn_id = t.id
          WHERE t.id > (SELECT through_txn FROM account_day_mark)
        """,
        """
        CREATE TRIGGER txn_seal AFTER INSERT ON txn
        BEGIN
          SELECT CASE
            WHEN EXISTS (SELECT 1 FROM txn WHERE id > NEW.id) OR EXISTS (SELECT 1 FROM price WHERE id >= NEW.id)
              OR EXISTS (SELECT 1 FROM balance_assertion WHERE id >= NEW.id)
              THEN RAISE(ABORT, 'txn id out of chain order')
            WHEN NEW.reverses IS NOT NULL AND (NEW.reverses >= NEW.id
              OR EXISTS (SELECT 1 FROM txn WHERE id = NEW.reverses AND reverses IS NOT NULL))
              THEN RAISE(ABORT, 'txn: a reversal must name an earlier transaction that is not itself a reversal')
            WHEN count(*) < 2 OR sum(p.value) <> 0
              OR (min(p.commodity) = max(p.commodity) AND sum(p.amount) FILTER (WHERE p.commodity = (
                    SELECT commodity FROM posting WHERE txn_id = NEW.id)) <> 0)
              OR (min(p.commodity) <> max(p.commodity) AND EXISTS (SELECT 1 FROM posting WHERE txn_id = NEW.id
                    GROUP BY commodity HAVING sum(amount) <> 0))
              THEN RAISE(ABORT, 'txn: unbalanced (fewer than two postings, or amounts or values do not sum to zero)')
            WHEN max(a.open_date > NEW.date OR a.close_date < NEW.date)
              THEN RAISE(ABORT, 'txn: a posting account is not open on the transaction date')
          END
          FROM posting p LEFT JOIN account a ON a.id = p.account_id WHERE p.txn_id = NEW.id;
          INSERT INTO natural_key(key, txn_id) SELECT NEW.natural_key, NEW.id WHERE NEW.natural_key IS NOT NULL;
        END
        """,
    ]

    /// A posting can no longer join a sealed transaction by its key and constraints instead of a trigger per
    /// posting (`posting_sealed`, dropped): `txn.posting_count` records how many postings the transaction has,
    /// each posting carries that count as `lines` with `line < lines`, and `(txn_id, lines)` references
    /// `txn(id, posting_count)` through a deferred foreign key. A late posting either reuses a taken
    /// `(txn_id, lines, line)`, breaks `line < lines`, or names a count its transaction does not have, which
    /// fails the commit. The seal checks the count against the postings.
    ///
    /// The seal also checks a single commodity's amounts without reading the postings a second time: it sums
    /// each amount's high and low 32-bit halves (`a = (a >> 32) * 2^32 + (a & 0xFFFFFFFF)`), two sums that cannot
    /// overflow below 2^31 postings; the total is zero exactly when the low sum is a multiple of 2^32 and the high
    /// sum cancels its carry. (A plain `sum(amount)` overflows on mixed commodities with large amounts, and a
    /// wrapping one could reach zero.) Other invariants and messages are v4's.
    static func v5CountedPostings(_ db: Database) throws {
        // Triggers on `posting` that other modules added: recreated after the table is rebuilt.
        let foreignTriggers = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'posting'
              AND name NOT IN ('posting_no_update', 'posting_no_delete', 'posting_sealed')
            """)
        // Views and triggers that name `posting` must not be re-checked while the table is being replaced.
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        for statement in v5Statements + foreignTriggers { try db.execute(sql: statement) }
        try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
    }

    static let v5Statements: [String] = [
        "ALTER TABLE txn ADD COLUMN posting_count INTEGER NOT NULL DEFAULT 0 CHECK (posting_count >= 0)",
        "DROP TRIGGER txn_no_update",
        "UPDATE txn SET posting_count = (SELECT count(*) FROM posting WHERE txn_id = txn.id)",
        """
        CREATE TRIGGER txn_no_update BEFORE UPDATE ON txn
        BEGIN SELECT RAISE(ABORT, 'txn is append-only: UPDATE refused; book a reversal instead'); END
        """,
        "CREATE UNIQUE INDEX txn_posting_count ON txn(id, posting_count)",
        """
        CREATE TABLE posting_v5 (
          txn_id INTEGER NOT NULL,
          line INTEGER NOT NULL CHECK (line >= 0 AND line < lines),
          account_id INTEGER NOT NULL REFERENCES account(id),
          commodity TEXT NOT NULL REFERENCES commodity(code),
          amount INTEGER NOT NULL,
          value INTEGER NOT NULL,
          metadata TEXT,
          lines INTEGER NOT NULL,
          PRIMARY KEY (txn_id, lines, line),
          FOREIGN KEY (txn_id, lines) REFERENCES txn(id, posting_count) DEFERRABLE INITIALLY DEFERRED
        ) STRICT, WITHOUT ROWID
        """,
        """
        INSERT INTO posting_v5(txn_id, line, account_id, commodity, amount, value, metadata, lines)
          SELECT p.txn_id, p.line, p.account_id, p.commodity, p.amount, p.value, p.metadata, t.posting_count
          FROM posting p JOIN txn t ON t.id = p.txn_id
        """,
        "DROP TABLE posting",
        "ALTER TABLE posting_v5 RENAME TO posting",
        """
        CREATE TRIGGER posting_no_update BEFORE UPDATE ON posting
        BEGIN SELECT RAISE(ABORT, 'posting is append-only: UPDATE refused; book a reversal instead'); END
        """,
        """
        CREATE TRIGGER posting_no_delete BEFORE DELETE ON posting
        BEGIN SELECT RAISE(ABORT, 'posting is append-only: DELETE refused; book a reversal instead'); END
        """,
        "DROP TRIGGER txn_seal",
        """
        CREATE TRIGGER txn_seal AFTER INSERT ON txn
        BEGIN
          SELECT CASE
            WHEN EXISTS (SELECT 1 FROM txn WHERE id > NEW.id) OR EXISTS (SELECT 1 FROM price WHERE id >= NEW.id)
              OR EXISTS (SELECT 1 FROM balance_assertion WHERE id >= NEW.id)
              THEN RAISE(ABORT, 'txn id out of chain order')
            WHEN NEW.reverses IS NOT NULL AND (NEW.reverses >= NEW.id
              OR EXISTS (SELECT 1 FROM txn WHERE id = NEW.reverses AND reverses IS NOT NULL))
              THEN RAISE(ABORT, 'txn: a reversal must name an earlier transaction that is not itself a reversal')
            WHEN count(*) <> NEW.posting_count OR min(p.lines) <> NEW.posting_count OR max(p.lines) <> NEW.posting_count
              THEN RAISE(ABORT, 'txn: posting_count must equal the number of its postings, and each posting''s lines')
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
        """,
    ]

    /// The seal counts a transaction's postings without reading their `lines`: v5's `min(p.lines)` and
    /// `max(p.lines)` terms are redundant, since every posting's `(txn_id, lines)` must match `txn(id,
    /// posting_count)` through the deferred foreign key, so a posting claiming another count fails the commit
    /// anyway. Two aggregates fewer per posting; other checks and messages are v5's.
    static let v6CountedSeal: [String] = [
        "DROP TRIGGER txn_seal",
        """
        CREATE TRIGGER txn_seal AFTER INSERT ON txn
        BEGIN
          SELECT CASE
            WHEN EXISTS (SELECT 1 FROM txn WHERE id > NEW.id) OR EXISTS (SELECT 1 FROM price WHERE id >= NEW.id)
              OR EXISTS (SELECT 1 FROM balance_assertion WHERE id >= NEW.id)
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
        """,
    ]
}
