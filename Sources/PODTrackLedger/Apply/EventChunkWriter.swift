/// Gathers events into `event_chunks` rows: a chunk holds consecutive ids of one drop, at most
/// `EventChunks.eventsPerChunk`, and is written when the next event cannot join it or on
/// `flush`. The applier's `EventAppender` feeds it a drop's new events, migration 10
/// (`EventChunkUpgrade`) an older ledger's event rows under their own ids.
struct EventChunkWriter {
    private let chunks: EventChunks
    private var pending: [EventRow] = []
    private var firstID: Int64 = 0
    private var dropID: Int64 = 0
    /// The latest time among the pending events (the chunk's `latest_at`).
    private var latest = Int64.min

    init(_ chunks: EventChunks) {
        self.chunks = chunks
        pending.reserveCapacity(EventChunks.eventsPerChunk)
    }

    /// Adds `row`, event `id` of drop `dropID`, writing the pending chunk first when `row` cannot join it.
    mutating func add(_ row: EventRow, id: Int64, dropID: Int64) throws {
        if !pending.isEmpty,
           dropID != self.dropID || id != firstID + Int64(pending.count) || pending.count == EventChunks.eventsPerChunk {
            try flush()
        }
        if pending.isEmpty { (firstID, self.dropID) = (id, dropID) }
        pending.append(row)
        latest = max(latest, row.occurredAt)
    }

    /// Writes the pending chunk, if any.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        try chunks.insert(pending, firstID: firstID, dropID: dropID, latestAt: latest)
        discard()
    }

    /// Forgets the pending events: the drop they belong to was rolled back.
    mutating func discard() {
        pending.removeAll(keepingCapacity: true)
        latest = .min
    }
}
