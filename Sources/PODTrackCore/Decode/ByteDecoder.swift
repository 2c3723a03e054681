/// The byte-level rules of one encoding, once any byte-order mark has been dealt with.
///
/// Every rule decodes as many complete sequences as `bytes` holds, appends their UTF-8 to `output`
/// and returns how many bytes it used; the unused tail is the start of a sequence cut off by the
/// end of the buffer. Errors carry absolute offsets: `offset` is the input offset of `bytes[0]`.
enum ByteDecoder: Sendable {
    case utf8
    case utf16(bigEndian: Bool)
    case singleByte(SingleByteCharset)

    /// Decodes the complete sequences at the start of `bytes`; returns the number of bytes used.
    func decode(
        _ bytes: UnsafeRawBufferPointer, offset: Int, into output: inout [UInt8]
    ) throws(DecodeError) -> Int {
        switch self {
        case .utf8:
            return try UTF8Validation.validate(bytes, offset: offset, into: &output)
        case .utf16(let bigEndian):
            return try UTF16Decoding.decode(bytes, bigEndian: bigEndian, offset: offset, into: &output)
        case .singleByte(let charset):
            return try charset.decode(bytes, offset: offset, into: &output)
        }
    }

    /// Why the last `heldByteCount` bytes of the input, an incomplete sequence, cannot be decoded.
    func truncationReason(heldByteCount: Int) -> String {
        switch self {
        case .utf8:
            return "truncated UTF-8 sequence at end of input"
        case .utf16 where heldByteCount % 2 == 1:
            return "odd number of bytes: the last UTF-16 code unit is cut off"
        case .utf16:
            return "high surrogate at end of input without its low surrogate"
        case .singleByte:
            return "incomplete character at end of input"
        }
    }
}
