import CSQLite

/// A failed SQLite call: the result code, SQLite's message and the statement it was running.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        if let sql { return "SQLite error \(code) (\(name)): \(message) — in: \(sql)" }
        return "SQLite error \(code) (\(name)): \(message)"
    }
}
