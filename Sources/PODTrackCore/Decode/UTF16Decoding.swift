/// UTF-16 (either byte order) to UTF-8, pairing surrogates and rejecting unpaired ones.
enum UTF16Decoding {
    /// Decodes whole code units and surrogate pairs; returns the bytes used (a trailing odd byte or
    /// lone high surrogate is left for the next buffer).
    static func decode(
        _ bytes: UnsafeRawBufferPointer, bigEndian: Bool, offset: Int, into output: inout [UInt8]
    ) throws(DecodeError) -> Int {
        func unit(at index: Int) -> UInt32 {
            let first = UInt32(bytes[index]), second = UInt32(bytes[index + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }
        output.reserveCapacity(output.count + bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let current = unit(at: index)
            switch current {
            case 0xD800...0xDBFF:
                guard index + 3 < bytes.count else { return index }
                let low = unit(at: index + 2)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw DecodeError(byteOffset: offset + index, reason: "unpaired UTF-16 high surrogate")
                }
                output.appendUTF8(scalar: 0x10000 + ((current - 0xD800) << 10) + (low - 0xDC00))
                index += 4
            case 0xDC00...0xDFFF:
                throw DecodeError(byteOffset: offset + index, reason: "unpaired UTF-16 low surrogate")
            default:
                output.appendUTF8(scalar: current)
                index += 2
            }
        }
        return index
    }
}
