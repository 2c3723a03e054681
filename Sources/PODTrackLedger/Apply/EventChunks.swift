/// The `event_chunks` table: the ledger's events, up to `eventsPerChunk` consecutive ones of a
/// drop per row (`EventChunkCoding`). An event's id is its chunk's `first_id` plus its place in
/// the chunk; `events` counts them and `latest_at` is the latest time among them, so reports
/// that look at recent events decode only the chunks that hold some.
struct EventChunks {
    static let eventsPerChunk = 64

    let database: Database

    /// Stores `rows`, the events of drop `dropID` with ids from `firstID` on, the latest of them at `latestAt`
    /// (`EventChunkWriter` gathers them).
    func insert(_ rows: [EventRow], firstID: Int64, dropID: Int64, latestAt: Int64) throws {
        try database.cached("INSERT INTO event_chunks (first_id, drop_id, events, latest_at, body) VALUES (?, ?, ?, ?, ?)")
            .run(.integer(firstID), .integer(dropID), .int(rows.count), .integer(latestAt), .blob(EventChunkCoding.encode(rows)))
    }

    /// The id the next event gets: one past the last one stored.
    func nextID() throws -> Int64 {
        try database.cached("SELECT first_id + events FROM event_chunks ORDER BY first_id DESC LIMIT 1").first { $0.int(0) } ?? 1
    }

    /// A stored chunk: where it starts, its drop, its events.
    struct Chunk {
        let firstID: Int64
        let dropID: Int64
        let rows: [EventRow]

        /// Event `id`, when this chunk holds it.
        func event(_ id: Int64) -> EventRow? {
            let index = id - firstID
            return index >= 0 && index < Int64(rows.count) ? rows[Int(index)] : nil
        }
    }

    /// The chunk that holds event `id`, if any.
    func chunk(holding id: Int64) throws -> Chunk? {
        let found = try database.cached("SELECT first_id, drop_id, body FROM event_chunks WHERE first_id <= ? ORDER BY first_id DESC LIMIT 1")
            .first([.integer(id)]) { Chunk(firstID: $0.int(0), dropID: $0.int(1), rows: EventChunkCoding.decode($0.blob(2))) }
        return found.flatMap { $0.event(id) == nil ? nil : $0 }
    }

    /// Calls `body` with every chunk holding an event at or after `since`, and its drop's tenant.
    func forEachChunk(since: Int64, _ body: (_ tenant: String, Chunk) throws -> Void) throws {
        try database.cached("""
            SELECT d.tenant, c.first_id, c.drop_id, c.body FROM event_chunks c JOIN drops d ON d.id = c.drop_id
            WHERE c.latest_at >= ? ORDER BY c.first_id
            """).forEachRow([.integer(since)]) { row in
            try body(row.text(0), Chunk(firstID: row.int(1), dropID: row.int(2), rows: EventChunkCoding.decode(row.blob(3))))
        }
    }
}
