import PODTrackCore

/// Writes the digests a drop remembers into `record_memories` while the drop is applied, a chunk
/// at a time, so what it holds is one chunk whatever the drop's size. The source's earlier
/// memory is replaced with the first digest; past `RecordMemory.capacity` digests the rest are
/// not kept (those rows are read in full by the next drop).
final class RecordMemoryWriter {
    static let chunkDigests = 4096

    private let database: Database
    private let claim: DropClaim
    private let dropID: Int64
    private var pending: [UInt8] = []
    private var chunks = 0
    private var kept = 0

    init(database: Database, claim: DropClaim, dropID: Int64) {
        self.database = database
        self.claim = claim
        self.dropID = dropID
    }

    func add(_ digest: RecordDigest) throws {
        guard kept < RecordMemory.capacity else { return }
        if kept == 0 {
            try database.cached("DELETE FROM record_memories WHERE tenant = ? AND source = ?").run(.text(claim.tenant), .text(claim.source))
            pending.reserveCapacity(Self.chunkDigests * RecordDigestCoding.size)
        }
        RecordDigestCoding.encode(digest, into: &pending)
        kept += 1
        if kept % Self.chunkDigests == 0 { try writeChunk() }
    }

    /// Writes the last, partial chunk.
    func finish() throws {
        if !pending.isEmpty { try writeChunk() }
    }

    private func writeChunk() throws {
        try database.cached("INSERT INTO record_memories (tenant, source, chunk, drop_id, digests) VALUES (?, ?, ?, ?, ?)")
            .run(.text(claim.tenant), .text(claim.source), .int(chunks), .integer(dropID), .blob(pending))
        chunks += 1
        pending.removeAll(keepingCapacity: true)
    }
}
