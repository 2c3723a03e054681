/// Why a ``TimeFormat`` pattern does not compile. Positions are 1-based character positions in
/// the pattern.
public enum TimeFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A run of letters outside quotes that is no known token (e.g. `yy`, `T`, `a`).
    case unknownToken(String, position: Int)
    /// A quote that opens literal text is never closed.
    case unterminatedQuote(position: Int)
    /// The same field (or a second fraction / offset) appears twice.
    case duplicateField(String, position: Int)
    /// A required field (`yyyy`, `MM` or `dd`) is absent.
    case missingField(String)

    /// A one-line explanation naming the token and where it is.
    public var description: String {
        switch self {
        case .unknownToken(let token, let position):
            "unknown token '\(token)' at position \(position) (known: yyyy MM dd HH mm ss "
                + "S…SSSSSSSSS XX XXX; quote literal letters, e.g. 'T')"
        case .unterminatedQuote(let position):
            "quote at position \(position) is never closed"
        case .duplicateField(let token, let position):
            "token '\(token)' at position \(position) repeats a field already in the pattern"
        case .missingField(let token):
            "pattern has no '\(token)' field"
        }
    }
}

/// Why a timestamp did not match its ``TimeFormat``: what was expected at which byte of the input
/// (0-based), or which field holds an impossible value.
public struct TimeParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of mismatch.
    public enum Reason: Sendable, Equatable {
        /// Something else was expected at ``TimeParseError/byteOffset``; `found` is the byte there,
        /// nil at the end of the input.
        case expected(String, found: UInt8?)
        /// All fields were read but do not form a valid date-time (e.g. month 13, 30 February).
        case invalidDateTime(CivilDateTimeError)
        /// A UTC offset whose hours exceed 18 or whose minutes exceed 59.
        case offsetOutOfRange(hours: Int, minutes: Int)
    }

    /// The kind of mismatch.
    public let reason: Reason
    /// 0-based byte offset in the input where the mismatch was found (the start of the offending
    /// field for out-of-range values).
    public let byteOffset: Int

    /// Creates an error for `reason` at `byteOffset`.
    public init(_ reason: Reason, at byteOffset: Int) {
        self.reason = reason
        self.byteOffset = byteOffset
    }

    /// A one-line explanation, e.g. `expected 2-digit month at byte 3, found 'x'`.
    public var description: String {
        switch reason {
        case .expected(let expectation, let found):
            "expected \(expectation) at byte \(byteOffset), found \(Self.describe(found))"
        case .invalidDateTime(let error):
            "\(error) (field at byte \(byteOffset))"
        case .offsetOutOfRange(let hours, let minutes):
            "offset \(hours) h \(minutes) min at byte \(byteOffset) is out of range (max 18:00, minutes 0–59)"
        }
    }

    private static func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "end of input" }
        if (0x20...0x7E).contains(byte) { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(byte < 0x10 ? "0" : "")\(hex)"
    }
}
