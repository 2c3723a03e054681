import Foundation
import Glibc
import PODTrackCore

/// Writes an export file: the header, then the rows' lines (`ExportRowEncoder`), with the file's
/// SHA-256 computed as it goes.
struct ExportWriter {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var hasher = SHA256()

    /// Creates (or truncates) the file at `path` with permission bits `mode`, and writes `header`,
    /// the header's line (`ExportRowEncoder.encode`).
    init(header: [UInt8], path: String, mode: Int) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw FileSystemError.cannotWrite(path, String(cString: strerror(errno))) }
        fchmod(descriptor, mode_t(mode))
        self.path = path
        try append(header)
    }

    /// Appends a row's line, as `ExportRowEncoder.encode` made it.
    mutating func append(_ line: [UInt8]) throws {
        buffer.append(contentsOf: line)
        if buffer.count > 1 << 16 { try flush() }
    }

    /// Writes what is buffered, syncs the file to disk, closes it and returns its SHA-256.
    mutating func close() throws -> String {
        try flush()
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileSystemError.cannotWrite(path, "fsync: \(String(cString: strerror(errno)))") }
        return SHA256.hex(hasher.finalize())
    }

    private mutating func flush() throws {
        hasher.update(buffer)
        var written = 0
        while written < buffer.count {
            let count = buffer[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError.cannotWrite(path, "write: \(String(cString: strerror(errno)))")
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
