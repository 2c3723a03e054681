import Foundation
import Glibc
import PODTrackCore

/// Reads a file in fixed-size chunks without loading it whole; refuses anything but a regular file.
struct FileChunks {
    static let chunkSize = 1 << 18

    /// Calls `body` with each chunk of the file at `path`, in order.
    static func read(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw IntakeError.cannotRead(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw IntakeError.cannotRead(path, "not a regular file")
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw IntakeError.cannotRead(path, String(cString: strerror(errno)))
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The SHA-256 of the file's bytes, in hex, and its size.
    static func fingerprint(_ path: String) throws -> (hex: String, size: Int) {
        var hasher = SHA256()
        var size = 0
        try read(path) { chunk in
            hasher.update(chunk)
            size += chunk.count
        }
        return (SHA256.hex(hasher.finalize()), size)
    }
}

/// Why a file could not be taken in.
enum IntakeError: Error, CustomStringConvertible {
    case cannotRead(String, String)
    case cannotMove(String, String, String)

    var description: String {
        switch self {
        case .cannotRead(let path, let reason): "\(path) cannot be read: \(reason)"
        case .cannotMove(let from, let to, let reason): "\(from) cannot be moved to \(to): \(reason)"
        }
    }
}
