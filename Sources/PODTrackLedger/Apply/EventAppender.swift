import PODTrackCore

/// Appends a drop's events to the ledger, up to `EventChunks.eventsPerChunk` to a row of
/// `event_chunks` (`EventChunkWriter`). Each event gets its id when it is appended (one past
/// the last, counted here), so its subject's history can name it before its chunk is written.
///
/// Events wait until their chunk is full or the drop ends (`finishDrop`); `discard` forgets
/// them when the drop fails. The next id is read from the table once per drop.
final class EventAppender {
    private let chunks: EventChunks
    /// The drop's events waiting to be written: only what the ledger keeps of them (a whole
    /// event copied there retained every string of its subject and facts once more).
    private var writer: EventChunkWriter
    /// The id the next event gets; nil until it is read from the table.
    private var nextID: Int64?

    init(_ database: Database) {
        chunks = EventChunks(database: database)
        writer = EventChunkWriter(chunks)
    }

    /// Queues `event` of drop `dropID` and returns the id it will have.
    func append(_ event: StatusEvent, dropID: Int64) throws -> Int64 {
        let id = try nextID ?? chunks.nextID()
        try writer.add(EventRow(event), id: id, dropID: dropID)
        nextID = id + 1
        return id
    }

    /// Writes the drop's pending events.
    func finishDrop() throws {
        try writer.flush()
        nextID = nil
    }

    /// Forgets the pending events: the drop they belong to was rolled back.
    func discard() {
        writer.discard()
        nextID = nil
    }
}
