/// The states of the reader inside a record: field starts, unquoted and quoted values, and what
/// may follow a closing quote.
extension CSVReader {
    /// At the start of a field: skips leading spaces when trimming, opens a quoted field, or hands
    /// the byte to the unquoted scan.
    mutating func beginField(_ byte: UInt8, _ scan: inout ChunkScan) {
        if dialect.trimSpaces, byte == .space {
            scan.index += 1
            buffer.beginField(at: position(scan))
        } else if byte == dialect.quote {
            quoteOpening = (line, position(scan))
            scan.index += 1
            buffer.beginField(at: position(scan))
            state = .quoted
        } else {
            state = .unquoted
        }
    }

    /// Reads an unquoted value up to a delimiter or line end; quotes in it are ordinary characters.
    mutating func scanUnquoted<E: Error>(
        _ scan: inout ChunkScan, _ emit: (CSVEvent) throws(E) -> Void
    ) throws(E) {
        let delimiter = dialect.delimiter, trims = dialect.trimSpaces
        while scan.index < scan.bytes.count {
            let byte = scan.bytes[scan.index]
            if byte == delimiter { return endFieldAtDelimiter(&scan) }
            if byte.isLineBreak { return try endLine(&scan, emit) }
            if trims, byte != .space { buffer.extendField(to: position(scan) + 1) }
            scan.index += 1
        }
    }

    /// Reads quoted content up to the next quote or escape, counting the line breaks in it.
    mutating func scanQuoted(_ scan: inout ChunkScan) {
        let quote = dialect.quote, escape = dialect.escape
        while scan.index < scan.bytes.count {
            let byte = scan.bytes[scan.index]
            if byte == quote || byte == escape {
                if byte != quote { buffer.markLiteralMarkers() }
                state = byte == quote ? .quoteInQuoted : .escapeInQuoted
                scan.index += 1
                return
            }
            if byte.isLineBreak { countLineBreak(byte, scan) }
            scan.index += 1
        }
    }

    /// After a quote inside a quoted field: a second quote is a literal one (when quotes are
    /// doubled); anything else means the first quote closed the field.
    mutating func resolveQuoteInQuoted(_ byte: UInt8, _ scan: inout ChunkScan) {
        if doublesQuotes, byte == dialect.quote {
            buffer.markLiteralMarkers()
            state = .quoted
            scan.index += 1
        } else {
            buffer.extendField(to: position(scan) - 1)
            state = .afterClosingQuote
        }
    }

    /// After a closing quote only spaces may come before the delimiter or line end; other text
    /// turns the line into a problem.
    mutating func scanAfterClosingQuote<E: Error>(
        _ byte: UInt8, _ scan: inout ChunkScan, _ emit: (CSVEvent) throws(E) -> Void
    ) throws(E) {
        if byte == dialect.delimiter {
            endFieldAtDelimiter(&scan)
        } else if byte.isLineBreak {
            try endLine(&scan, emit)
        } else if byte == .space {
            scan.index += 1
        } else {
            problem = PendingProblem(
                line: line, position: position(scan), reason: "unexpected text after the closing quote")
            state = .discardingLine
            scan.index += 1
        }
    }

    /// Passes over a comment or a rejected line up to its line end.
    mutating func skipToLineEnd<E: Error>(
        _ scan: inout ChunkScan, _ emit: (CSVEvent) throws(E) -> Void
    ) throws(E) {
        while scan.index < scan.bytes.count {
            if scan.bytes[scan.index].isLineBreak { return try endLine(&scan, emit) }
            scan.index += 1
        }
    }

    /// Ends the current field at the delimiter under the scan position and starts the next one.
    private mutating func endFieldAtDelimiter(_ scan: inout ChunkScan) {
        closeField(at: position(scan))
        scan.index += 1
        buffer.beginField(at: position(scan))
        state = .fieldStart
    }

    /// Adds the current field, whose raw text ends at `end`, to the record.
    mutating func closeField(at end: Int) {
        if state == .unquoted, !dialect.trimSpaces { buffer.extendField(to: end) }
        buffer.closeField()
    }
}
