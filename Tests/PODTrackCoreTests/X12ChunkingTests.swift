import Testing
@testable import PODTrackCore

/// Chunk boundaries must never change the output: a field, a line break pair or a multi-byte
/// terminator split across two chunks is the classic streaming bug.
@Suite struct X12ChunkingTests {
    @Test(arguments: X12Sample.allCases)
    func everyChunkSizeGivesTheSameOutput(_ sample: X12Sample) {
        Self.expectSameOutputInChunks(sample.bytes, sizes: 1...sample.bytes.count)
    }

    @Test(.enabled(if: X12Corpus.isAvailable, "the shared corpus is not next to the package"),
          arguments: X12CorpusTests.expectations.map(\.path))
    func corpusFileGivesTheSameOutputInChunks(_ path: String) throws {
        let input = try X12Corpus.bytes(path)
        // Every size for the small files; the large ones (6 and 29 KB) get every size up to a few
        // segments long, which already splits every segment and terminator at every offset.
        let sizes = input.count <= 1024 ? Array(1...input.count) : Array(1...256) + [input.count / 2, input.count - 1]
        Self.expectSameOutputInChunks(input, sizes: sizes)
    }

    /// Expects reading `input` in chunks of each of `sizes` to match reading it whole.
    private static func expectSameOutputInChunks(_ input: [UInt8], sizes: some Sequence<Int>) {
        let whole = readX12(input)
        for size in sizes where readX12(input, chunkSize: size) != whole {
            Issue.record("chunks of \(size) bytes read differently from the whole input")
            return
        }
    }
}
