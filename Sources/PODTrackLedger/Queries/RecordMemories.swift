import PODTrackCore

/// Where the memory of each source's last applied drop is kept (`RecordMemory`): rows of
/// `record_memories` per tenant and source, each a chunk of digests, 16 bytes apiece (low, then
/// high half, little-endian). A drop replaces its source's chunks as it goes
/// (`RecordMemoryWriter`), inside its savepoint, so a drop rolled back leaves the earlier ones.
extension Ledger {
    /// The records of the last applied drop of this tenant's source; empty before its first.
    public func recordMemory(tenant: String, source: String) throws -> RecordMemory {
        var digests: [RecordDigest] = []
        try database.cached("SELECT digests FROM record_memories WHERE tenant = ? AND source = ? ORDER BY chunk")
            .forEachRow([.text(tenant), .text(source)]) { row in
                RecordDigestCoding.decode(row.blob(0), into: &digests)
            }
        return RecordMemory(digests)
    }
}

/// How digests are laid out in a `record_memories` blob.
enum RecordDigestCoding {
    static let size = 16

    /// Appends the 16 bytes of `digest` to `blob`.
    static func encode(_ digest: RecordDigest, into blob: inout [UInt8]) {
        withUnsafeBytes(of: digest.low.littleEndian) { blob.append(contentsOf: $0) }
        withUnsafeBytes(of: digest.high.littleEndian) { blob.append(contentsOf: $0) }
    }

    /// The 16 bytes of `digest`, as `encode` lays them out.
    static func bytes(_ digest: RecordDigest) -> [UInt8] {
        var blob: [UInt8] = []
        blob.reserveCapacity(size)
        encode(digest, into: &blob)
        return blob
    }

    /// Appends the digests `blob` holds to `digests`.
    static func decode(_ blob: [UInt8], into digests: inout [RecordDigest]) {
        blob.withUnsafeBytes { bytes in
            for offset in stride(from: 0, to: bytes.count - size + 1, by: size) { digests.append(digest(in: bytes, at: offset)) }
        }
    }

    /// The one digest `blob` holds; nil unless it is `size` bytes.
    static func digest(_ blob: [UInt8]) -> RecordDigest? {
        guard blob.count == size else { return nil }
        return blob.withUnsafeBytes { digest(in: $0, at: 0) }
    }

    private static func digest(in bytes: UnsafeRawBufferPointer, at offset: Int) -> RecordDigest {
        RecordDigest(low: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
                     high: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
    }
}
