import Foundation
import Glibc
import PODTrackCore

/// Reads a file in fixed-size chunks without loading it whole; refuses anything but a regular file.
struct FileChunks {
    static let chunkSize = 1 << 18

    /// Calls `body` with each chunk of the file at `path`, in order, from byte `offset` on and
    /// before byte `end` (the whole file by default).
    static func read(_ path: String, from offset: Int = 0, to end: Int = .max, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError.cannotRead(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw FileSystemError.cannotRead(path, "not a regular file")
        }
        if offset > 0, lseek(descriptor, off_t(offset), SEEK_SET) < 0 {
            throw FileSystemError.cannotRead(path, String(cString: strerror(errno)))
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var position = offset
        while position < end {
            let count = Glibc.read(descriptor, buffer.baseAddress, min(chunkSize, end - position))
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError.cannotRead(path, String(cString: strerror(errno)))
            }
            if count == 0 { return }
            position += count
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The SHA-256 of the file's bytes, in hex, and its size; in one pass also the SHA-256 of the
    /// file's first `prefixSizes[i]` bytes (for prefixes shorter than the file).
    static func fingerprint(_ path: String, prefixSizes: [Int] = []) throws -> FileFingerprint {
        var hasher = SHA256()
        var size = 0
        var pending = Set(prefixSizes).sorted()[...]
        var prefixes: [Int: String] = [:]
        try read(path) { chunk in
            var rest = chunk
            while let boundary = pending.first, boundary <= size + rest.count {
                let head = boundary - size
                hasher.update(UnsafeRawBufferPointer(rebasing: rest[0..<head]))
                size += head
                var snapshot = hasher
                prefixes[boundary] = SHA256.hex(snapshot.finalize())
                rest = UnsafeRawBufferPointer(rebasing: rest[head...])
                pending = pending.dropFirst()
            }
            hasher.update(rest)
            size += rest.count
        }
        return FileFingerprint(hex: SHA256.hex(hasher.finalize()), size: size, prefixes: prefixes)
    }
}

/// A file's SHA-256 in hex, its size, and the SHA-256 of some of its prefixes, by length.
struct FileFingerprint: Sendable {
    var hex: String
    var size: Int
    var prefixes: [Int: String]
}

/// A file-system call that failed, naming the path and what went wrong.
enum FileSystemError: Error, CustomStringConvertible {
    case cannotRead(String, String)
    case cannotWrite(String, String)
    case cannotMove(String, String, String)
    case cannotWatch(String)

    var description: String {
        switch self {
        case .cannotRead(let path, let reason): "\(path) cannot be read: \(reason)"
        case .cannotWrite(let path, let reason): "\(path) cannot be written: \(reason)"
        case .cannotMove(let from, let to, let reason): "\(from) cannot be moved to \(to): \(reason)"
        case .cannotWatch(let reason): "the inbox cannot be watched (inotify): \(reason)"
        }
    }
}
