import Foundation
import GRDB
import Testing

/// Sites and pools are declared before data names them: an import naming undeclared ones is refused, listing them,
/// unless given `--new-sites`/`--new-pools`; a header-only file imports 0 records and records no batch.
@Suite(.serialized) struct StrictImportTests {
    static func count(_ db: String, _ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    @Test func undeclaredSitesAndPoolsRefuseTheFileListingThem() throws {
        let (cli, db) = try ImportCommandTests.ledger()
        let hex = ImportCommandTests.hex, a0 = ImportCommandTests.a0
        let csv = try cli.write("p.csv", """
            paid_at,pool,site,amount_btc,address,txid,vout
            2026-03-01,f2pool,Nowhere,0.1,\(a0),\(hex(1)),0
            2026-03-02,luxor,guddu-1,0.1,\(a0),\(hex(2)),0
            2026-03-03,f2pool,Elsewhere,0.1,\(a0),\(hex(3)),0
            2026-03-04,luxor,Nowhere,0.1,\(a0),\(hex(4)),0

            """)
        let before = try ImportCommandTests.settledBytes(db)
        let refused = try cli.run(["import", "payouts", csv, "--db", db])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("""
            error: \(csv): undeclared sites "Nowhere", "Elsewhere" (declare with `reserve site add SITE`, or import with \
            --new-sites); undeclared pool "luxor" (declare with `reserve pool add POOL --basis cash|accrual`, or import \
            with --new-pools)
            error: nothing was written
            """))
        #expect(try ImportCommandTests.settledBytes(db) == before)
        // Either flag alone still refuses what the other covers.
        let sitesOnly = try cli.run(["import", "payouts", csv, "--new-sites", "--db", db])
        #expect(sitesOnly.status == 65)
        #expect(sitesOnly.stderr.contains("error: \(csv): undeclared pool \"luxor\""))
        #expect(!sitesOnly.stderr.contains("undeclared site"))
        #expect(try ImportCommandTests.settledBytes(db) == before)
        #expect(try cli.run(["import", "payouts", csv, "--new-sites", "--new-pools", "--db", db]).status == 0)
        #expect(try StrictImportTests.count(db, "SELECT count(*) FROM site WHERE id IN ('Nowhere', 'Elsewhere')") == 2)
        #expect(try StrictImportTests.count(db, "SELECT count(*) FROM pool WHERE id = 'luxor' AND basis = 'cash'") == 1)
    }

    @Test func powerBillOfAnUnknownSiteOpensNoAccount() throws {
        let (cli, db) = try ImportCommandTests.ledger()
        let bills = try cli.write("bills.csv", """
            site,period_start,period_end,kwh,amount,currency,invoice
            Nowhere,2026-03-01,2026-03-28,1000,50000.00,PKR,NW-1

            """)
        let refused = try cli.run(["import", "power", bills, "--db", db])
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("new_count=1 already_booked_count=0 conflicting_count=0 rejected_count=0 batch_id=none dry_run=false\nerror: \(bills): undeclared site \"Nowhere\""))
        #expect(try StrictImportTests.count(db, "SELECT count(*) FROM account WHERE name GLOB '*Nowhere*'") == 0)
        #expect(try cli.run(["site", "add", "Nowhere", "--db", db]).stdout == "site Nowhere declared\n")
        #expect(try cli.run(["import", "power", bills, "--db", db]).status == 0)
    }

    @Test func siteAddTakesOptionalFigures() throws {
        let (cli, db) = try ImportCommandTests.ledger()
        #expect(try cli.run(["site", "add", "Sui", "--hashrate-ths", "333333", "--power-kw", "6000", "--db", db]).stdout
                == "site Sui declared (333333 TH/s, 6000 kW)\n")
        #expect(try cli.run(["site", "add", "Sui", "--db", db]).stdout == "site Sui was already declared\n")
        #expect(try StrictImportTests.count(db, "SELECT power_kw FROM site_spec WHERE site = 'Sui'") == 6000)
        #expect(try cli.run(["site", "add", "Sahiwal", "--power-kw", "8000", "--db", db]).status == 64)
        #expect(try cli.run(["site", "add", "9lives", "--db", db]).status == 64)
        // `sui` would name the same accounts as `Sui`.
        #expect(try cli.run(["site", "add", "sui", "--db", db]).status == 65)
    }

    @Test func aHeaderOnlyFileImportsZeroRecordsAndRecordsNoBatch() throws {
        let (cli, db) = try ImportCommandTests.ledger()
        let batches = try StrictImportTests.count(db, "SELECT count(*) FROM import_batch")
        let empty = try cli.write("empty.csv", "paid_at,pool,site,amount_btc,address,txid,vout\n")
        let out = try cli.run(["import", "payouts", empty, "--format", "jsonl", "--db", db])
        #expect(out.status == 0)
        #expect(out.stdout.hasSuffix(",\"new_count\":0,\"already_booked_count\":0,\"conflicting_count\":0,\"rejected_count\":0,\"batch_id\":null,\"dry_run\":false}\n"))
        #expect(out.stderr == "note: \(empty): 0 records; nothing imported, no batch recorded\n")
        #expect(try StrictImportTests.count(db, "SELECT count(*) FROM import_batch") == batches)
    }
}
