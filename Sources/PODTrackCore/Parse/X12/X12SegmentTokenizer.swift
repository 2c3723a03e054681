/// Splits a stream of UTF-8 chunks into X12 segments, interchange by interchange.
///
/// Each interchange brings its own separators in its ISA; after an IEA only whitespace or another
/// ISA may follow. CR and LF are never data: they are dropped wherever they occur (after a
/// terminator, or inside a segment hard-wrapped at 80 columns) unless one of them is the segment
/// terminator itself. Lines are counted over all input (CR, LF and CRLF each end one line), so a
/// segment's line is its physical line even when the terminator is not a newline. Memory is one
/// segment, whatever the chunk boundaries.
struct X12SegmentTokenizer {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The last segment completed by `nextSegment` or `finish`.
    private(set) var segment = X12Segment()
    /// The separators of the interchange being read; nil between interchanges.
    private(set) var separators: X12Separators?
    /// The ISA being read; nil when not inside an ISA.
    private var header: X12InterchangeHeaderScanner?
    private var segmentInProgress = false
    private var line = 1
    private var afterCarriageReturn = false
    /// How many bytes of a byte order mark the input started with; nil once past the start.
    private var byteOrderMarkMatched: Int? = 0
    /// The line of the last IEA, for error text; nil before the first interchange ends.
    private var lastInterchangeEndLine: Int?

    /// Reads `chunk` from `position` up to the end of the next segment. Returns true with `segment`
    /// set (call again from the advanced position), or false once the chunk is used up.
    /// Throws when the input is not an X12 interchange where an ISA is expected.
    mutating func nextSegment(in chunk: UnsafeBufferPointer<UInt8>, from position: inout Int) throws(DropFailure) -> Bool {
        while position < chunk.count {
            if let separators {
                if readSegment(in: chunk, from: &position, separators) { return true }
            } else {
                let byte = chunk[position]
                position += 1
                countLine(byte)
                if try consumeHeaderByte(byte) { return true }
            }
        }
        return false
    }

    /// Ends the input. Returns true with `segment` set when the last segment lacked its terminator.
    /// Throws when the input held no interchange or ended inside an ISA.
    mutating func finish() throws(DropFailure) -> Bool {
        if let header {
            throw DropFailure("line \(header.line): input ends inside the ISA interchange header",
                              hint: "The file was cut off; ask the sender to re-send it.")
        }
        if separators == nil, lastInterchangeEndLine == nil {
            throw DropFailure("line \(line): expected an ISA interchange header, found the end of the input",
                              hint: "The file is empty or not an X12 interchange.")
        }
        guard segmentInProgress, let separators else { return false }
        return completeSegment(separators)
    }

    /// Reads bytes inside an interchange until a segment ends (true, `segment` set) or the chunk
    /// is used up (false). Runs of data bytes are copied in one go.
    private mutating func readSegment(in chunk: UnsafeBufferPointer<UInt8>, from position: inout Int,
                                      _ separators: X12Separators) -> Bool {
        let terminator = separators.terminator
        let lineBreakTerminator = terminator.count == 1 && terminator[0].isLineBreak ? terminator[0] : nil
        guard let terminatorEnd = terminator.last else { return false }
        while position < chunk.count {
            let runStart = position
            while position < chunk.count, chunk[position] != terminatorEnd, !chunk[position].isLineBreak {
                position += 1
            }
            if position > runStart {
                startSegmentIfNeeded()
                segment.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[runStart..<position]))
                afterCarriageReturn = false
            }
            guard position < chunk.count else { return false }
            let byte = chunk[position]
            position += 1
            countLine(byte)
            if byte.isLineBreak, byte != lineBreakTerminator {
                continue
            }
            startSegmentIfNeeded()
            segment.append(byte)
            if segment.bytes.count >= terminator.count, segment.bytes.suffix(terminator.count).elementsEqual(terminator) {
                segment.removeLast(terminator.count)
                if completeSegment(separators) { return true }
            }
        }
        return false
    }

    /// Starts a segment on the current line unless one is in progress.
    private mutating func startSegmentIfNeeded() {
        guard !segmentInProgress else { return }
        segment.start(line: line)
        segmentInProgress = true
    }

    /// Ends the segment in progress; true unless it was empty (two terminators in a row).
    private mutating func completeSegment(_ separators: X12Separators) -> Bool {
        segmentInProgress = false
        guard !segment.isEmpty else { return false }
        segment.splitElements(at: separators.element)
        if segment.identifier == "IEA" {
            self.separators = nil
            lastInterchangeEndLine = segment.line
        }
        return true
    }

    /// One byte outside an interchange: whitespace (or the byte order mark) before an ISA, or the
    /// ISA itself; true when it completed the ISA, which becomes `segment`.
    private mutating func consumeHeaderByte(_ byte: UInt8) throws(DropFailure) -> Bool {
        if header == nil {
            if skipsBeforeHeader(byte) { return false }
            let expectedWhere = lastInterchangeEndLine.map { "after the IEA on line \($0)" } ?? "at the start of the input"
            header = X12InterchangeHeaderScanner(line: line, expectedWhere: expectedWhere)
        }
        guard let completed = try header?.consume(byte) else { return false }
        header = nil
        segment = completed.isa
        separators = completed.separators
        return true
    }

    /// True for whitespace before an ISA, and for a byte order mark at the very start.
    private mutating func skipsBeforeHeader(_ byte: UInt8) -> Bool {
        if let matched = byteOrderMarkMatched {
            if matched < Self.byteOrderMark.count, byte == Self.byteOrderMark[matched] {
                byteOrderMarkMatched = matched + 1
                return true
            }
            byteOrderMarkMatched = nil
        }
        return byte.isLineBreak || byte.isSpaceOrTab
    }

    /// Advances the line count past `byte`: CR, LF and CRLF each end one line.
    private mutating func countLine(_ byte: UInt8) {
        if byte == UInt8(ascii: "\n") {
            if !afterCarriageReturn { line += 1 }
            afterCarriageReturn = false
        } else {
            afterCarriageReturn = byte == UInt8(ascii: "\r")
            if afterCarriageReturn { line += 1 }
        }
    }
}
