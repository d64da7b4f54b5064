/// The reserve's domain: wallets, pools, sites, importers, booking rules, reports.
public enum TreasuryModule {}
