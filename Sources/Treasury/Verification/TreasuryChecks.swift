import Bitcoin
import Foundation
import GRDB
import Ledger

/// Treasury's tables recomputed from chained records, for `verify ledger` (docs/ledger.md, "Derived tables").
///
/// - report aggregates (`report_account_role`, `report_mined_day`, `report_pool_fee_day`): recomputed from accounts
///   and postings by the same definitions their triggers use;
/// - records tied to bookings (`power_bill`, `power_settlement`, `reserve_output`, `reserve_spend`): each row's
///   fields give back the content hash the chain holds in its transaction's metadata, its transaction is live, and
///   every live booking of that kind has its row;
/// - snapshots (`snapshot`, `snapshot_utxo`): equal to the chained `snapshot` documents not voided by an undo.
public enum TreasuryChecks {
    public static let all: [DerivedTableCheck] = [
        wallets, walletAddresses, pools, sites, siteSpecs, accountRoles, minedDays, poolFeeDays, powerBills, settlements, spends, outputs,
        snapshots, SpendSigners.check,
    ]

    /// A transaction that is neither reversed nor a reversal.
    static let live = "t.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM txn r WHERE r.reverses = t.id)"

    // MARK: Report aggregates

    /// The role flags recomputed from account names, as a table `role` for the aggregates' definitions.
    static let roleTable = """
        role(account_id, holder, source, mining, fee) AS (
          SELECT id, \(ReportSchema.roles("name")) FROM account
          WHERE name GLOB 'Assets:Reserve:*' OR name GLOB 'Assets:Receivable:Pool:*'
            OR name GLOB 'Income:Mining:*' OR name GLOB 'Expenses:PoolFees:*')
        """

    private static func withRoles(_ sql: String) -> String {
        "WITH \(roleTable) " + sql.replacingOccurrences(of: "report_account_role", with: "role")
    }

    static let accountRoles = DerivedTableCheck.sql(
        table: "report_account_role", keyColumns: 1,
        expected: withRoles("SELECT account_id, holder, source, mining, fee FROM role"),
        stored: "SELECT account_id, holder, source, mining, fee FROM report_account_role")

    static let minedDays = DerivedTableCheck.sql(
        table: "report_mined_day", keyColumns: 2,
        expected: withRoles("""
            SELECT account_id, date, sum(amount) AS amount
            FROM (\(ReportSchema.minedRows(date: "t.date", join: "JOIN txn t ON t.id = p.txn_id", where: "true")))
            GROUP BY account_id, date
            """),
        stored: "SELECT account_id, date, amount FROM report_mined_day")

    static let poolFeeDays = DerivedTableCheck.sql(
        table: "report_pool_fee_day", keyColumns: 2,
        expected: withRoles("""
            SELECT account_id, date, sum(amount) AS amount, sum(value) AS value
            FROM (\(ReportSchema.feeRows(date: "t.date", join: "JOIN txn t ON t.id = f.txn_id", where: "true")))
            GROUP BY account_id, date
            """),
        stored: "SELECT account_id, date, amount, value FROM report_pool_fee_day")

    // MARK: Records tied to bookings

    /// The first row of `rows` whose recomputed content hash differs from its transaction's chained one.
    private static func firstMismatch(_ db: Database, table: String, rows sql: String,
                                      key: (Row) -> String, naturalKey: (Row) -> String,
                                      fingerprint: (Row) -> String?) throws -> DerivedDifference? {
        for row in try Row.fetchAll(db, sql: sql) {
            let keyText = key(row)
            guard let chained: String = row["chained"] else {
                return DerivedDifference(table: table, key: keyText, expected: "none (no transaction \(row["txn_id"] as Int64? ?? 0))",
                                         found: "a row for it")
            }
            guard (row["is_live"] as Bool?) == true else {
                return DerivedDifference(table: table, key: keyText, expected: "none (transaction \(row["txn_id"] as Int64) is reversed)",
                                         found: "a row for it")
            }
            let wantKey = naturalKey(row)
            if (row["chained_key"] as String?) != wantKey {
                return DerivedDifference(table: table, key: keyText, expected: "transaction with key \(wantKey)",
                                         found: "transaction \(row["txn_id"] as Int64) keyed \(row["chained_key"] as String? ?? "NULL")")
            }
            guard let computed = fingerprint(row) else { continue }
            if computed != chained {
                return DerivedDifference(table: table, key: keyText,
                                         expected: "content hash \(chained) (chained in transaction \(row["txn_id"] as Int64))",
                                         found: "fields whose content hash is \(computed)")
            }
        }
        return nil
    }

