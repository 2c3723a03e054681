/// A one-byte-per-character encoding that agrees with ISO-8859-1 except, possibly, in 0x80...0x9F.
struct SingleByteCharset: Sendable {
    /// Code points for bytes 0x80...0x9F (0 marks an undefined byte); nil means identity (Latin-1).
    private let upperControlRange: [UInt16]?

    /// ISO-8859-1: byte value = code point.
    static let latin1 = SingleByteCharset(upperControlRange: nil)

    /// Windows-1252: typographic characters in 0x80...0x9F, five of which are undefined.
    static let windows1252 = SingleByteCharset(upperControlRange: [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ])

    /// Decodes every byte (runs of ASCII are copied in bulk); returns `bytes.count`.
    func decode(
        _ bytes: UnsafeRawBufferPointer, offset: Int, into output: inout [UInt8]
    ) throws(DecodeError) -> Int {
        output.reserveCapacity(output.count + bytes.count)
        var runStart = 0
        for index in bytes.indices where bytes[index] >= 0x80 {
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
            output.appendUTF8(scalar: try codePoint(of: bytes[index], offset: offset + index))
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart...]))
        return bytes.count
    }

    private func codePoint(of byte: UInt8, offset: Int) throws(DecodeError) -> UInt32 {
        guard let table = upperControlRange, (0x80...0x9F).contains(byte) else { return UInt32(byte) }
        let mapped = table[Int(byte - 0x80)]
        guard mapped != 0 else {
            throw DecodeError(byteOffset: offset, reason: "byte \(byte.hexLiteral) is undefined in Windows-1252")
        }
        return UInt32(mapped)
    }
}
