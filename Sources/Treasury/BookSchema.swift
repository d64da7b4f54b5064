import Ledger

/// Every migration of a reserve's book, in the order they are applied: the Ledger's own, then Treasury's. Every
/// command opens a ledger with this one list (`LedgerStore.open(at:mode:migrations:…)`), and `reserve init`
/// creates one with all of it applied; the schema number a ledger reports is how many of these it has.
///
/// To add a migration: a new Ledger one is appended to `LedgerSchema.migrations` (Ledger module), a new Treasury
/// one to the end of `treasury` below. Never edit, rename, remove or reorder a shipped one: names are part of the
/// file format, and a ledger made by an older version is upgraded by applying the ones it lacks.
public enum BookSchema {
    public static let migrations: [LedgerMigration] = LedgerSchema.migrations + treasury

    /// Treasury's migrations, oldest first.
    static let treasury: [LedgerMigration] = [
        WalletSchema.migration,                 // treasury-wallets-v1: wallet, wallet_address
        TreasurySchema.importsV1,               // treasury-imports-v1: pool, site, reserve_output, power_bill, …
        SiteSpecs.migration,                    // treasury-v1-site-spec: site_spec
        ReportSchema.aggregatesV1,              // treasury-v1-report-aggregates: report_account_role, report_*_day
        ReportSchema.aggregatesByBatchV2,       // treasury-v2-report-aggregates-by-batch
        TreasurySchema.provenRecordsV3,         // treasury-v3-proven-records: payout fields, reserve_spend, snapshot documents
        SiteSpecs.datedMigration,               // treasury-v4-dated-site-specs: site_spec keyed by (site, from_date)
        TreasuryConfiguration.migration,        // treasury-v5-chained-configuration: wallets, pools, sites, site figures
        SpendSigners.migration,                 // treasury-v6-spend-signers: spend_signer, wallet_key_name
    ]
}
