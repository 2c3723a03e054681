import Testing
@testable import PODTrackCore

@Suite struct RecordDigestTests {
    /// MurmurHash3 x64 128 as the reference implementation computes it (Python's mmh3.hash128,
    /// unsigned: low 64 bits are h1, high are h2); the seed here is the same 32-bit seed in both halves.
    @Test(arguments: [
        ("", 0, 0x0, 0x0),
        ("a", 0, 0x8555_5565_f659_7889, 0xe6b5_3a48_510e_895a),
        ("hello world", 0, 0x533f_6046_eb7f_610e, 0xab97_467d_60eb_63b1),
        ("The quick brown fox jumps over the lazy dog", 0, 0xe34b_bc7b_bc07_1b6c, 0x7a43_3ca9_c49a_9347),
        ("0123456789abcdef", 0, 0x4be0_6d94_cf4a_d1a7, 0x87c3_5b5c_63a7_08da),
        ("0123456789abcdefg", 42, 0xd714_4105_f707_cb7c, 0x4981_b28d_2f17_a7db),
        ("A-100023;1;MUG-11OZ;2", 7, 0xa54b_1635_2cea_831c, 0x3909_8c9f_4cee_b2b4),
    ] as [(String, UInt64, UInt64, UInt64)])
    func referenceVectors(text: String, seed: UInt64, low: UInt64, high: UInt64) {
        let digest = RecordDigest(of: Array(text.utf8), seed: RecordDigest(low: seed, high: seed))
        #expect(digest == RecordDigest(low: low, high: high))
    }

    @Test func everyLengthUpToThreeBlocksDiffers() {
        let bytes = Array("ORDERS;A-100023;1;MUG-11OZ;2;SHOPIFY-EU;#1023".utf8)
        let digests = (0...bytes.count).map { RecordDigest(of: bytes[..<$0]) }
        #expect(Set(digests).count == digests.count)
    }

    @Test func theSeedChangesTheDigest() {
        let row = Array("A-100023;1".utf8)
        #expect(RecordDigest(of: row, seed: RecordDigest(low: 1, high: 0)) != RecordDigest(of: row))
        #expect(RecordDigest(of: row, seed: RecordDigest(low: 0, high: 1)) != RecordDigest(of: row))
    }

    @Test func memoryFindsWhatItWasGivenAndNothingElse() {
        let digests = (0..<1000).map { RecordDigest(of: Array("row \($0)".utf8)) }
        let memory = RecordMemory(digests.shuffled())
        #expect(digests.allSatisfy(memory.contains))
        #expect(!(1000..<2000).contains { memory.contains(RecordDigest(of: Array("row \($0)".utf8))) })
        #expect(!RecordMemory().contains(digests[0]))
    }

    /// Digests that do not spread evenly (a cluster sharing its high half, squares, both ends of
    /// the range) are found as surely, and their neighbours are not.
    @Test func memoryFindsDigestsThatClusterOrShareTheirHighHalf() {
        let digests = (0..<500).map { RecordDigest(low: UInt64($0), high: 7) }
            + (0..<500).map { RecordDigest(low: 0, high: 1_000 + UInt64($0) * UInt64($0)) }
            + [RecordDigest(low: 0, high: 0), RecordDigest(low: .max, high: .max), RecordDigest(low: 3, high: .max - 1)]
        let memory = RecordMemory(digests.shuffled())
        #expect(digests.filter { !memory.contains($0) } == [])
        let absent = [RecordDigest(low: 500, high: 7), RecordDigest(low: 1, high: 0), RecordDigest(low: 0, high: 1_002),
                      RecordDigest(low: 0, high: 6), RecordDigest(low: .max - 1, high: .max), RecordDigest(low: 0, high: .max / 2)]
        #expect(!absent.contains(where: memory.contains))
    }
}
