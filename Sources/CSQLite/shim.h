#include <sqlite3.h>

/* SQLITE_TRANSIENT is a macro Swift cannot import: expose it as a function. */
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/* sqlite3_config is variadic, which Swift cannot call. Turns off SQLite's memory statistics,
   which take a global mutex around every allocation; only valid before SQLite initializes. */
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

/* sqlite3_file_control takes a void pointer to an int for SQLITE_FCNTL_PERSIST_WAL: keeps the
   write-ahead log file when the last connection closes, instead of deleting it. */
static inline int csqlite_persist_wal(sqlite3 *db) {
    int on = 1;
    return sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &on);
}
