import CSQLite

/// A prepared statement: bind by index (1-based), step, read columns (0-based); finalized on deinit.
/// Every run (`run`, `first`, `forEachRow`) leaves the statement reset, ready for the next.
public final class Statement {
    private let handle: OpaquePointer
    private let boundBytes = BoundBytes()
    unowned let database: Database
    public let sql: String

    init(database: Database, sql: String) throws {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteError(code: rc, message: database.lastErrorMessage, sql: sql)
        }
        self.handle = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds the values in order to parameters 1, 2, …; parameters past them are NULL. Text and
    /// blob bytes are copied into `boundBytes`, which SQLite reads until the next bind.
    private func bind(_ values: [SQLValue]) throws {
        if values.count < sqlite3_bind_parameter_count(handle) { sqlite3_clear_bindings(handle) }
        boundBytes.reserve(values.reduce(0) { $0 + $1.byteCount })
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .integer(let number): rc = sqlite3_bind_int64(handle, index, number)
            case .text(var text):
                rc = text.withUTF8 { bytes in
                    let start = boundBytes.append(UnsafeRawBufferPointer(bytes)).assumingMemoryBound(to: CChar.self)
                    return sqlite3_bind_text(handle, index, start, Int32(bytes.count), nil)
                }
            case .blob(let bytes):
                rc = bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, boundBytes.append($0), Int32($0.count), nil) }
            }
            if rc != SQLITE_OK { throw SQLiteError(code: rc, message: database.lastErrorMessage, sql: sql) }
        }
    }

    /// Advances to the next row: true while there is one.
    @discardableResult
    private func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(code: rc, message: database.lastErrorMessage, sql: sql)
        }
    }

    /// Runs a statement that returns no rows.
    public func run(_ values: SQLValue...) throws {
        try run(values)
    }

    /// Runs a statement that returns no rows.
    public func run(_ values: [SQLValue]) throws {
        defer { sqlite3_reset(handle) }
        try bind(values)
        try step()
    }

    /// Calls `body` for every row of the statement run with `values`.
    public func forEachRow(_ values: [SQLValue] = [], _ body: (Statement) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        try bind(values)
        while try step() { try body(self) }
    }

    /// The first row mapped by `body`, or nil when there is none. The statement is reset after,
    /// so it holds no read transaction open (which would keep WAL checkpoints from completing).
    public func first<T>(_ values: [SQLValue] = [], _ body: (Statement) throws -> T) throws -> T? {
        defer { sqlite3_reset(handle) }
        try bind(values)
        return try step() ? body(self) : nil
    }

    /// How many columns a row of the statement has.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    public func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: bytes)
    }

    public func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    public func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
    public func optionalInt(_ column: Int32) -> Int64? { isNull(column) ? nil : int(column) }
}

/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }

    /// A text value, or NULL for nil.
    public static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    /// An integer value, or NULL for nil.
    public static func int(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
    public static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }

    /// The bytes of a text (UTF-8) or blob value; 0 for the others.
    var byteCount: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .blob(let bytes): bytes.count
        case .null, .integer: 0
        }
    }
}
