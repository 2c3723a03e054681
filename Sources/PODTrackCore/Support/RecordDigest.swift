/// A 128-bit digest of a record's bytes (MurmurHash3, x64 128-bit variant): what `RecordMemory`
/// knows a record by. Chained through its seed, so a digest can stand for bytes read in context
/// (a row under its file's header, read by one revision of its source definition).
///
/// Not a cryptographic hash: two different records share a digest with odds of about 2⁻¹²⁸, which
/// is what the memory of re-delivered rows and the ledger's record of rows told (`ExportRow.digest`)
/// rely on; nothing else is trusted to it.
public struct RecordDigest: Sendable, Hashable, Comparable {
    public var low: UInt64
    public var high: UInt64

    public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The digest of `bytes`, seeded with `seed` (zero: MurmurHash3's own with seed 0).
    public init(of bytes: UnsafeRawBufferPointer, seed: RecordDigest = RecordDigest(low: 0, high: 0)) {
        var h1 = seed.low
        var h2 = seed.high
        let blocks = bytes.count / 16
        for block in 0..<blocks {
            let k1 = bytes.loadUnaligned(fromByteOffset: block * 16, as: UInt64.self).littleEndian
            let k2 = bytes.loadUnaligned(fromByteOffset: block * 16 + 8, as: UInt64.self).littleEndian
            h1 ^= Self.mixK1(k1)
            h1 = Self.rotate(h1, 27) &+ h2
            h1 = h1 &* 5 &+ 0x52dc_e729
            h2 ^= Self.mixK2(k2)
            h2 = Self.rotate(h2, 31) &+ h1
            h2 = h2 &* 5 &+ 0x3849_5ab5
        }
        let tail = blocks * 16
        let remaining = bytes.count - tail
        if remaining > 8 {
            var k2: UInt64 = 0
            for index in (8..<remaining).reversed() { k2 = k2 << 8 | UInt64(bytes[tail + index]) }
            h2 ^= Self.mixK2(k2)
        }
        if remaining > 0 {
            var k1: UInt64 = 0
            for index in (0..<min(remaining, 8)).reversed() { k1 = k1 << 8 | UInt64(bytes[tail + index]) }
            h1 ^= Self.mixK1(k1)
        }
        h1 ^= UInt64(bytes.count)
        h2 ^= UInt64(bytes.count)
        h1 = h1 &+ h2
        h2 = h2 &+ h1
        h1 = Self.finalMix(h1)
        h2 = Self.finalMix(h2)
        h1 = h1 &+ h2
        h2 = h2 &+ h1
        self.init(low: h1, high: h2)
    }

    /// The digest of `bytes`, seeded with `seed`.
    public init(of bytes: some Collection<UInt8>, seed: RecordDigest = RecordDigest(low: 0, high: 0)) {
        self = bytes.withContiguousStorageIfAvailable { RecordDigest(of: UnsafeRawBufferPointer($0), seed: seed) }
            ?? Array(bytes).withUnsafeBytes { RecordDigest(of: $0, seed: seed) }
    }

    public static func < (lhs: RecordDigest, rhs: RecordDigest) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    private static let c1: UInt64 = 0x87c3_7b91_1142_53d5
    private static let c2: UInt64 = 0x4cf5_ad43_2745_937f

    private static func mixK1(_ k: UInt64) -> UInt64 { rotate(k &* c1, 31) &* c2 }

    private static func mixK2(_ k: UInt64) -> UInt64 { rotate(k &* c2, 33) &* c1 }

    private static func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { x << r | x >> (64 - r) }

    private static func finalMix(_ k: UInt64) -> UInt64 {
        var k = k
        k ^= k >> 33
        k = k &* 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k = k &* 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}
