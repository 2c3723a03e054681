import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// How many of the bytes are `byte`, found with `memchr` (vector compares): a line count over
    /// a decoded chunk costs a fraction of a byte-by-byte loop.
    func count(of byte: UInt8) -> Int {
        guard let base = baseAddress else { return 0 }
        let end = base + count
        var matches = 0
        var next = base
        while next < end, let found = memchr(next, Int32(byte), end - next) {
            matches += 1
            next = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return matches
    }
}
