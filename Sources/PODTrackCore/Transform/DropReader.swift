import Foundation

/// Reads one drop, chunk by chunk: decodes, splits into records, maps them, and hands events and
/// rejected rows to a `DropOutput` as it goes. Memory follows the longest record, not the file.
///
/// Given the memory of the source's previous drop, a CSV row or log line that drop held byte for
/// byte is skipped before its fields are read (`RecordMemory`), and the digest of every record
/// that becomes an event goes to the output (`DropOutput.remember`) for the next drop.
public struct DropReader {
    private let source: CompiledSource
    private var transcoder: UTF8Transcoder
    private var decoded: [UInt8] = []
    private var records: RecordSplitter
    /// Line breaks decoded so far, and the last byte: what `counts.lines` and the resume point need.
    private var lineBreaks = 0
    private var lastByte: UInt8?
    /// Added to the line numbers the splitters count, after `resume(afterLines:)`.
    private var lineOffset = 0
    private var finishing = false
    private var problemAtEnd = false
    private var mapper: RecordMapper?
    public private(set) var counts = DropCounts()
    /// The previous drop's records; nil: records are neither skipped nor remembered.
    private let previous: RecordMemory?
    /// What a record's digest is seeded with: the definition's revision, and a CSV file's header.
    private var digestSeed: RecordDigest

    init(source: CompiledSource, previous: RecordMemory?) {
        self.source = source
        self.previous = previous
        self.digestSeed = source.definition.revision
        self.transcoder = UTF8Transcoder(source.definition.encoding)
        switch source.definition.format {
        case .csv:
            records = .csv(CSVReader(dialect: source.csvDialect ?? CSVDialect()), header: nil)
        case .lineLog:
            records = .lines(LineSplitter(), source.lineLogPattern)
        case .structured(let format):
            records = .structured(format.makeReader())
        }
        if let names = source.fixedFieldNames {
            mapper = try? RecordMapper(compiled: source, rawNames: names)  // CompiledSource checked that it resolves
        }
    }

