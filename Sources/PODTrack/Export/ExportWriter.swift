import Foundation
import Glibc
import PODTrackCore

/// Writes an export file: the header, then rows, encoded for the format's delimiter, with the
/// file's SHA-256 computed as it goes. CSV cells are quoted RFC 4180-style and, unless turned
/// off, cells a spreadsheet would run as formulas get a leading `'`. TAB files (Amazon) cannot
/// quote, so tabs and line breaks inside a cell become spaces.
struct ExportWriter {
    private let format: any ExportFormat
    private let delimiter: UInt8
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
        self.delimiter = format.delimiter.asciiValue ?? UInt8(ascii: ",")
        self.path = path
        self.neutralizeFormulas = neutralizeFormulas && format.delimiter == ","
        try append(format.header)
    }

    mutating func append(_ cells: [String]) throws {
        for (index, cell) in cells.enumerated() {
            if index > 0 { buffer.append(delimiter) }
            if delimiter == UInt8.tab { appendUnquotable(cell) } else { appendQuoted(neutralizeFormulas ? Self.neutralized(cell) : cell) }
        }
        buffer.append(.lineFeed)
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

    /// A CSV cell: as it is, or in quotes (quotes inside doubled) when it holds the delimiter, a
    /// quote or a line break. The bytes looked for are ASCII, so scanning UTF-8 finds only them.
    private mutating func appendQuoted(_ cell: String) {
        let needsQuotes = cell.utf8.contains { $0 == delimiter || $0 == .doubleQuote || $0 == .lineFeed || $0 == .carriageReturn }
        guard needsQuotes else {
            buffer.append(contentsOf: cell.utf8)
            return
        }
        buffer.append(.doubleQuote)
        for byte in cell.utf8 {
            if byte == .doubleQuote { buffer.append(.doubleQuote) }
            buffer.append(byte)
        }
        buffer.append(.doubleQuote)
    }

    /// A TAB-format cell, which cannot be quoted: a tab or a line break (CR LF counts as one)
    /// becomes a space.
    private mutating func appendUnquotable(_ cell: String) {
        var previous: UInt8 = 0
        for byte in cell.utf8 {
            switch byte {
            case .lineFeed where previous == .carriageReturn: break
            case .tab, .lineFeed, .carriageReturn: buffer.append(.space)
            default: buffer.append(byte)
            }
            previous = byte
        }
    }

    /// `=SUM(A1)` → `'=SUM(A1)`; numbers such as `-5` or `+49` stay as they are.
    static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        if (first == "-" || first == "+"), Double(cell) != nil { return cell }
        return "'" + cell
    }
}
