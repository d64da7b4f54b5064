import Foundation
import TestSupport
import Testing

/// Every table a report reads that is not itself chained is derived data: an edit to any of them (behind dropped
/// triggers where the table has some) makes `reserve verify ledger` fail and name the table.
@Suite(.serialized, .demoLedger) struct TamperTests {
    /// A copy of the demo ledger with `sql` applied by the sqlite3 shell; `verify ledger`'s status and stderr.
    static func verifyAfter(_ sql: String) throws -> (status: Int32, stderr: String) {
        let demo = try #require(DemoLedger.current)
        #expect(demo.status == 0)
        let directory = try TemporaryDirectory("tamper")
        let copy = directory.path("t.sqlite")
        try FileManager.default.copyItem(atPath: demo.db, toPath: copy)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [copy, sql]
        let errors = Pipe()
        shell.standardError = errors
        try shell.run()
        shell.waitUntilExit()
        let shellErrors = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(shell.terminationStatus == 0, "sqlite3: \(shellErrors)")
        let r = try HDCLI.run(["verify", "ledger", "--db", copy, "--format", "json"])
        return (r.status, r.stderr)
    }

    /// Edits that change a figure some report prints, each with the table `verify` must name.
    static let edits: [(table: String, sql: String)] = [
        ("report_pool_fee_day", "UPDATE report_pool_fee_day SET amount = amount + 300000 WHERE date = (SELECT min(date) FROM report_pool_fee_day)"),
        ("report_pool_fee_day", "UPDATE report_pool_fee_day SET value = value + 90000 WHERE date = (SELECT max(date) FROM report_pool_fee_day)"),
        ("report_mined_day", "UPDATE report_mined_day SET amount = amount + 1 WHERE date = (SELECT min(date) FROM report_mined_day)"),
        ("report_mined_day", "DELETE FROM report_mined_day WHERE date = (SELECT max(date) FROM report_mined_day)"),
        ("report_account_role", "UPDATE report_account_role SET fee = 1 - fee WHERE account_id = (SELECT min(account_id) FROM report_account_role)"),
        ("power_bill", "UPDATE power_bill SET wh = wh + 1000 WHERE invoice = (SELECT min(invoice) FROM power_bill)"),
        ("power_bill", "UPDATE power_bill SET marginal_amount = 5 WHERE invoice = (SELECT min(invoice) FROM power_bill)"),
        ("power_bill", "UPDATE power_bill SET period_start = date(period_start, '+1 day') WHERE invoice = (SELECT min(invoice) FROM power_bill)"),
        ("power_bill", "DELETE FROM power_bill WHERE invoice = (SELECT max(invoice) FROM power_bill)"),
        ("power_settlement", "UPDATE power_settlement SET amount = amount - 1 WHERE reference = (SELECT min(reference) FROM power_settlement)"),
        ("power_settlement", "DELETE FROM power_settlement WHERE reference = (SELECT min(reference) FROM power_settlement)"),
        ("reserve_output", "UPDATE reserve_output SET amount = amount + 1 WHERE id = 5"),
        ("reserve_output", "UPDATE reserve_output SET script_pubkey = X'00140102030405060708090a0b0c0d0e0f1011121314' WHERE id = 7"),
        ("reserve_output", "UPDATE reserve_output SET wallet = 'cold' WHERE id = 7 AND wallet <> 'cold'"),
        ("reserve_output", "UPDATE reserve_output SET spent_by_txid = NULL, spent_txn_id = NULL WHERE id = (SELECT min(id) FROM reserve_output WHERE spent_txn_id IS NOT NULL)"),
        ("reserve_output", "DELETE FROM reserve_output WHERE id = 3"),
        ("reserve_output", "UPDATE reserve_output SET amount = amount - 1 WHERE id = (SELECT max(id) FROM reserve_output)"),
        ("reserve_spend", "UPDATE reserve_spend SET purpose = 'other' WHERE txn_id = (SELECT min(txn_id) FROM reserve_spend)"),
        ("spend_signer", "UPDATE spend_signer SET key_index = key_index + 10 WHERE txn_id = (SELECT max(txn_id) FROM spend_signer)"),
        ("spend_signer", "UPDATE spend_signer SET name = 'someone else' WHERE txn_id = (SELECT min(txn_id) FROM spend_signer)"),
        ("spend_signer", "DELETE FROM spend_signer WHERE txn_id = (SELECT min(txn_id) FROM spend_signer) AND input = 0"),
        ("spend_signer", "INSERT INTO spend_signer SELECT txn_id + 100000, input, key_index, kind, threshold, key_count, public_key, hash_type, wallet, origin, name, batch FROM spend_signer LIMIT 1"),
        ("snapshot_utxo", "UPDATE snapshot_utxo SET amount = amount + 1 WHERE txid = (SELECT min(txid) FROM snapshot_utxo)"),
        ("snapshot_utxo", "UPDATE snapshot_utxo SET wallet = NULL WHERE txid = (SELECT min(txid) FROM snapshot_utxo WHERE wallet IS NOT NULL)"),
        ("snapshot_utxo", "DELETE FROM snapshot_utxo WHERE txid = (SELECT max(txid) FROM snapshot_utxo)"),
        ("snapshot", "UPDATE snapshot SET height = height + 1"),
        ("snapshot", "UPDATE snapshot SET best_block = 'ff' || substr(best_block, 3)"),
        ("daily totals", "UPDATE account_day_store SET amount = amount + 1 WHERE date = (SELECT min(date) FROM account_day_store)"),
        ("document", "DROP TRIGGER document_no_update; UPDATE document SET body = replace(body, 'height=', 'height=1')"),
        ("setting", "UPDATE setting SET value = 'UTC' WHERE key = 'time_zone'"),
        ("setting", "UPDATE setting SET value = '1' WHERE key = 'fiscal_year_start'"),
        ("setting", "UPDATE setting SET value = '1000000' WHERE key = 'treasury_proven_from'"),
        ("commodity", "DROP TRIGGER commodity_no_update; UPDATE commodity SET scale = 2 WHERE code = 'BTC'"),
        ("account", "DROP TRIGGER account_close_only; UPDATE account SET open_date = '2026-06-30' WHERE name = 'Assets:Reserve:Hot'"),
        ("account", "DROP TRIGGER account_close_only; DROP TRIGGER account_close_empty; UPDATE account SET close_date = '2026-12-31' WHERE name = 'Expenses:NetworkFees'"),
        ("import_batch", "DROP TRIGGER import_batch_no_update; UPDATE import_batch SET new_count = new_count + 1 WHERE id = 2"),
        ("wallet", "UPDATE wallet SET descriptor = (SELECT descriptor FROM wallet WHERE name = 'cold') WHERE name = 'hot'"),
        ("wallet", "UPDATE wallet SET gap_limit = 5 WHERE name = 'hot'"),
        ("wallet_address", "UPDATE wallet_address SET script_pubkey = X'00140000000000000000000000000000000000000000' WHERE rowid IN (SELECT rowid FROM wallet_address WHERE wallet_id = (SELECT id FROM wallet WHERE name = 'hot') LIMIT 1)"),
        ("pool", "UPDATE pool SET basis = 'cash' WHERE id = 'f2pool'"),
        ("wallet", "UPDATE wallet_key_name SET name = 'Someone Else' WHERE position = 0"),
        ("site", "UPDATE site SET account_component = 'Suix' WHERE id = 'Sui'"),
        ("site_spec", "UPDATE site_spec SET hashrate_ths = hashrate_ths + 1 WHERE site = 'Sui'"),
    ]

    @Test(arguments: 0..<edits.count) func everyDerivedTableEditIsCaught(_ index: Int) throws {
        let (table, sql) = Self.edits[index]
        let r = try Self.verifyAfter(sql)
        #expect(r.status == 1, "\(table): \(sql)")
        #expect(r.stderr.contains(table), "\(table): \(r.stderr)")
    }

    /// The page prints the head `verify ledger` checks (documents included), so `--expect-head` can be given it.
    @Test func thePageNamesTheVerifiedHead() throws {
        let demo = try #require(DemoLedger.current)
        let r = try HDCLI.run(["verify", "ledger", "--db", demo.db, "--format", "json"])
        let head = try #require(r.stdout.firstMatch(of: /"head_hash":"([0-9a-f]{64})"/)?.1)
        let page = try String(contentsOf: demo.dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains(String(head)))
    }

    @Test func theUntouchedDemoVerifies() throws {
        let r = try Self.verifyAfter("SELECT 1")
        #expect(r.status == 0, "\(r.stderr)")
    }
}
