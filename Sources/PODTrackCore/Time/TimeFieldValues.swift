/// The field values read while parsing a ``TimeFormat`` timestamp, and the byte
/// offsets they started at, so that an impossible value can be reported where it was written.
struct TimeFieldValues {
    private var year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0
    private var yearAt = 0, monthAt = 0, dayAt = 0, hourAt = 0, minuteAt = 0, secondAt = 0

    /// Records `value` for `field`, read at byte `offset`.
    mutating func set(_ field: TimeField, _ value: Int, at offset: Int) {
        switch field {
        case .year: (year, yearAt) = (value, offset)
        case .month: (month, monthAt) = (value, offset)
        case .day: (day, dayAt) = (value, offset)
        case .hour: (hour, hourAt) = (value, offset)
        case .minute: (minute, minuteAt) = (value, offset)
        case .second: (second, secondAt) = (value, offset)
        }
    }

    /// The validated date-time, or an error placed at the offending field.
    func civilDateTime(millisecond: Int) throws(TimeParseError) -> CivilDateTime {
        do {
            return try CivilDateTime(year: year, month: month, day: day, hour: hour,
                                     minute: minute, second: second, millisecond: millisecond)
        } catch {
            throw TimeParseError(.invalidDateTime(error), at: offset(of: error))
        }
    }

    private func offset(of error: CivilDateTimeError) -> Int {
        switch error {
        case .yearOutOfRange: yearAt
        case .monthOutOfRange: monthAt
        case .dayOutOfRange: dayAt
        case .hourOutOfRange: hourAt
        case .minuteOutOfRange: minuteAt
        case .secondOutOfRange: secondAt
        case .millisecondOutOfRange: 0
        }
    }
}
