/// Strict UTF-8 validation (Unicode Table 3-7): overlongs, surrogates, scalars above U+10FFFF and
/// truncated sequences are errors at the offset of the sequence's first byte.
enum UTF8Validation {
    /// Appends the longest valid prefix of `bytes` to `output` in one copy and returns its length;
    /// the remaining bytes (fewer than four) are a valid but incomplete sequence.
    static func validate(
        _ bytes: UnsafeRawBufferPointer, offset: Int, into output: inout [UInt8]
    ) throws(DecodeError) -> Int {
        let count = bytes.count
        var index = 0
        scanning: while index < count {
            index = skipASCII(bytes, from: index)
            guard index < count else { break }
            let rule = try SequenceRule(lead: bytes[index], offset: offset + index)
            for position in 1...rule.continuationCount {
                guard index + position < count else { break scanning }
                let byte = bytes[index + position]
                if position == 1, !rule.secondByte.contains(byte), isContinuation(byte) {
                    throw DecodeError(byteOffset: offset + index, reason: rule.secondByteViolation)
                }
                guard (position == 1 ? rule.secondByte.contains(byte) : isContinuation(byte)) else {
                    throw DecodeError(
                        byteOffset: offset + index,
                        reason: "truncated UTF-8 sequence: \(bytes[index].hexLiteral) is followed by \(byte.hexLiteral)")
                }
            }
            index += rule.continuationCount + 1
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<index]))
        return index
    }

    /// The index of the first non-ASCII byte at or after `start`, testing eight bytes at a time.
    private static func skipASCII(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index + 8 <= bytes.count,
              bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index += 8
        }
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        return index
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}

/// What a multi-byte lead byte demands of the bytes that follow it.
private struct SequenceRule {
    let continuationCount: Int
    /// The allowed range of the first continuation byte, narrower than 0x80...0xBF for some leads.
    let secondByte: ClosedRange<UInt8>
    /// Why a continuation byte outside `secondByte` is rejected.
    let secondByteViolation: String

    init(lead: UInt8, offset: Int) throws(DecodeError) {
        let anyContinuation: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF:
            self.init(1, anyContinuation, "")
        case 0xE0:
            self.init(2, 0xA0...0xBF, "overlong UTF-8 encoding")
        case 0xE1...0xEC, 0xEE...0xEF:
            self.init(2, anyContinuation, "")
        case 0xED:
            self.init(2, 0x80...0x9F, "UTF-8 encoding of a surrogate (U+D800...U+DFFF)")
        case 0xF0:
            self.init(3, 0x90...0xBF, "overlong UTF-8 encoding")
        case 0xF1...0xF3:
            self.init(3, anyContinuation, "")
        case 0xF4:
            self.init(3, 0x80...0x8F, "UTF-8 sequence above U+10FFFF")
        case 0x80...0xBF:
            throw DecodeError(byteOffset: offset, reason: "unexpected UTF-8 continuation byte \(lead.hexLiteral)")
        case 0xC0, 0xC1:
            throw DecodeError(byteOffset: offset, reason: "overlong UTF-8 encoding (lead byte \(lead.hexLiteral))")
        default:
            throw DecodeError(byteOffset: offset, reason: "byte \(lead.hexLiteral) never occurs in UTF-8")
        }
    }

    private init(_ continuationCount: Int, _ secondByte: ClosedRange<UInt8>, _ violation: String) {
        self.continuationCount = continuationCount
        self.secondByte = secondByte
        self.secondByteViolation = violation
    }
}
