import Foundation
import Glibc
import PODTrackCore

/// Writes an export file's text: the header, then rows, quoted as the format's delimiter needs.
/// CSV cells are quoted RFC 4180-style; TAB files (Amazon) cannot quote, so tabs and line breaks
/// inside a cell become spaces.
struct ExportWriter {
    private let format: any ExportFormat
    private let handle: FileHandle
    private var buffer = ""

    init(format: any ExportFormat, path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw IntakeError.cannotRead(path, "cannot create the export file")
        }
        self.format = format
        self.handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        append(format.header)
    }

    mutating func append(_ cells: [String]) {
        buffer += cells.map(encode).joined(separator: String(format.delimiter))
        buffer += "\n"
        if buffer.utf8.count > 1 << 16 { flushBuffer() }
    }

    /// Writes what is buffered, syncs the file to disk and closes it.
    mutating func close() throws {
        flushBuffer()
        try handle.synchronize()
        try handle.close()
    }

    private mutating func flushBuffer() {
        handle.write(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    private func encode(_ cell: String) -> String {
        if format.delimiter == "\t" {
            return String(cell.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        }
        let needsQuotes = cell.contains { $0 == format.delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}
