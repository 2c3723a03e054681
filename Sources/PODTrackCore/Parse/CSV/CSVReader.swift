/// Streaming RFC 4180 reader: memory bounded by the longest record, not the file.
///
/// Feed validated UTF-8 in chunks of any size, then call `finish` once. Events arrive in input order.
///
/// Decisions beyond RFC 4180:
/// - Line ends are LF, CRLF or a bare CR, mixed freely. `\r\r\n` (seen in bank exports) is a CR
///   followed by a CRLF, i.e. two line ends around an empty line, which `skipEmptyLines` drops.
/// - Line breaks inside quotes are kept exactly as written and still count as physical lines.
/// - A quote inside an unquoted field (`ab"c`) is an ordinary character, as real exports need.
/// - Spaces between a closing quote and the delimiter or line end are ignored; any other text
///   there (`"ab"c`) makes the record a `.problem`, and reading resumes on the next line.
/// - A quote still open at end of input is a `.problem` located where it opened; reading resumes
///   on the line after that one. (Until then the open field is one record, so memory grows with it.)
/// - Row lengths are not checked: records have as many fields as were written.
public struct CSVReader: Sendable {
    enum State: Sendable {
        case lineStart, fieldStart, unquoted, quoted, escapeInQuoted, quoteInQuoted, afterClosingQuote
        case comment, discardingLine
    }

    /// A malformation found in the current line, reported once the line is complete.
    struct PendingProblem: Sendable {
        let line: Int
        let position: Int
        let reason: String
    }

    let dialect: CSVDialect
    /// Whether `""` inside quotes is a literal quote (no separate escape byte).
    let doublesQuotes: Bool
    var state = State.lineStart
    var buffer = CSVRecordBuffer()
    /// Physical line of the byte being read.
    var line = 1
    /// Physical line where the current record or comment started.
    var recordLine = 1
    /// Where the current quoted field's opening quote stands.
    var quoteOpening = (line: 1, position: 0)
    var problem: PendingProblem?
    /// The last byte of the previous chunk, so that an LF can tell it completes a CRLF.
    var byteBeforeChunk: UInt8 = 0

    /// Creates a reader for text written in `dialect`.
    public init(dialect: CSVDialect) {
        self.dialect = dialect
        doublesQuotes = dialect.escape == nil || dialect.escape == dialect.quote
    }

    /// Reads the next chunk of UTF-8, emitting every record, problem and comment it completes.
    /// Chunks may end anywhere, even inside a field, a `""` or a CRLF. `emit` may throw; its error
    /// ends the call (and `finish` need not be called).
    public mutating func feed<E: Error>(
        _ utf8: UnsafeBufferPointer<UInt8>, _ emit: (CSVEvent) throws(E) -> Void
    ) throws(E) {
        var scan = ChunkScan(bytes: utf8, byteBeforeChunk: byteBeforeChunk)
        while scan.index < utf8.count {
            let byte = utf8[scan.index]
            switch state {
            case .lineStart: try beginLine(byte, &scan, emit)
            case .fieldStart: beginField(byte, &scan)
            case .unquoted: try scanUnquoted(&scan, emit)
            case .quoted: scanQuoted(&scan)
            case .escapeInQuoted:
                countLineBreak(byte, scan)
                state = .quoted
                scan.index += 1
            case .quoteInQuoted: resolveQuoteInQuoted(byte, &scan)
            case .afterClosingQuote: try scanAfterClosingQuote(byte, &scan, emit)
            case .comment, .discardingLine: try skipToLineEnd(&scan, emit)
            }
        }
        if state != .lineStart { flush(&scan) }
        if let last = utf8.last { byteBeforeChunk = last }
    }

    /// Call once at end of input: emits the final record even without a line end, and reports a
    /// quote that was never closed.
    public mutating func finish<E: Error>(_ emit: (CSVEvent) throws(E) -> Void) throws(E) {
        switch state {
        case .quoted, .escapeInQuoted:
            try reportUnterminatedQuote(emit)
        case .quoteInQuoted:
            buffer.extendField(to: buffer.bytes.count - 1)
            state = .afterClosingQuote
            try emitLine(emit)
        default:
            try emitLine(emit)
        }
    }

    // MARK: - Lines

