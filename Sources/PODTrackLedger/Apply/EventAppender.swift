import PODTrackCore

/// Appends a drop's events to the ledger, `EventChunks.eventsPerChunk` to a row of
/// `event_chunks`. Each event gets its id when it is appended (one past the last, counted
/// here), so its subject's history can name it before its chunk is written.
///
/// Events wait here until a chunk is full or the drop ends (`finishDrop`); `discard` forgets
/// them when the drop fails. The next id is read from the table once per drop.
final class EventAppender {
    private let chunks: EventChunks
    /// The drop's events waiting to be written, all of drop `pendingDropID`: only what the
    /// ledger keeps of them (a whole event copied here retained every string of its subject and
    /// facts once more).
    private var pending: [EventRow] = []
    private var pendingDropID: Int64 = 0
    /// The id of the first pending event; nil until it is read from the table.
    private var firstPendingID: Int64?

    init(_ database: Database) {
        chunks = EventChunks(database: database)
        pending.reserveCapacity(EventChunks.eventsPerChunk)
    }

    /// Queues `event` of drop `dropID` and returns the id it will have.
    func append(_ event: StatusEvent, dropID: Int64) throws -> Int64 {
        if pending.count == EventChunks.eventsPerChunk { try write() }
        let first = try firstPendingID ?? chunks.nextID()
        firstPendingID = first
        pendingDropID = dropID
        pending.append(EventRow(event))
        return first + Int64(pending.count - 1)
    }

    /// Writes the drop's pending events.
    func finishDrop() throws {
        try write()
        firstPendingID = nil
    }

    private func write() throws {
        guard let first = firstPendingID, !pending.isEmpty else { return }
        try chunks.insert(pending, firstID: first, dropID: pendingDropID)
        firstPendingID = first + Int64(pending.count)
        pending.removeAll(keepingCapacity: true)
    }

    /// Forgets the pending events: the drop they belong to was rolled back.
    func discard() {
        pending.removeAll(keepingCapacity: true)
        firstPendingID = nil
    }
}
