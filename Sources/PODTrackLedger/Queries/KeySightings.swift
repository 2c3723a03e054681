/// Which keys were seen, as a Bloom filter of a fixed 128 KiB: a key seen before is always
/// reported so; a new one is, rarely, too (under 2% after 100 000 keys, more past that). Memory
/// stays the same however many keys pass.
struct KeySightings {
    private static let bitCount = 1 << 20
    private static let probes = 3
    private var words = [UInt64](repeating: 0, count: bitCount / 64)

    /// Records `key` and returns true when it was certainly not seen before.
    mutating func firstSighting(of key: String) -> Bool {
        var hasher = Hasher()
        hasher.combine(key)
        let hash = UInt64(bitPattern: Int64(hasher.finalize()))
        let (first, step) = (hash & 0xFFFF_FFFF, (hash >> 32) | 1)
        var isNew = false
        for probe in 0..<UInt64(Self.probes) {
            let bit = Int((first &+ probe &* step) % UInt64(Self.bitCount))
            let mask: UInt64 = 1 << (bit % 64)
            if words[bit / 64] & mask == 0 {
                isNew = true
                words[bit / 64] |= mask
            }
        }
        return isNew
    }
}
