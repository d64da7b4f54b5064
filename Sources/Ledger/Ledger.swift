/// Generic double-entry journal on SQLite (GRDB). Knows nothing of Bitcoin.
public enum LedgerModule {}
