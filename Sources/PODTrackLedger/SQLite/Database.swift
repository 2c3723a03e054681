import CSQLite

/// One SQLite connection. Not shared across threads: each owner opens its own.
public final class Database {
    let handle: OpaquePointer
    private var statementCache: [String: Statement] = [:]

    /// Opens (creating if needed) the database at `path`.
    public init(path: String, readOnly: Bool = false) throws {
        _ = sqliteConfigured
        var db: OpaquePointer?
        let flags = readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw SQLiteError(code: rc, message: "\(message) (opening \(path))", sql: nil)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 5_000)
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(error)
            throw SQLiteError(code: rc, message: message, sql: sql)
        }
    }

    /// A prepared statement for `sql`, prepared once per connection and reused.
    public func cached(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs `body` inside a transaction: committed when it returns, rolled back when it throws.
    /// Inside an open transaction it is a savepoint: released when `body` returns, rolled back to
    /// (undoing only what `body` did) when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let isNested = isInTransaction
        try execute(isNested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute(isNested ? "RELEASE nested" : "COMMIT")
            return result
        } catch {
            try? execute(isNested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK")
            throw error
        }
    }

    /// The database file's path, or nil for an in-memory or temporary database.
    var path: String? {
        guard let name = sqlite3_db_filename(handle, "main"), name.pointee != 0 else { return nil }
        return String(cString: name)
    }

    /// True while a transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Defines a SQL function of one argument on this connection. `body` finds `context`, if
    /// any, as `sqlite3_user_data`; the connection keeps it until it closes. Without a context
    /// the function depends on its argument only, and SQLite is told so.
    func defineFunction(_ name: String, context: AnyObject? = nil,
                        _ body: @escaping @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void) throws {
        let data = context.map { Unmanaged.passRetained($0).toOpaque() }
        let flags = SQLITE_UTF8 | (context == nil ? SQLITE_DETERMINISTIC : 0)
        let rc = sqlite3_create_function_v2(handle, name, 1, flags, data, body, nil, nil, data == nil ? nil : releaseFunctionContext)
        if rc != SQLITE_OK { throw SQLiteError(code: rc, message: lastErrorMessage, sql: nil) }
    }

    /// The rowid of the last successful INSERT.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}

/// SQLite's process-wide settings, made once before the first connection opens: no memory
/// statistics (podtrack reads none, and they cost a global lock around each of SQLite's
/// allocations, several per statement run).
private let sqliteConfigured: Void = {
    _ = csqlite_disable_memory_statistics()
}()

/// Releases a function's context (`Database.defineFunction`) when SQLite lets go of the function.
private func releaseFunctionContext(_ data: UnsafeMutableRawPointer?) {
    if let data { Unmanaged<AnyObject>.fromOpaque(data).release() }
}
