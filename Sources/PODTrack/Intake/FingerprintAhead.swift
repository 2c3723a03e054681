import Foundation

/// Hashes the next file of a pass on another thread while the current one is applied, so the
/// applying thread waits for SHA-256 only when it gets ahead of the hashing. A fingerprint taken
/// ahead serves only the same path, and only when it has every prefix asked for then (a drop
/// applied in between can add a resume candidate); otherwise the file is hashed again there and
/// then. Whatever was hashed ahead, the ingestor still checks after reading that the file did not
/// change since the scan.
final class FingerprintAhead {
    private var ahead: (path: String, prefixSizes: Set<Int>, result: Promise)?

    /// Starts hashing the file at `path`, with the prefixes of `prefixSizes`, on another thread.
    func prefetch(path: String, prefixSizes: Set<Int>) {
        finish()
        let promise = Promise()
        let sizes = Array(prefixSizes)
        let thread = Thread { promise.fulfil(Result { try FileChunks.fingerprint(path, prefixSizes: sizes) }) }
        thread.start()
        ahead = (path, prefixSizes, promise)
    }

    /// The fingerprint of the file at `path` with the prefixes of `prefixSizes`: the one taken
    /// ahead when it fits, else one taken now.
    func fingerprint(path: String, prefixSizes: [Int]) throws -> FileFingerprint {
        if let ahead, ahead.path == path {
            self.ahead = nil
            // A read that failed ahead is tried again here, so its error is the one of now.
            if case .success(let taken) = ahead.result.wait(), ahead.prefixSizes.isSuperset(of: prefixSizes) { return taken }
        }
        return try FileChunks.fingerprint(path, prefixSizes: prefixSizes)
    }

    /// Waits for hashing still under way, so that no thread reads a file once the pass is over.
    func finish() {
        _ = ahead?.result.wait()
    }
}

/// The result of a hashing thread, waited for by the applying one.
private final class Promise: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<FileFingerprint, any Error>?

    func fulfil(_ result: Result<FileFingerprint, any Error>) {
        condition.lock()
        defer { condition.unlock() }
        self.result = result
        condition.broadcast()
    }

    func wait() -> Result<FileFingerprint, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return result }
            condition.wait()
        }
    }
}