    /// At the first byte of a physical line: skips the LF of a CRLF and empty lines, or starts a
    /// comment or a record.
    private mutating func beginLine<E: Error>(
        _ byte: UInt8, _ scan: inout ChunkScan, _ emit: (CSVEvent) throws(E) -> Void
    ) throws(E) {
        let completesCRLF = byte == .lineFeed && scan.previousByte == .carriageReturn
        if completesCRLF || (byte.isLineBreak && dialect.skipEmptyLines) {
            if !completesCRLF { line += 1 }
            scan.index += 1
            scan.segmentStart = scan.index
            return
        }
        recordLine = line
        if byte == dialect.commentPrefix {
            state = .comment
            scan.index += 1
            scan.segmentStart = scan.index
        } else {
            buffer.beginField(at: 0)
            state = .fieldStart
        }
    }

    /// At a CR or LF outside quotes: completes the line, emits what it held and moves past the break.
    mutating func endLine<E: Error>(_ scan: inout ChunkScan, _ emit: (CSVEvent) throws(E) -> Void) throws(E) {
        flush(&scan)
        try emitLine(emit)
        line += 1
        scan.index += 1
        scan.segmentStart = scan.index
    }

    /// Emits the event for the line in the buffer (which must hold all of it) and resets for the next.
    private mutating func emitLine<E: Error>(_ emit: (CSVEvent) throws(E) -> Void) throws(E) {
        let event: CSVEvent?
        switch state {
        case .fieldStart, .unquoted, .afterClosingQuote:
            closeField(at: buffer.bytes.count)
            event = .record(buffer.record(line: recordLine, literalMarker: dialect.literalMarker))
        case .comment:
            event = .comment(line: recordLine, text: buffer.text(0..<buffer.bytes.count))
        case .discardingLine:
            event = problem.map { .problem(makeProblem($0, rawTextEnd: buffer.bytes.count)) }
        case .lineStart, .quoted, .escapeInQuoted, .quoteInQuoted:
            event = nil
        }
        buffer.reset()
        problem = nil
        state = .lineStart
        if let event { try emit(event) }
    }

    /// Reports the record whose quote never closed, then rereads everything after the line where
    /// the quote opened.
    private mutating func reportUnterminatedQuote<E: Error>(_ emit: (CSVEvent) throws(E) -> Void) throws(E) {
        let opening = quoteOpening
        let lineEnd = buffer.endOfLine(containing: opening.position)
        let unterminated = PendingProblem(
            line: opening.line, position: opening.position, reason: "quoted field is never closed")
        let reported = makeProblem(unterminated, rawTextEnd: lineEnd)
        let reread = Array(buffer.bytes[min(lineEnd + 1, buffer.bytes.count)...])
        byteBeforeChunk = lineEnd < buffer.bytes.count ? buffer.bytes[lineEnd] : 0
        buffer.reset()
        state = .lineStart
        line = opening.line + 1
        try emit(.problem(reported))
        try reread.withUnsafeBufferPointer { (bytes) throws(E) in try feed(bytes, emit) }
        try finish(emit)
    }

    private func makeProblem(_ pending: PendingProblem, rawTextEnd: Int) -> CSVProblem {
        CSVProblem(
            line: pending.line, column: buffer.column(at: pending.position),
            reason: pending.reason, rawText: buffer.text(0..<rawTextEnd))
    }

    /// Counts a CR, or an LF that does not complete a CRLF, as the start of a new physical line.
    mutating func countLineBreak(_ byte: UInt8, _ scan: ChunkScan) {
        if byte == .carriageReturn
            || (byte == .lineFeed && scan.previousByte != .carriageReturn) {
            line += 1
        }
    }

    /// Copies the chunk's bytes up to the scan position into the line buffer.
    mutating func flush(_ scan: inout ChunkScan) {
        buffer.append(UnsafeBufferPointer(rebasing: scan.bytes[scan.segmentStart..<scan.index]))
        scan.segmentStart = scan.index
    }

    /// The position in the line buffer of the byte at the scan position.
    func position(_ scan: ChunkScan) -> Int {
        buffer.bytes.count + scan.index - scan.segmentStart
    }
}

/// A pass over one chunk: the byte being read and the first byte not yet copied into the line buffer.
struct ChunkScan {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The last byte of the previous chunk (0 at the start of input).
    let byteBeforeChunk: UInt8
    var index = 0
    var segmentStart = 0

    init(bytes: UnsafeBufferPointer<UInt8>, byteBeforeChunk: UInt8) {
        self.bytes = bytes
        self.byteBeforeChunk = byteBeforeChunk
    }

    /// The byte before the scan position, which may be the last byte of the previous chunk.
    var previousByte: UInt8 { index > 0 ? bytes[index - 1] : byteBeforeChunk }
}
