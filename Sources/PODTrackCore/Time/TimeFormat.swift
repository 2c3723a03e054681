/// A timestamp layout compiled once from a pipeline definition's pattern string, then applied to
/// millions of UTF-8 timestamps without Foundation formatters.
///
/// Pattern syntax:
/// - `yyyy` 4-digit year; `MM` month; `dd` day; `HH` hour (0–23); `mm` minute; `ss` second
///   (all exactly 2 digits). `yyyy`, `MM` and `dd` are required; absent time fields are 0.
/// - `SSS` exactly 3 fraction-of-second digits; a run of 1–9 `S` means that many digits
///   (milliseconds are kept, further digits truncated).
/// - `XXX` offset `Z` or `±hh:mm`; `XX` offset `Z` or `±hhmm` (hours ≤ 18).
/// - Text in single quotes is literal (`'T'`; `''` is one quote). Any other non-letter is literal.
///   A letter outside quotes that is no token above is a compile error.
/// - The name `iso8601` selects `yyyy-MM-ddTHH:mm:ss`, an optional fraction of 1–9 digits after
///   `.` or `,`, and a required offset `Z`, `±hh:mm` or `±hhmm`.
///
/// Parsing must consume the whole input; trailing text is an error.
public struct TimeFormat: Sendable, CustomStringConvertible {
    /// The pattern this format was compiled from.
    public let pattern: String
    private let elements: [TimeFormatElement]

    /// Compiles `pattern`; throws naming the offending token and its position.
    public init(_ pattern: String) throws(TimeFormatError) {
        self.pattern = pattern
        self.elements = try TimeFormatCompiler.compile(pattern)
    }

    /// The pattern string.
    public var description: String { pattern }

    /// Reads the whole of `utf8` as a timestamp in this format.
    public func parse(_ utf8: UnsafeBufferPointer<UInt8>) throws(TimeParseError) -> ParsedTime {
        var scanner = TimestampScanner(utf8)
        var fields = TimeFieldValues()
        var millisecond = 0
        var offsetSeconds: Int?
        for element in elements {
            switch element {
            case .literal(let byte):
                guard scanner.consume(byte) else {
                    throw scanner.failure(expected: "'\(Character(Unicode.Scalar(byte)))'")
                }
            case .field(let field):
                let start = scanner.position
                guard let value = scanner.readNumber(digits: field.width) else {
                    throw scanner.failure(expected: "\(field.width)-digit \(field.name)")
                }
                fields.set(field, value, at: start)
            case .fraction(let digits):
                guard let value = scanner.readFractionMilliseconds(minDigits: digits, maxDigits: digits) else {
                    throw scanner.failure(expected: "\(digits)-digit fraction of second")
                }
                millisecond = value
            case .optionalFraction:
                guard scanner.consume(UInt8(ascii: ".")) || scanner.consume(UInt8(ascii: ",")) else { continue }
                guard let value = scanner.readFractionMilliseconds(minDigits: 1, maxDigits: 9) else {
                    throw scanner.failure(expected: "fraction digit")
                }
                millisecond = value
            case .offset(let style):
                offsetSeconds = try scanner.readOffsetSeconds(style)
            }
        }
        guard scanner.isAtEnd else { throw scanner.failure(expected: "end of timestamp") }
        return ParsedTime(civil: try fields.civilDateTime(millisecond: millisecond), offsetSeconds: offsetSeconds)
    }

    /// Reads `text` as a timestamp in this format.
    public func parse(_ text: String) throws(TimeParseError) -> ParsedTime {
        var text = text
        return try text.withUTF8 { utf8 in Result { () throws(TimeParseError) in try parse(utf8) } }.get()
    }

    /// The instant (epoch milliseconds) of the timestamp in `utf8`: its own offset when it has one,
    /// otherwise its wall time in `zone` (see ``Zone/instant(of:)`` for DST gaps and repeats).
    public func instant(_ utf8: UnsafeBufferPointer<UInt8>, zone: Zone) throws(TimeParseError) -> Int64 {
        try parse(utf8).instant(defaultZone: zone)
    }

    /// The instant (epoch milliseconds) of the timestamp `text`: its own offset, else `zone`.
    public func instant(_ text: String, zone: Zone) throws(TimeParseError) -> Int64 {
        try parse(text).instant(defaultZone: zone)
    }
}

/// A parsed timestamp: its wall-clock reading and the UTC offset it states, if any.
public struct ParsedTime: Sendable, Equatable {
    /// The date and time as written.
    public let civil: CivilDateTime
    /// The offset written in the timestamp (seconds east of UTC), nil when the format has none.
    public let offsetSeconds: Int?

    /// Creates a parsed time from its parts.
    public init(civil: CivilDateTime, offsetSeconds: Int?) {
        self.civil = civil
        self.offsetSeconds = offsetSeconds
    }

    /// The instant (epoch milliseconds): by the written offset when present, else in `zone`.
    public func instant(defaultZone zone: Zone) -> Int64 {
        if let offsetSeconds { return civil.epochMilliseconds(atOffsetSeconds: offsetSeconds) }
        return zone.instant(of: civil)
    }
}
