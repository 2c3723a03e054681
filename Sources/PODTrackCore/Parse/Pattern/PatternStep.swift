/// One step of a compiled ``FieldPattern``.
enum PatternStep: Sendable {
    /// Exactly these bytes (never empty).
    case literal([UInt8])
    /// 1+ bytes, shortest first, up to the next occurrence of `terminator` (consumed with it), or the
    /// rest of the input when `terminator` is nil. `capture` is the index in the capture list.
    case lazy(capture: Int?, terminator: [UInt8]?)
    /// 1+ bytes of `run`, longest first.
    case greedy(capture: Int?, run: ByteClass)
}

/// A class of bytes a greedy field consists of.
enum ByteClass: String, Sendable {
    /// ASCII `0`–`9`.
    case digits
    /// Anything but space and tab.
    case token

    /// Whether `byte` belongs to the class.
    func contains(_ byte: UInt8) -> Bool {
        switch self {
        case .digits: byte &- UInt8(ascii: "0") < 10
        case .token: byte != .space && byte != .tab
        }
    }
}
