#ifndef RESERVE_CSQLITE_TUNING_H
#define RESERVE_CSQLITE_TUNING_H

/// Turns off SQLite's allocation statistics, which take a global mutex on every allocation.
/// Works only before SQLite initialises (the first connection); returns an SQLite result code.
int reserve_sqlite_disable_memstatus(void);

#endif
