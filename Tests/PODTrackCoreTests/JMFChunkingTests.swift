import Testing
@testable import PODTrackCore

/// Whatever chunks the bytes arrive in, the reader's output is the same as for the whole file.
@Suite struct JMFChunkingTests {
    static let malformed = "<JMF>\n  <Signal Type=\"Status\">\n    <DeviceInfo>\n  </Signal>\n</JMF>\n"

    @Test(arguments: JMFSamples.all + [malformed, "", "<JDF/>"])
    func inlineDocumentsReadTheSameInEveryChunkSize(_ document: String) {
        expectChunkingInvariance(Array(document.utf8))
    }

    @Test(.enabled(if: JMFCorpus.isAvailable, "the shared corpus is not next to the package"),
          arguments: JMFCorpusTests.files.map(\.path))
    func corpusFilesReadTheSameInEveryChunkSize(_ path: String) {
        expectChunkingInvariance(JMFCorpus.bytes(path))
    }

    private func expectChunkingInvariance(_ bytes: [UInt8]) {
        let whole = JMFRun.reading(bytes)
        for chunkSize in jmfChunkSizes(forByteCount: bytes.count) {
            let chunked = JMFRun.reading(bytes, chunkSize: chunkSize)
            if chunked != whole {
                Issue.record("chunk size \(chunkSize) gave \(chunked), the whole input \(whole)")
                return
            }
        }
    }
}
