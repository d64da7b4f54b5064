// C shims for SQLite's variadic sqlite3_config, which Swift cannot call directly.
#include <sqlite3.h>
#include "CSQLiteTuning.h"

int reserve_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int reserve_sqlite_set_statement_journal_spill(int bytes) {
    return sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, bytes);
}

int reserve_sqlite_enable_uri(void) {
    return sqlite3_config(SQLITE_CONFIG_URI, 1);
}
