import PODTrackCore

/// Migration 10: the rows of schema 9's `events` table become `event_chunks`, in id order
/// (`EventChunkWriter`: a chunk ends where the drop changes, the ids stop being consecutive or
/// it is full); every event keeps its id, which the histories of its line or shipment name.
/// Then `events` goes. A state no podtrack knows stops the migration (`unknownState`).
enum EventChunkUpgrade {
    static func run(_ database: Database) throws {
        var writer = EventChunkWriter(EventChunks(database: database))
        try database.cached("SELECT id, drop_id, occurred_at, line, state, raw_word, discriminator FROM events ORDER BY id")
            .forEachRow { row in
                guard let state = LifecycleState(rawValue: row.text(4)) else { throw unknownState(row.text(4), event: row.int(0)) }
                try writer.add(EventRow(occurredAt: row.int(2), line: Int(row.int(3)), state: state, rawWord: row.text(5),
                                        discriminator: row.text(6)),
                               id: row.int(0), dropID: row.int(1))
            }
        try writer.flush()
        try database.execute("DROP TABLE events")
    }

    /// A state no podtrack wrote (the ledger was edited by hand): the chunk has no byte for it,
    /// and the migration stops rather than guess, with nothing of it applied.
    private static func unknownState(_ state: String, event id: Int64) -> SQLiteError {
        SQLiteError(code: 1, message: "ledger upgrade to schema 10: event \(id) has the state '\(state)', which is no lifecycle state; "
                        + "correct it (UPDATE events SET state = … WHERE id = \(id)) and run podtrack again", sql: nil)
    }
}
