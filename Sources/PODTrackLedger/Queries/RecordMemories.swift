import PODTrackCore

/// Where the memory of each source's last applied drop is kept (`RecordMemory`): one row per
/// tenant and source, its digests a blob of 16 bytes each (low, then high half, little-endian),
/// replaced in the savepoint of the drop that made it, so a drop rolled back leaves the earlier one.
extension Ledger {
    /// The records of the last applied drop of this tenant's source; empty before its first.
    public func recordMemory(tenant: String, source: String) throws -> RecordMemory {
        let blob = try database.cached("SELECT digests FROM record_memories WHERE tenant = ? AND source = ?")
            .first([.text(tenant), .text(source)]) { $0.blob(0) } ?? []
        return RecordMemory(Self.digests(of: blob))
    }

    /// Keeps `memory` as the source's, made by drop `dropID`.
    func remember(_ memory: RecordMemory, of claim: DropClaim, dropID: Int64) throws {
        try database.cached("""
            INSERT INTO record_memories (tenant, source, drop_id, digests) VALUES (?, ?, ?, ?)
            ON CONFLICT (tenant, source) DO UPDATE SET drop_id = excluded.drop_id, digests = excluded.digests
            """).run(.text(claim.tenant), .text(claim.source), .integer(dropID), .blob(Self.blob(of: memory.digests)))
    }

    private static let digestSize = 16

    private static func blob(of digests: [RecordDigest]) -> [UInt8] {
        var blob = [UInt8](repeating: 0, count: digests.count * digestSize)
        blob.withUnsafeMutableBytes { bytes in
            for (index, digest) in digests.enumerated() {
                bytes.storeBytes(of: digest.low.littleEndian, toByteOffset: index * digestSize, as: UInt64.self)
                bytes.storeBytes(of: digest.high.littleEndian, toByteOffset: index * digestSize + 8, as: UInt64.self)
            }
        }
        return blob
    }

    private static func digests(of blob: [UInt8]) -> [RecordDigest] {
        blob.withUnsafeBytes { bytes in
            (0..<bytes.count / digestSize).map { index in
                RecordDigest(low: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * digestSize, as: UInt64.self)),
                             high: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * digestSize + 8, as: UInt64.self)))
            }
        }
    }
}