    /// The first live transaction keyed `prefix…` (of `source`) without its row in `table`.
    private static func firstMissing(_ db: Database, table: String, prefix: String, source: String,
                                     condition: String) throws -> DerivedDifference? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.id, t.natural_key FROM txn t WHERE t.natural_key GLOB '\(prefix)*' AND t.source = ? AND \(live)
              AND NOT (\(condition)) ORDER BY t.id LIMIT 1
            """, arguments: [source]) else { return nil }
        return DerivedDifference(table: table, key: "natural_key=\(row[1] as String)",
                                 expected: "a row for transaction \(row[0] as Int64)", found: "none")
    }

    private static let chainedColumns = """
        t.metadata AS chained, t.natural_key AS chained_key, t.date AS chained_date,
        (t.id IS NOT NULL AND \(live)) AS is_live
        """

    static let powerBills = DerivedTableCheck(table: "power_bill") { db in
        if let d = try firstMismatch(db, table: "power_bill", rows: """
            SELECT b.*, \(chainedColumns) FROM power_bill b LEFT JOIN txn t ON t.id = b.txn_id ORDER BY b.txn_id
            """, key: { "site=\($0["site"] as String) invoice=\($0["invoice"] as String)" },
            naturalKey: { "power:\($0["site"] as String):\($0["invoice"] as String)" },
            fingerprint: { r in
                let marginal = (r["marginal_amount"] as Int64?).map { String($0) } ?? ""
                let text = "site=\(r["site"] as String);start=\(r["period_start"] as String);end=\(r["period_end"] as String);"
                    + "wh=\(r["wh"] as Int64);currency=\(r["currency"] as String);amount=\(r["amount"] as Int64);marginal=\(marginal)"
                guard (r["chained_date"] as String?) == (r["period_end"] as String) else { return "booked on \(r["chained_date"] as String? ?? "-")" }
                return ImportSession.fingerprint("power", text)
            }) { return d }
        return try firstMissing(db, table: "power_bill", prefix: "power:", source: "power",
                                condition: "EXISTS (SELECT 1 FROM power_bill b WHERE b.txn_id = t.id)")
    }

    static let settlements = DerivedTableCheck(table: "power_settlement") { db in
        if let d = try firstMismatch(db, table: "power_settlement", rows: """
            SELECT s.*, b.currency AS currency, \(chainedColumns) FROM power_settlement s
            LEFT JOIN power_bill b ON b.site = s.site AND b.invoice = s.invoice
            LEFT JOIN txn t ON t.id = s.txn_id ORDER BY s.txn_id
            """, key: { "reference=\($0["reference"] as String)" },
            naturalKey: { "settlement:\($0["reference"] as String)" },
            fingerprint: { r in
                let text = "date=\(r["date"] as String);site=\(r["site"] as String);invoice=\(r["invoice"] as String);"
                    + "currency=\(r["currency"] as String? ?? "");amount=\(r["amount"] as Int64)"
                return ImportSession.fingerprint("settlement", text)
            }) { return d }
        return try firstMissing(db, table: "power_settlement", prefix: "settlement:", source: "settlements",
                                condition: "EXISTS (SELECT 1 FROM power_settlement s WHERE s.txn_id = t.id)")
    }

    /// The chain id from which booking records keep every field of their content hash (set by the migration that
    /// added them): earlier payout outputs and spends are checked only against what their postings show.
    static func provenFrom(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'treasury_proven_from'") ?? 1
    }
}
