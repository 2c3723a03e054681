import Testing
@testable import PODTrackCore

@Suite struct CivilDateTimeTests {
    @Test func epochDayZeroIsNewYear1970() {
        #expect(CivilCalendar.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.daysFromCivil(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilCalendar.daysFromCivil(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilCalendar.daysFromCivil(year: 0, month: 3, day: 1) == -719_468)
    }

    @Test func everyDayFromYear0To9999RoundTripsAndFollowsTheDayBefore() {
        let first = CivilCalendar.daysFromCivil(year: 0, month: 1, day: 1)
        let last = CivilCalendar.daysFromCivil(year: 9999, month: 12, day: 31)
        var previous = (year: -1, month: 12, day: 31)
        var mismatches = 0
        for days in first...last {
            let date = CivilCalendar.civilFromDays(days)
            let isNextDay = date.day == previous.day + 1 && date.month == previous.month && date.year == previous.year
                || date.day == 1 && date.month == previous.month + 1 && date.year == previous.year
                    && previous.day == CivilCalendar.daysInMonth(previous.month, year: previous.year)
                || date.day == 1 && date.month == 1 && date.year == previous.year + 1
                    && previous.month == 12 && previous.day == 31
            let roundTrips = CivilCalendar.daysFromCivil(year: date.year, month: date.month, day: date.day) == days
            if !isNextDay || !roundTrips { mismatches += 1 }
            previous = date
        }
        #expect(mismatches == 0)
        #expect(previous == (9999, 12, 31))
    }

    @Test(arguments: [(1900, false), (2000, true), (2024, true), (2026, false), (2100, false), (2400, true)])
    func leapYears(year: Int, isLeap: Bool) {
        #expect(CivilCalendar.isLeapYear(year) == isLeap)
        #expect(CivilCalendar.daysInMonth(2, year: year) == (isLeap ? 29 : 28))
    }

    @Test(arguments: [
        ((2026, 13, 1, 0, 0, 0, 0), CivilDateTimeError.monthOutOfRange(13)),
        ((2026, 0, 1, 0, 0, 0, 0), .monthOutOfRange(0)),
        ((2026, 2, 29, 0, 0, 0, 0), .dayOutOfRange(day: 29, month: 2, year: 2026)),
        ((1900, 2, 29, 0, 0, 0, 0), .dayOutOfRange(day: 29, month: 2, year: 1900)),
        ((2026, 4, 31, 0, 0, 0, 0), .dayOutOfRange(day: 31, month: 4, year: 2026)),
        ((2026, 1, 0, 0, 0, 0, 0), .dayOutOfRange(day: 0, month: 1, year: 2026)),
        ((2026, 1, 1, 24, 0, 0, 0), .hourOutOfRange(24)),
        ((2026, 1, 1, 0, 60, 0, 0), .minuteOutOfRange(60)),
        ((2026, 1, 1, 0, 0, 60, 0), .secondOutOfRange(60)),
        ((2026, 1, 1, 0, 0, 0, 1000), .millisecondOutOfRange(1000)),
        ((10000, 1, 1, 0, 0, 0, 0), .yearOutOfRange(10000)),
    ])
    func invalidFieldsAreRejected(
        fields: (Int, Int, Int, Int, Int, Int, Int), expected: CivilDateTimeError
    ) {
        #expect(throws: expected) {
            try CivilDateTime(year: fields.0, month: fields.1, day: fields.2, hour: fields.3,
                              minute: fields.4, second: fields.5, millisecond: fields.6)
        }
    }

    @Test func leapDaysAreAccepted() throws {
        _ = try CivilDateTime(year: 2028, month: 2, day: 29)
        _ = try CivilDateTime(year: 2000, month: 2, day: 29, hour: 23, minute: 59, second: 59, millisecond: 999)
    }

    @Test func errorDescriptionsNameTheField() {
        #expect(CivilDateTimeError.dayOutOfRange(day: 30, month: 2, year: 2028).description
            == "day 30 out of range 1–29 for 2028-02")
        #expect(CivilDateTimeError.monthOutOfRange(13).description == "month 13 out of range 1–12")
    }

    @Test(arguments: [
        ("2026-11-24T09:16:44.120Z", (2026, 11, 24, 10, 16, 44, 120), 3600),
        ("1970-01-01T00:00:00.000Z", (1970, 1, 1, 0, 0, 0, 0), 0),
        ("1969-12-31T23:59:59.999Z", (1969, 12, 31, 23, 59, 59, 999), 0),
        ("2026-01-01T04:59:59.000Z", (2025, 12, 31, 23, 59, 59, 0), -18000),
        ("9999-12-31T23:59:59.999Z", (9999, 12, 31, 23, 59, 59, 999), 0),
    ])
    func epochConversionMatchesFoundationBothWays(
        utc: String, fields: (Int, Int, Int, Int, Int, Int, Int), offsetSeconds: Int
    ) throws {
        let civil = try CivilDateTime(year: fields.0, month: fields.1, day: fields.2, hour: fields.3,
                                      minute: fields.4, second: fields.5, millisecond: fields.6)
        let instant = utcMilliseconds(utc)
        #expect(civil.epochMilliseconds(atOffsetSeconds: offsetSeconds) == instant)
        #expect(CivilDateTime(epochMilliseconds: instant, offsetSeconds: offsetSeconds) == civil)
    }

    /// Foundation switches to the Julian calendar before 1582, so year 1 is checked against the
    /// well-known proleptic Gregorian value instead.
    @Test func yearOneIsProlepticGregorian() throws {
        let civil = try CivilDateTime(year: 1, month: 1, day: 1)
        #expect(civil.epochMilliseconds(atOffsetSeconds: 0) == -62_135_596_800_000)
        #expect(CivilDateTime(epochMilliseconds: -62_135_596_800_000, offsetSeconds: 0) == civil)
    }

    @Test func descriptionIsIso8601WithoutOffset() throws {
        let civil = try CivilDateTime(year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 5, millisecond: 7)
        #expect(civil.description == "2026-03-08T02:30:05.007")
    }
}
