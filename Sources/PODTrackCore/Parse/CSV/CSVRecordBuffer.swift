/// The line being read: its raw bytes so far (without the line end) and the fields found in them.
/// Positions are offsets into `bytes`, counted from the start of the record.
struct CSVRecordBuffer: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var spans: [FieldSpan] = []
    private var field = FieldSpan(start: 0, end: 0, hasLiteralMarkers: false)

    /// Appends the next piece of the line's raw text.
    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: piece)
    }

    /// Starts a field whose value begins at `position` (empty until extended).
    mutating func beginField(at position: Int) {
        field = FieldSpan(start: position, end: position, hasLiteralMarkers: false)
    }

    /// Moves the end of the current field's value to `position` (exclusive).
    mutating func extendField(to position: Int) { field.end = position }

    /// Notes that the current field contains doubled quotes or escapes.
    mutating func markLiteralMarkers() { field.hasLiteralMarkers = true }

    /// Adds the current field to the record.
    mutating func closeField() { spans.append(field) }

    /// Forgets the line, keeping the storage for the next one.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
    }

    /// The finished record.
    func record(line: Int, literalMarker: UInt8?) -> CSVRecord {
        CSVRecord(line: line, bytes: bytes, spans: spans, literalMarker: literalMarker)
    }

    /// The raw text of `range` of the line's bytes.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The 1-based column, in Unicode scalars, of `position` within its physical line.
    func column(at position: Int) -> Int {
        let lineStart = bytes[..<position].lastIndex(where: \.isLineBreak).map { $0 + 1 } ?? 0
        return bytes[lineStart..<position].reduce(1) { count, byte in
            byte & 0xC0 == 0x80 ? count : count + 1
        }
    }

    /// Where the physical line containing `position` ends (the index of its CR or LF, or the end).
    func endOfLine(containing position: Int) -> Int {
        bytes[position...].firstIndex(where: \.isLineBreak) ?? bytes.endIndex
    }
}

