import Foundation
import Glibc
import PODTrackCore

/// Writes an export file: the header, then rows, encoded for the format's delimiter, with the
/// file's SHA-256 computed as it goes. CSV cells are quoted RFC 4180-style and, unless turned
/// off, cells a spreadsheet would run as formulas get a leading `'`. TAB files (Amazon) cannot
/// quote, so tabs and line breaks inside a cell become spaces.
struct ExportWriter {
    private let format: any ExportFormat
    private let neutralizeFormulas: Bool
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var hasher = SHA256()

    /// Creates (or truncates) the file at `path` with permission bits `mode`.
    init(format: any ExportFormat, path: String, mode: Int, neutralizeFormulas: Bool) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw FileSystemError.cannotWrite(path, String(cString: strerror(errno))) }
        fchmod(descriptor, mode_t(mode))
        self.format = format
        self.path = path
        self.neutralizeFormulas = neutralizeFormulas && format.delimiter == ","
        try append(format.header)
    }

    mutating func append(_ cells: [String]) throws {
        buffer += Array(cells.map(encode).joined(separator: String(format.delimiter)).utf8)
        buffer.append(UInt8(ascii: "\n"))
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

    private func encode(_ cell: String) -> String {
        if format.delimiter == "\t" {
            return String(cell.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        }
        let cell = neutralizeFormulas ? Self.neutralized(cell) : cell
        let needsQuotes = cell.contains { $0 == format.delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    /// `=SUM(A1)` → `'=SUM(A1)`; numbers such as `-5` or `+49` stay as they are.
    static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        if (first == "-" || first == "+"), Double(cell) != nil { return cell }
        return "'" + cell
    }
}
