/// A byte that does not decode, with its offset from the start of the input (0-based) — never a silent U+FFFD.
public struct DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Offset of the first byte of the offending sequence, counted from the start of the whole input.
    public let byteOffset: Int
    /// What is wrong with the bytes at `byteOffset`.
    public let reason: String

    /// Creates an error for the sequence starting at `byteOffset`.
    public init(byteOffset: Int, reason: String) {
        self.byteOffset = byteOffset
        self.reason = reason
    }

    /// A one-line message naming the offset and the reason.
    public var description: String { "byte \(byteOffset): \(reason)" }
}

extension UInt8 {
    /// The byte as `0xAB`, for error messages.
    var hexLiteral: String {
        let digits = String(self, radix: 16, uppercase: true)
        return self < 0x10 ? "0x0\(digits)" : "0x\(digits)"
    }
}
