/// Turns raw bytes in any TextEncoding into validated UTF-8, chunk by chunk.
///
/// Chunks may split the input anywhere: a byte-order mark, a multi-byte sequence, half a UTF-16
/// code unit or a surrogate pair left at the end of a chunk is held back until the next call.
/// Error offsets are counted from the start of the whole input.
public struct UTF8Transcoder: Sendable {
    private enum Phase: Sendable {
        case readingByteOrderMark(ByteOrderMarkRule)
        case decoding(ByteDecoder)
    }

    private var phase: Phase
    /// Undecoded bytes at the end of what was received: a possible byte-order mark or a cut-off sequence.
    private var held: [UInt8] = []
    /// How many bytes have been taken in so far (decoded or held); `held` are the last of them.
    private var received = 0

    /// Creates a transcoder for input in `encoding`.
    public init(_ encoding: TextEncoding) {
        phase = .readingByteOrderMark(ByteOrderMarkRule(for: encoding))
    }

    /// Appends the UTF-8 of `chunk` to `output`. An incomplete multi-byte sequence (or half a UTF-16
    /// unit / surrogate pair) at the end of a chunk is held for the next call.
    public mutating func transcode(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(DecodeError) {
        var used = 0
        if case .readingByteOrderMark(let rule) = phase {
            used = min(chunk.count, max(rule.lookahead - held.count, 0))
            hold(UnsafeRawBufferPointer(rebasing: chunk[0..<used]))
            guard try startDecoding(rule, atEndOfInput: false) else { return }
            try decodeHeld(into: &output)
        }
        guard case .decoding(let decoder) = phase else { return }
        // Complete a held sequence byte by byte; it is at most three bytes long.
        while !held.isEmpty, used < chunk.count {
            hold(UnsafeRawBufferPointer(rebasing: chunk[used...used]))
            used += 1
            try decodeHeld(into: &output)
        }
        let rest = UnsafeRawBufferPointer(rebasing: chunk[used...])
        let decoded = try decoder.decode(rest, offset: received, into: &output)
        received += decoded
        hold(UnsafeRawBufferPointer(rebasing: rest[decoded...]))
    }

    /// Call once at end of input: a held incomplete sequence is an error.
    public mutating func finish(into output: inout [UInt8]) throws(DecodeError) {
        if case .readingByteOrderMark(let rule) = phase {
            guard !held.isEmpty, try startDecoding(rule, atEndOfInput: true) else { return }
            try decodeHeld(into: &output)
        }
        guard case .decoding(let decoder) = phase, !held.isEmpty else { return }
        throw DecodeError(
            byteOffset: received - held.count, reason: decoder.truncationReason(heldByteCount: held.count))
    }

    /// Decodes a whole input at once.
    public static func decodeAll(_ bytes: [UInt8], as encoding: TextEncoding) throws(DecodeError) -> String {
        var transcoder = UTF8Transcoder(encoding)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        try bytes.withUnsafeBufferPointer { (buffer) throws(DecodeError) in
            try transcoder.transcode(UnsafeRawBufferPointer(buffer), into: &output)
        }
        try transcoder.finish(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Once the held lead bytes settle the byte-order question, drops the mark and switches to
    /// decoding; returns false while more bytes are needed.
    private mutating func startDecoding(_ rule: ByteOrderMarkRule, atEndOfInput: Bool) throws(DecodeError) -> Bool {
        guard let start = try rule.resolve(held, atEndOfInput: atEndOfInput) else { return false }
        held.removeFirst(start.markLength)
        phase = .decoding(start.decoder)
        return true
    }

    /// Appends `bytes` to the held bytes.
    private mutating func hold(_ bytes: UnsafeRawBufferPointer) {
        held.append(contentsOf: bytes)
        received += bytes.count
    }

    /// Decodes the complete sequences at the start of `held` and keeps the rest.
    private mutating func decodeHeld(into output: inout [UInt8]) throws(DecodeError) {
        guard case .decoding(let decoder) = phase, !held.isEmpty else { return }
        let offset = received - held.count
        let decoded = try held.withUnsafeBufferPointer { (buffer) throws(DecodeError) in
            try decoder.decode(UnsafeRawBufferPointer(buffer), offset: offset, into: &output)
        }
        held.removeFirst(decoded)
    }
}
