import CSQLite

/// Keeps the write-ahead log file from one process to the next instead of deleting it when the
/// ledger closes. Every incremental pass writes most of a big ledger's hot pages into the log
/// (137 MB a round on the 200k-order world); into a new file each time, the kernel had to
/// allocate and zero every page of it first, which made those writes cost five times the
/// checkpoint's writes of the same pages into the existing database file. Round 48 of the 200k
/// incremental world, four alternating runs each: 1.20 s → 1.02 s.
///
/// A log kept as it is would cost the next open more than it saves: its frames are still valid,
/// so SQLite rebuilds its index by reading every one of them. So on close (`recycle`) the log
/// is checkpointed into the database and restarted with one small commit, behind which the old
/// frames no longer count; the next open reads a page of it. The file stays as large as the
/// largest batch made it (it never outgrows the pages that batch changed); the database file
/// alone holds everything once a pass has ended.
extension Database {
    /// Asks SQLite to leave the log file in place when the last connection closes.
    func keepWriteAheadLog() throws {
        let rc = csqlite_persist_wal(handle)
        if rc != SQLITE_OK { throw SQLiteError(code: rc, message: lastErrorMessage, sql: nil) }
    }

    /// Copies the log into the database and restarts it, if this connection left more than the
    /// one commit a restart writes. Called as the connection closes, so it waits for nobody: with
    /// another process reading, or on any error, the log is left as it is, and the next open
    /// reads it whole, as SQLite would after a crash. Nothing is lost either way.
    func recycleWriteAheadLog() {
        sqlite3_busy_timeout(handle, 0)
        guard let checkpoint = (try? cached("PRAGMA wal_checkpoint(RESTART)").first([], { row in
                  (busy: row.int(0), frames: row.int(1), copied: row.int(2)) })) ?? nil,
              checkpoint.busy == 0, checkpoint.frames > 1, checkpoint.copied == checkpoint.frames,
              let version = (try? cached("PRAGMA user_version").first([], { $0.int(0) })) ?? nil else { return }
        // The smallest commit there is: it rewrites the database header as it was.
        try? execute("PRAGMA user_version = \(version)")
    }
}
