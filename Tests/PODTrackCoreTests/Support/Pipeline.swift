import Testing
@testable import PODTrackCore

/// A comparable snapshot of one reader event.
enum ReadEvent: Equatable, CustomStringConvertible {
    case record(line: Int, fields: [String], rawText: String)
    case problem(CSVProblem)
    case comment(line: Int, text: String)

    init(_ event: CSVEvent) {
        switch event {
        case .record(let record): self = .record(line: record.line, fields: record.fields(), rawText: record.rawText)
        case .problem(let problem): self = .problem(problem)
        case .comment(let line, let text): self = .comment(line: line, text: text)
        }
    }

    var description: String {
        switch self {
        case .record(let line, let fields, _): "record@\(line)\(fields)"
        case .problem(let problem): "problem(\(problem))"
        case .comment(let line, let text): "comment@\(line)(\(text))"
        }
    }

    /// The fields of a record event; nil for other events.
    var fields: [String]? {
        if case .record(_, let fields, _) = self { fields } else { nil }
    }
}

/// Runs `bytes` through transcoder and reader, handing the raw bytes over in chunks of
/// `chunkSize` (the whole input at once when nil).
func readCSV(
    _ bytes: [UInt8], encoding: TextEncoding = .utf8, dialect: CSVDialect = CSVDialect(), chunkSize: Int? = nil
) throws -> [ReadEvent] {
    var transcoder = UTF8Transcoder(encoding)
    var reader = CSVReader(dialect: dialect)
    var events: [ReadEvent] = []
    var utf8: [UInt8] = []
    func pass(_ text: [UInt8]) {
        text.withUnsafeBufferPointer { reader.feed($0) { events.append(ReadEvent($0)) } }
    }
    let size = max(chunkSize ?? bytes.count, 1)
    for start in stride(from: 0, to: bytes.count, by: size) {
        utf8.removeAll(keepingCapacity: true)
        try bytes[start..<min(start + size, bytes.count)].withUnsafeBytes { chunk in
            try transcoder.transcode(chunk, into: &utf8)
        }
        pass(utf8)
    }
    utf8.removeAll()
    try transcoder.finish(into: &utf8)
    pass(utf8)
    reader.finish { events.append(ReadEvent($0)) }
    return events
}

/// Reads `text` (UTF-8) in one go.
func readCSV(_ text: String, dialect: CSVDialect = CSVDialect()) throws -> [ReadEvent] {
    try readCSV(Array(text.utf8), dialect: dialect)
}

/// The records' fields of `events`, dropping problems and comments.
func recordFields(_ events: [ReadEvent]) -> [[String]] { events.compactMap(\.fields) }

/// Checks that every chunk size from 1 byte to the input size gives the events of a single pass;
/// returns those events.
@discardableResult
func expectChunkInvariance(
    _ bytes: [UInt8], encoding: TextEncoding = .utf8, dialect: CSVDialect = CSVDialect(),
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> [ReadEvent] {
    let whole = try readCSV(bytes, encoding: encoding, dialect: dialect)
    for chunkSize in stride(from: 1, to: bytes.count, by: 1) {
        let chunked = try readCSV(bytes, encoding: encoding, dialect: dialect, chunkSize: chunkSize)
        guard chunked == whole else {
            Issue.record("chunk size \(chunkSize) gives \(chunked), whole input gives \(whole)", sourceLocation: sourceLocation)
            break
        }
    }
    return whole
}
