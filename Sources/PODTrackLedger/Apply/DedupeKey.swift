/// The identity of an event beside its time: a stable 64-bit hash of tenant, source kind, subject,
/// state and discriminator (FNV-1a over the bytes with separators, then a MurmurHash3 finalizer).
///
/// The ledger's unique index is (occurred_at, key): it grows in time order, so inserting a day's
/// events touches few B-tree pages, where a six-text-column index rewrote pages all over the tree.
/// Two different events are merged only if they happened in the same millisecond and their keys
/// collide: for a 64-bit hash, about 1 in 10^19 per such pair.
enum DedupeKey {
    static func of(tenant: String, sourceKind: String, subject: String, state: String, discriminator: String) -> Int64 {
        hash([tenant, sourceKind, subject, state, discriminator])
    }

    /// The key of a subject's history (`events.subject_key`): a small integer index instead of
    /// one over three text columns, looked up with the texts compared too.
    static func subject(tenant: String, kind: String, subject: String) -> Int64 {
        hash([tenant, kind, subject])
    }

    private static func hash(_ parts: [String]) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return Int64(bitPattern: hash)
    }
}
