extension Array where Element == UInt8 {
    /// Appends the UTF-8 encoding of `scalar`, which the caller guarantees to be a Unicode scalar value.
    mutating func appendUTF8(scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            append(UInt8(truncatingIfNeeded: scalar))
        case 0x80..<0x800:
            append(0xC0 | UInt8(truncatingIfNeeded: scalar >> 6))
            append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        case 0x800..<0x10000:
            append(0xE0 | UInt8(truncatingIfNeeded: scalar >> 12))
            append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        default:
            append(0xF0 | UInt8(truncatingIfNeeded: scalar >> 18))
            append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 12) & 0x3F))
            append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        }
    }
}
