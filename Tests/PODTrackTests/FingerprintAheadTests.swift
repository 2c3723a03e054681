import Foundation
import Testing
import PODTrackCore
@testable import PODTrack

/// Hashing the next file ahead gives the same fingerprints as hashing it when it is taken.
@Suite struct FingerprintAheadTests {
    let folder: TemporaryFolder
    let file: URL

    init() throws {
        folder = try TemporaryFolder()
        file = folder.path("QVD_1.csv")
        try Data((0..<(FileChunks.chunkSize + 1000)).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: file)
    }

    @Test func aFingerprintTakenAheadIsTheOneTakenNow() throws {
        let sizes = [10, FileChunks.chunkSize + 1]
        let now = try FileChunks.fingerprint(file.path, prefixSizes: sizes)
        let ahead = FingerprintAhead()
        ahead.prefetch(path: file.path, prefixSizes: Set(sizes))
        let taken = try ahead.fingerprint(path: file.path, prefixSizes: sizes)
        #expect(taken.hex == now.hex && taken.size == now.size && taken.prefixes == now.prefixes)
        #expect(taken.prefixes.count == 2)
    }

    @Test func theFingerprintTakenAheadIsTheOneServed() throws {
        let ahead = FingerprintAhead()
        ahead.prefetch(path: file.path, prefixSizes: [10])
        ahead.finish()
        let before = try FileChunks.fingerprint(file.path, prefixSizes: [10])
        try FileManager.default.removeItem(at: file)
        let taken = try ahead.fingerprint(path: file.path, prefixSizes: [10])
        #expect(taken.hex == before.hex && taken.prefixes == before.prefixes, "hashed ahead, not read again")
        #expect(throws: FileSystemError.self, "served once: the next ask reads the file") {
            try ahead.fingerprint(path: file.path, prefixSizes: [10])
        }
    }

    @Test func aPrefixNotHashedAheadIsHashedWhenAskedFor() throws {
        let ahead = FingerprintAhead()
        ahead.prefetch(path: file.path, prefixSizes: [10])
        let taken = try ahead.fingerprint(path: file.path, prefixSizes: [10, 500])
        #expect(taken.prefixes == (try FileChunks.fingerprint(file.path, prefixSizes: [10, 500])).prefixes)
        #expect(taken.prefixes[500] != nil, "a drop applied after the prefetch is a candidate too")
    }

    @Test func anotherFileIsHashedWhenTakenAndTheAheadOneIsWaitedFor() throws {
        let other = folder.path("QVD_2.csv")
        try Data("TrackingNumber\n1Z1\n".utf8).write(to: other)
        let ahead = FingerprintAhead()
        ahead.prefetch(path: file.path, prefixSizes: [])
        #expect(try ahead.fingerprint(path: other.path, prefixSizes: []).hex == (try FileChunks.fingerprint(other.path)).hex)
        ahead.finish()
        #expect(try ahead.fingerprint(path: file.path, prefixSizes: []).hex == (try FileChunks.fingerprint(file.path)).hex)
    }
}
