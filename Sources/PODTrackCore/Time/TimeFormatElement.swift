/// One step of a compiled ``TimeFormat``: what to read at the current byte.
enum TimeFormatElement: Sendable, Equatable {
    /// Exactly this byte.
    case literal(UInt8)
    /// A fixed-width decimal field (`yyyy`, `MM`, `dd`, `HH`, `mm`, `ss`).
    case field(TimeField)
    /// Exactly `digits` fraction-of-second digits (`S`…`SSSSSSSSS`).
    case fraction(digits: Int)
    /// ISO 8601 fraction: optionally `.` or `,` followed by 1–9 digits.
    case optionalFraction
    /// A UTC offset: `Z` or a signed hours-and-minutes offset in the given style.
    case offset(OffsetStyle)
}

/// A fixed-width date or time field of a ``TimeFormat`` pattern.
enum TimeField: Int, Sendable, CaseIterable {
    case year, month, day, hour, minute, second

    /// The pattern letter that spells the field.
    var letter: Character {
        switch self {
        case .year: "y"
        case .month: "M"
        case .day: "d"
        case .hour: "H"
        case .minute: "m"
        case .second: "s"
        }
    }

    /// Number of digits the field always has.
    var width: Int { self == .year ? 4 : 2 }

    /// The pattern token, e.g. `yyyy` or `MM`.
    var token: String { String(repeating: letter, count: width) }

    /// Human name used in parse errors.
    var name: String {
        switch self {
        case .year: "year"
        case .month: "month"
        case .day: "day"
        case .hour: "hour"
        case .minute: "minute"
        case .second: "second"
        }
    }
}

/// How a signed UTC offset is spelt; `Z` is accepted by every style.
enum OffsetStyle: Sendable, Equatable {
    /// `±hh:mm` (pattern `XXX`).
    case colon
    /// `±hhmm` (pattern `XX`).
    case compact
    /// `±hh:mm` or `±hhmm` (the `iso8601` format).
    case colonOrCompact

    /// What the style accepts, for parse errors.
    var expectation: String {
        switch self {
        case .colon: "offset 'Z' or '±hh:mm'"
        case .compact: "offset 'Z' or '±hhmm'"
        case .colonOrCompact: "offset 'Z', '±hh:mm' or '±hhmm'"
        }
    }
}
