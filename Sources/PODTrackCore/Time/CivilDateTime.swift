/// A validated wall-clock date and time in the proleptic Gregorian calendar, at millisecond
/// precision and without a zone. Pair it with an offset (``epochMilliseconds(atOffsetSeconds:)``)
/// or a ``Zone`` (``Zone/instant(of:)``) to get an instant in Int64 epoch milliseconds.
///
/// Valid ranges: year 0–9999, month 1–12, day 1–(days in that month, leap years included),
/// hour 0–23, minute 0–59, second 0–59 (a leap second 60 is rejected), millisecond 0–999.
public struct CivilDateTime: Sendable, Hashable, CustomStringConvertible {
    /// Calendar year, 0–9999.
    public let year: Int
    /// Month of the year, 1–12.
    public let month: Int
    /// Day of the month, 1–31 depending on month and year.
    public let day: Int
    /// Hour of the day, 0–23.
    public let hour: Int
    /// Minute of the hour, 0–59.
    public let minute: Int
    /// Second of the minute, 0–59.
    public let second: Int
    /// Millisecond of the second, 0–999.
    public let millisecond: Int

    /// Creates a validated civil date-time; throws naming the first field out of range.
    public init(
        year: Int, month: Int, day: Int,
        hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0
    ) throws(CivilDateTimeError) {
        guard (0...9999).contains(year) else { throw .yearOutOfRange(year) }
        guard (1...12).contains(month) else { throw .monthOutOfRange(month) }
        let monthLength = CivilCalendar.daysInMonth(month, year: year)
        guard (1...monthLength).contains(day) else {
            throw .dayOutOfRange(day: day, month: month, year: year)
        }
        guard (0...23).contains(hour) else { throw .hourOutOfRange(hour) }
        guard (0...59).contains(minute) else { throw .minuteOutOfRange(minute) }
        guard (0...59).contains(second) else { throw .secondOutOfRange(second) }
        guard (0...999).contains(millisecond) else { throw .millisecondOutOfRange(millisecond) }
        self.init(uncheckedYear: year, month: month, day: day,
                  hour: hour, minute: minute, second: second, millisecond: millisecond)
    }

    /// The wall-clock reading at `epochMilliseconds` in a place whose UTC offset is `offsetSeconds`
    /// (the inverse of ``epochMilliseconds(atOffsetSeconds:)``). Instants whose local year falls
    /// outside 0–9999 yield an unvalidated year.
    public init(epochMilliseconds: Int64, offsetSeconds: Int) {
        let local = epochMilliseconds + Int64(offsetSeconds) * 1000
        let (days, millisOfDay) = CivilCalendar.floorDivide(local, by: CivilCalendar.millisecondsPerDay)
        let date = CivilCalendar.civilFromDays(Int(days))
        let millis = Int(millisOfDay)
        self.init(uncheckedYear: date.year, month: date.month, day: date.day,
                  hour: millis / 3_600_000, minute: millis / 60_000 % 60,
                  second: millis / 1000 % 60, millisecond: millis % 1000)
    }

    private init(
        uncheckedYear year: Int, month: Int, day: Int,
        hour: Int, minute: Int, second: Int, millisecond: Int
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
    }

    /// The instant (epoch milliseconds) at which a clock running at UTC offset `offsetSeconds`
    /// shows this date-time.
    public func epochMilliseconds(atOffsetSeconds offsetSeconds: Int) -> Int64 {
        let days = Int64(CivilCalendar.daysFromCivil(year: year, month: month, day: day))
        let secondsOfDay = Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return days * CivilCalendar.millisecondsPerDay + secondsOfDay * 1000 + Int64(millisecond)
    }

    /// ISO 8601 rendering without offset, e.g. `2026-10-25T02:30:00.000`.
    public var description: String {
        "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))T"
            + "\(hour.zeroPadded(2)):\(minute.zeroPadded(2)):\(second.zeroPadded(2)).\(millisecond.zeroPadded(3))"
    }
}

/// Why a ``CivilDateTime`` could not be created: the first field found out of range.
public enum CivilDateTimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Year outside 0–9999.
    case yearOutOfRange(Int)
    /// Month outside 1–12.
    case monthOutOfRange(Int)
    /// Day outside 1 to the length of the given month in the given year.
    case dayOutOfRange(day: Int, month: Int, year: Int)
    /// Hour outside 0–23.
    case hourOutOfRange(Int)
    /// Minute outside 0–59.
    case minuteOutOfRange(Int)
    /// Second outside 0–59 (leap seconds are rejected).
    case secondOutOfRange(Int)
    /// Millisecond outside 0–999.
    case millisecondOutOfRange(Int)

    /// A one-line explanation, e.g. `day 30 out of range 1–29 for 2028-02`.
    public var description: String {
        switch self {
        case .yearOutOfRange(let year): "year \(year) out of range 0–9999"
        case .monthOutOfRange(let month): "month \(month) out of range 1–12"
        case .dayOutOfRange(let day, let month, let year):
            "day \(day) out of range 1–\(CivilCalendar.daysInMonth(month, year: year)) for "
                + "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .hourOutOfRange(let hour): "hour \(hour) out of range 0–23"
        case .minuteOutOfRange(let minute): "minute \(minute) out of range 0–59"
        case .secondOutOfRange(let second): "second \(second) out of range 0–59"
        case .millisecondOutOfRange(let millisecond): "millisecond \(millisecond) out of range 0–999"
        }
    }
}
