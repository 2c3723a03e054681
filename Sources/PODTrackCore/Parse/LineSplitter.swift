import Foundation

/// Splits a stream of UTF-8 chunks into lines, without copying lines that lie within one chunk.
///
/// Lines end at LF; a CR right before the LF is not part of the line (CRLF). A final line without
/// LF is emitted by ``finish(_:)`` (a CR at its end is dropped too). Empty lines are emitted; input
/// ending in LF has no extra empty line. Numbers are 1-based. A line split across chunks is
/// gathered in an internal buffer, so memory is bounded by the longest line.
public struct LineSplitter: Sendable {
    /// Receives one line (valid only during the call, without its line end) and its 1-based number.
    public typealias LineHandler = (_ line: UnsafeBufferPointer<UInt8>, _ number: Int) throws -> Void

    private var partialLine: [UInt8] = []
    private var linesEmitted = 0

    /// A splitter at the start of a stream.
    public init() {}

    /// Emits every line completed by `chunk`, in order, with its 1-based number.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: LineHandler) rethrows {
        guard let base = chunk.baseAddress else { return }
        var lineStart = 0
        while lineStart < chunk.count,
              let found = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), chunk.count - lineStart) {
            let lineFeed = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            let tail = UnsafeBufferPointer(rebasing: chunk[lineStart..<lineFeed])
            if partialLine.isEmpty {
                try emitLine(tail, emit)
            } else {
                partialLine.append(contentsOf: tail)
                try emitPartialLine(emit)
            }
            lineStart = lineFeed + 1
        }
        partialLine.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[lineStart...]))
    }

    /// Emits every line completed by the byte array `chunk` (see the buffer overload).
    public mutating func feed(_ chunk: [UInt8], _ emit: LineHandler) rethrows {
        try chunk.withUnsafeBufferPointer { buffer in try feed(buffer, emit) }
    }

    /// Emits the final line if the stream did not end with LF. The splitter then starts over
    /// with an empty buffer but keeps counting line numbers.
    public mutating func finish(_ emit: LineHandler) rethrows {
        guard !partialLine.isEmpty else { return }
        try emitPartialLine(emit)
    }

    private mutating func emitPartialLine(_ emit: LineHandler) rethrows {
        defer { partialLine.removeAll(keepingCapacity: true) }
        linesEmitted += 1
        let number = linesEmitted
        try partialLine.withUnsafeBufferPointer { line in try Self.emit(line, number: number, emit) }
    }

    private mutating func emitLine(_ line: UnsafeBufferPointer<UInt8>, _ emit: LineHandler) rethrows {
        linesEmitted += 1
        try Self.emit(line, number: linesEmitted, emit)
    }

    /// Passes `line` without a trailing CR to `emit`.
    private static func emit(_ line: UnsafeBufferPointer<UInt8>, number: Int, _ emit: LineHandler) rethrows {
        let length = line.last == UInt8(ascii: "\r") ? line.count - 1 : line.count
        try emit(UnsafeBufferPointer(rebasing: line[..<length]), number)
    }
}
