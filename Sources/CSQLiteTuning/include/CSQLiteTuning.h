#ifndef RESERVE_CSQLITE_TUNING_H
#define RESERVE_CSQLITE_TUNING_H

/// Turns off SQLite's allocation statistics, which take a global mutex on every allocation.
/// Works only before SQLite initialises (the first connection); returns an SQLite result code.
int reserve_sqlite_disable_memstatus(void);

/// Keeps statement journals in memory up to `bytes` before they spill to a temporary file.
/// Works only before SQLite initialises; returns an SQLite result code.
int reserve_sqlite_statement_journal_spill(int bytes);

#endif
