import Foundation
import PODTrackCore
import PODTrackLedger

/// Streams a file through a source's reader into any output: the ledger's applier, or `podtrack try`'s printer.
public enum DropFileReader {
    /// Streams the file at `path` through `source`'s reader into `output`; throws `DropFailure`
    /// when the whole file would be quarantined.
    /// With `resume`, the file's first `resume.size` bytes were an earlier drop (same bytes, by
    /// fingerprint): only the rest is read, after the header line for CSV. With `previous`, the
    /// records of the source's previous drop are skipped (`RecordMemory`).
    public static func read(path: String, source: CompiledSource, into output: DropOutput, resume: ResumePoint? = nil,
                            previous: RecordMemory? = nil) throws -> DropCounts {
        var reader = source.makeReader(previous: previous)
        if case .structured(let format) = source.definition.format, let pull = format.streamReader {
            return try readPulled(path: path, with: pull, reader: &reader, into: output)
        }
        if let resume {
            if case .csv = source.definition.format {
                try headerLine(path).withUnsafeBytes { try reader.feed($0, into: output) }
            }
            reader.resume(afterLines: resume.lines)
        }
        try FileChunks.read(path, from: resume?.size ?? 0) { chunk in try reader.feed(chunk, into: output) }
        return try reader.finish(into: output)
    }

    /// A format whose parser pulls its input reads the file as a stream: memory does not follow its size.
    private static func readPulled(path: String, with pull: StructuredFormat.StreamReader, reader: inout DropReader,
                                   into output: DropOutput) throws -> DropCounts {
        var head = Data()
        try FileChunks.read(path, to: headSize) { head.append(contentsOf: $0) }
        guard let stream = InputStream(fileAtPath: path) else { throw FileSystemError.cannotRead(path, "cannot open it as a stream") }
        return try reader.read(stream: stream, head: head, isWhole: head.count < headSize, with: pull, into: output)
    }

    /// How much of a pulled file is read ahead to tell an empty file or a MIME bundle.
    private static let headSize = 1 << 16

    /// Sources whose files may be read on from where an earlier, shorter copy ended: line-based
    /// formats in encodings where a line break is one byte.
    public static func canResume(_ source: CompiledSource) -> Bool {
        let encodings: Set<TextEncoding> = [.utf8, .windows1252, .iso88591]
        switch source.definition.format {
        case .csv, .lineLog: return encodings.contains(source.definition.encoding)
        case .structured: return false
        }
    }

    /// The file's first line with its line break: a CSV file's header, looked for in the first
    /// chunk (one read).
    private static func headerLine(_ path: String) throws -> [UInt8] {
        var header: [UInt8] = []
        try FileChunks.read(path, to: FileChunks.chunkSize) { chunk in
            header.append(contentsOf: chunk.firstIndex(of: .lineFeed).map { chunk[...$0] } ?? chunk[...])
        }
        return header
    }
}
