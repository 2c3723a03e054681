import PODTrackCore

/// Migration 10: the rows of schema 9's `events` table become `event_chunks`, in id order, a
/// chunk ending where the drop changes, the ids stop being consecutive or it is full; every
/// event keeps its id, which the histories of its line or shipment name. Then `events` goes.
enum EventChunkUpgrade {
    static func run(_ database: Database) throws {
        let chunks = EventChunks(database: database)
        var pending: [EventRow] = []
        var firstID: Int64 = 0
        var dropID: Int64 = 0
        func write() throws {
            try chunks.insert(pending, firstID: firstID, dropID: dropID)
            pending.removeAll(keepingCapacity: true)
        }
        try database.cached("SELECT id, drop_id, occurred_at, line, state, raw_word, discriminator FROM events ORDER BY id")
            .forEachRow { row in
                let (id, drop) = (row.int(0), row.int(1))
                if !pending.isEmpty,
                   drop != dropID || id != firstID + Int64(pending.count) || pending.count == EventChunks.eventsPerChunk {
                    try write()
                }
                if pending.isEmpty { (firstID, dropID) = (id, drop) }
                // A state this podtrack does not know (a ledger edited by hand) reads as the first.
                let state = LifecycleState(rawValue: row.text(4)) ?? HistoryCoding.stateCodes[0]
                pending.append(EventRow(occurredAt: row.int(2), line: Int(row.int(3)), state: state, rawWord: row.text(5),
                                        discriminator: row.text(6)))
            }
        if !pending.isEmpty { try write() }
        try database.execute("DROP TABLE events")
    }
}
