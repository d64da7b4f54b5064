#ifndef RESERVE_CSQLITE_TUNING_H
#define RESERVE_CSQLITE_TUNING_H

/// Process-wide SQLite settings; they work only before SQLite initialises (the first connection).
/// Each returns an SQLite result code (SQLITE_MISUSE once SQLite is initialised).

/// Turns off SQLite's allocation statistics, which take a global mutex on every allocation.
int reserve_sqlite_disable_memstatus(void);

/// Keeps a statement journal in memory until it exceeds `bytes`. Once one spills to a temporary file, every
/// later statement of the same transaction writes its journal there, a system call per page.
int reserve_sqlite_set_statement_journal_spill(int bytes);

/// Lets `sqlite3_open_v2` take `file:` URIs (a read-only ledger is opened as `file:PATH?immutable=1`).
int reserve_sqlite_enable_uri(void);

#endif
