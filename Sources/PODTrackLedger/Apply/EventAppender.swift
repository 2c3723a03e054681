import PODTrackCore

/// Appends a drop's events to the `events` table, `rowsPerInsert` rows per INSERT: a statement's
/// start, halt and reset cost as much as the row it writes, so one statement per event spent
/// most of its time on the statement. Each event gets its id when it is appended (the table's
/// next rowid, counted here), so its subject's history can name it before the row is written.
///
/// Rows wait here until the buffer is full or the drop ends (`finishDrop`); `discard` forgets
/// them when the drop fails. The next id is read from the table once per drop.
final class EventAppender {
    static let rowsPerInsert = 64

    private static let columns = ["id", "occurred_at", "drop_id", "line", "state", "raw_word", "discriminator"]

    private let database: Database
    private let fullInsert: Statement
    private let oneRowInsert: Statement
    /// The drop's events waiting to be written, all of drop `pendingDropID`: only what their rows
    /// keep (a whole event copied here retained every string of its subject and facts once more).
    private var pending: [EventRow] = []
    private var pendingDropID: Int64 = 0
    /// The id of the first pending row; nil until it is read from the table.
    private var firstPendingID: Int64?

    init(_ database: Database) throws {
        self.database = database
        fullInsert = try Self.insert(database, rows: Self.rowsPerInsert)
        oneRowInsert = try Self.insert(database, rows: 1)
        pending.reserveCapacity(Self.rowsPerInsert)
    }

    /// Queues `event` of drop `dropID` for the events table and returns the id it will have.
    func append(_ event: StatusEvent, dropID: Int64) throws -> Int64 {
        if pending.count == Self.rowsPerInsert { try write() }
        let first = try firstPendingID ?? nextID()
        firstPendingID = first
        pendingDropID = dropID
        pending.append(EventRow(event))
        return first + Int64(pending.count - 1)
    }

    /// Writes the drop's pending rows.
    func finishDrop() throws {
        try write()
        firstPendingID = nil
    }

    private func write() throws {
        guard let first = firstPendingID, !pending.isEmpty else { return }
        var values: [SQLValue] = []
        values.reserveCapacity(Self.rowsPerInsert * Self.columns.count)
        if pending.count == Self.rowsPerInsert {
            for (offset, event) in pending.enumerated() { appendValues(of: event, id: first + Int64(offset), to: &values) }
            try fullInsert.run(values)
        } else {
            // A drop's last few rows, one INSERT each: no statement per row count to prepare and keep.
            for (offset, event) in pending.enumerated() {
                values.removeAll(keepingCapacity: true)
                appendValues(of: event, id: first + Int64(offset), to: &values)
                try oneRowInsert.run(values)
            }
        }
        firstPendingID = first + Int64(pending.count)
        pending.removeAll(keepingCapacity: true)
    }

    /// An event's row, in `columns` order, one value at a time (an array literal per row would be
    /// an allocation per event).
    private func appendValues(of event: EventRow, id: Int64, to values: inout [SQLValue]) {
        values.append(.integer(id))
        values.append(.integer(event.occurredAt))
        values.append(.integer(pendingDropID))
        values.append(.int(event.line))
        values.append(.text(event.state.rawValue))
        values.append(.text(event.rawWord))
        values.append(.text(event.discriminator))
    }

    /// Forgets the pending rows: the drop they belong to was rolled back.
    func discard() {
        pending.removeAll(keepingCapacity: true)
        firstPendingID = nil
    }

    private func nextID() throws -> Int64 {
        try database.cached("SELECT coalesce(max(id), 0) + 1 FROM events").first { $0.int(0) } ?? 1
    }

    /// An INSERT of `rows` event rows. OR FAIL, because a multi-row statement that may abort
    /// makes SQLite copy each page it touches to a statement journal first; a row that fails
    /// fails its drop anyway, whose savepoint then rolls back every row of it.
    private static func insert(_ database: Database, rows: Int) throws -> Statement {
        let row = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
        return try database.cached("""
            INSERT OR FAIL INTO events (\(columns.joined(separator: ", "))) VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
            """)
    }
}

/// What the `events` table keeps of an event, besides its id and drop.
private struct EventRow {
    let occurredAt: Int64
    let line: Int
    let state: LifecycleState
    let rawWord: String
    let discriminator: String

    init(_ event: StatusEvent) {
        occurredAt = event.occurredAt
        line = event.line
        state = event.state
        rawWord = event.rawWord
        discriminator = event.discriminator
    }
}