    /// Feeds the next bytes of the file.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, into output: DropOutput) throws {
        decoded.removeAll(keepingCapacity: true)
        do {
            try transcoder.transcode(chunk, into: &decoded)
        } catch {
            throw Self.decodeFailure(error, encoding: source.definition.encoding)
        }
        noteLines()
        try process(into: output, final: false)
    }

    /// Reads a whole file with `read`, the stream reader of a format that pulls its input
    /// (`StructuredFormat.streamReader`); `head` holds the file's first bytes (all of them when `isWhole`).
    public mutating func read(stream: InputStream, head: Data, isWhole: Bool, with read: StructuredFormat.StreamReader,
                              into output: DropOutput) throws -> DropCounts {
        try read(stream, head, isWhole) { item in try self.takeStructured(item, into: output) }
        return counts
    }

    /// Continues a file whose first `lines` lines an earlier drop already read: the bytes fed
    /// next start right after them (for CSV, after feeding the header line again), and records
    /// keep their real line numbers.
    public mutating func resume(afterLines lines: Int) {
        lineOffset = lines - lineBreaks
        lineBreaks = lines
    }

    /// Ends the file: flushes a last record without line end; returns the counts.
    public mutating func finish(into output: DropOutput) throws -> DropCounts {
        decoded.removeAll(keepingCapacity: true)
        do {
            try transcoder.finish(into: &decoded)
        } catch {
            throw Self.decodeFailure(error, encoding: source.definition.encoding)
        }
        noteLines()
        finishing = true
        try process(into: output, final: true)
        if case .csv(_, header: nil) = records, counts.records == 0 {
            throw DropFailure("the file is empty: no header row", hint: "check what wrote it; an export with no rows still has its header")
        }
        counts.lines = lineBreaks + (lastByte == nil || lastByte == .lineFeed ? 0 : 1)
        if case .structured = records {
            counts.endsOnRecordBoundary = false
        } else {
            counts.endsOnRecordBoundary = lastByte == .lineFeed && !problemAtEnd
        }
        return counts
    }

    private mutating func noteLines() {
        guard let last = decoded.last else { return }
        lastByte = last
        lineBreaks += decoded.withUnsafeBufferPointer { $0.count(of: .lineFeed) }
    }

    private static func decodeFailure(_ error: DecodeError, encoding: TextEncoding) -> DropFailure {
        DropFailure("byte offset \(error.byteOffset): \(error.reason) (decoding as \(encoding.rawValue))",
                    hint: "check the file's encoding against the source definition's \"encoding\"")
    }

    private mutating func process(into output: DropOutput, final: Bool) throws {
        var splitter = records
        var text: [UInt8] = []
        swap(&text, &decoded)
        defer {
            records = splitter
            swap(&text, &decoded)
        }
        try text.withUnsafeBufferPointer { bytes in
            switch splitter {
            case .structured(var reader):
                let handle = { (item: StructuredOutput) throws in try self.takeStructured(item, into: output) }
                try reader.feed(bytes, handle)
                if final { try reader.finish(handle) }
                splitter = .structured(reader)
            case .lines(var lines, let pattern):
                let handle = { (line: UnsafeBufferPointer<UInt8>, number: Int) throws in
                    try self.takeLine(line, number: number, pattern: pattern, into: output)
                }
                try lines.feed(bytes, handle)
                if final { try lines.finish(handle) }
                splitter = .lines(lines, pattern)
            case .csv(var reader, var header):
                let handle = { (event: CSVEvent) throws in
                    try self.takeCSV(event, header: &header, into: output)
                }
                try reader.feed(bytes, handle)
                if final { try reader.finish(handle) }
                splitter = .csv(reader, header: header)
            }
        }
    }

    private mutating func takeStructured(_ item: StructuredOutput, into output: DropOutput) throws {
        switch item {
        case .record(let record):
            counts.records += 1
            try map(record.values, line: record.line, rawText: record.rawText, into: output)
        case .problem(let problem):
            counts.records += 1
            try output.reject(RejectedRow(line: problem.line + lineOffset, reason: problem.reason, rawText: problem.rawText))
        case .noise(let count):
            counts.noise += count
        }
    }

    private mutating func takeLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, pattern: FieldPattern?, into output: DropOutput) throws {
        let digest = previous.map { _ in RecordDigest(of: UnsafeRawBufferPointer(line), seed: digestSeed) }
        if let digest, try skipUnchanged(digest, into: output) { return }
        guard let ranges = pattern?.match(line), mapper != nil else {
            counts.noise += 1
            return
        }
        counts.records += 1
        let values = ranges.map { String(decoding: UnsafeBufferPointer(rebasing: line[$0]), as: UTF8.self) }
        try map(values, line: number, rawText: String(decoding: line, as: UTF8.self), digest: digest, into: output)
    }

    private mutating func takeCSV(_ event: CSVEvent, header: inout [String]?, into output: DropOutput) throws {
        switch event {
        case .comment:
            counts.noise += 1
        case .problem(let problem):
            counts.records += 1
            if finishing { problemAtEnd = true }
            try output.reject(RejectedRow(line: problem.line + lineOffset, field: "column \(problem.column)", reason: problem.reason,
                                          rawText: problem.rawText))
        case .record(let record):
            guard let names = header else {
                let names = record.fields().map { $0.trimmingASCIISpaces() }
                header = names
                mapper = try RecordMapper(compiled: source, rawNames: names)
                digestSeed = record.digest(seed: digestSeed)
                return
            }
            guard record.count == names.count else {
                counts.records += 1
                try output.reject(RejectedRow(line: record.line + lineOffset, reason: "the row has \(record.count) fields, the header has \(names.count)",
                                              rawText: record.rawText))
                return
            }
            let digest = previous.map { _ in record.digest(seed: digestSeed) }
            if let digest, try skipUnchanged(digest, into: output) { return }
            counts.records += 1
            try map(record.fields(), line: record.line, rawText: record.rawText, digest: digest, into: output)
        }
    }

    /// Counts and remembers a record the previous drop held; false when it is new.
    private mutating func skipUnchanged(_ digest: RecordDigest, into output: DropOutput) throws -> Bool {
        guard previous?.contains(digest) == true else { return false }
        counts.records += 1
        counts.unchanged += 1
        try output.remember(digest)
        return true
    }

    /// Maps a record's values found at `splitterLine` (as the splitter counts, before any resume
    /// offset) and hands the outcome on; the raw text is made only for a rejected row. A record
    /// that became an event is remembered by its `digest`.
    private mutating func map(_ values: [String], line splitterLine: Int, rawText: @autoclosure () -> String,
                              digest: RecordDigest? = nil, into output: DropOutput) throws {
        let line = splitterLine + lineOffset
        // Through the optional in place: `guard let mapper` copied the mapper, retaining each of
        // its arrays and strings, for every record.
        guard let outcome = mapper?.map(values, line: line) else { return }
        switch outcome {
        case .event(let event):
            try output.accept(event)
            if let digest { try output.remember(digest) }
        case .rejected(let problem): try output.reject(RejectedRow(line: line, field: problem.field, reason: problem.reason, rawText: rawText()))
        case .ignored: counts.ignored += 1
        }
    }
}

/// The record splitter of a drop: lines with a pattern, CSV with its header once read, or a
/// structured format's reader.
private enum RecordSplitter {
    case lines(LineSplitter, FieldPattern?)
    case csv(CSVReader, header: [String]?)
    case structured(any StructuredReader)
}
