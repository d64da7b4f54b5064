import GRDB
import Ledger

/// The wallet registry's tables, added to the ledger file by one named migration (never edited once shipped; listed in
/// `BookSchema.migrations`).
public enum WalletSchema {
    static let migration = LedgerMigration("treasury-wallets-v1") { db in
        try db.execute(sql: """
            CREATE TABLE wallet (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                network TEXT NOT NULL CHECK (network IN ('main', 'test', 'signet', 'regtest')),
                descriptor TEXT NOT NULL,
                change_descriptor TEXT,
                gap_limit INTEGER NOT NULL CHECK (gap_limit BETWEEN 1 AND 10000)
            ) STRICT;
            CREATE TABLE wallet_address (
                wallet_id INTEGER NOT NULL REFERENCES wallet(id),
                chain INTEGER NOT NULL CHECK (chain IN (0, 1)),
                idx INTEGER NOT NULL CHECK (idx BETWEEN 0 AND 2147483647),
                address TEXT,
                script_pubkey BLOB NOT NULL,
                used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
                PRIMARY KEY (wallet_id, chain, idx)
            ) STRICT;
            CREATE UNIQUE INDEX wallet_address_by_address ON wallet_address(address);
            CREATE UNIQUE INDEX wallet_address_by_script ON wallet_address(script_pubkey);
            """)
    }
}
