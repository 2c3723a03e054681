import Foundation
import Testing
@testable import PODTrackCore

@Suite struct ZoneTests {
    private func civil(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int,
                       _ second: Int = 0, _ millisecond: Int = 0) throws -> CivilDateTime {
        try CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute,
                          second: second, millisecond: millisecond)
    }

    @Test(arguments: [
        // Ambiguous (clocks go back): the later occurrence, standard time.
        ("Europe/Berlin", (2026, 10, 25, 2, 30, 0, 0), "2026-10-25T01:30:00Z"),
        ("America/New_York", (2026, 11, 1, 1, 30, 0, 0), "2026-11-01T06:30:00Z"),
        ("America/Chicago", (2026, 11, 1, 1, 30, 0, 0), "2026-11-01T07:30:00Z"),
        // Non-existent (clocks go forward): shifted forward by the gap.
        ("Europe/Berlin", (2026, 3, 29, 2, 30, 0, 0), "2026-03-29T01:30:00Z"),
        ("America/New_York", (2026, 3, 8, 2, 30, 0, 0), "2026-03-08T07:30:00Z"),
        ("America/New_York", (2026, 3, 8, 2, 0, 0, 0), "2026-03-08T07:00:00Z"),
        // Just around the transitions.
        ("Europe/Berlin", (2026, 3, 29, 1, 59, 59, 999), "2026-03-29T00:59:59.999Z"),
        ("Europe/Berlin", (2026, 3, 29, 3, 0, 0, 0), "2026-03-29T01:00:00Z"),
        ("Europe/Berlin", (2026, 10, 25, 1, 59, 59, 999), "2026-10-24T23:59:59.999Z"),
        ("Europe/Berlin", (2026, 10, 25, 3, 0, 0, 0), "2026-10-25T02:00:00Z"),
        ("America/New_York", (2026, 11, 1, 0, 59, 59, 999), "2026-11-01T04:59:59.999Z"),
        ("America/New_York", (2026, 11, 1, 2, 0, 0, 0), "2026-11-01T07:00:00Z"),
        // Ordinary times.
        ("Europe/Berlin", (2026, 11, 24, 10, 16, 44, 120), "2026-11-24T09:16:44.120Z"),
        ("America/New_York", (2026, 7, 4, 12, 0, 0, 0), "2026-07-04T16:00:00Z"),
        ("UTC", (2026, 7, 4, 12, 0, 0, 0), "2026-07-04T12:00:00Z"),
    ])
    func wallTimeResolvesToDocumentedInstant(
        zoneName: String, fields: (Int, Int, Int, Int, Int, Int, Int), expectedUTC: String
    ) throws {
        let zone = try Zone(identifier: zoneName)
        let wall = try civil(fields.0, fields.1, fields.2, fields.3, fields.4, fields.5, fields.6)
        #expect(zone.instant(of: wall) == utcMilliseconds(expectedUTC))
    }

    @Test func ambiguousResolutionMatchesFoundationDateFormatter() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        formatter.timeZone = TimeZone(identifier: "Europe/Berlin")
        let date = try #require(formatter.date(from: "25.10.2026 02:30"))
        let zone = try Zone(identifier: "Europe/Berlin")
        #expect(zone.instant(of: try civil(2026, 10, 25, 2, 30)) == Int64(date.timeIntervalSince1970 * 1000))
    }

    @Test(arguments: [
        ("Europe/Berlin", "2026-01-15T12:00:00Z", 3600),
        ("Europe/Berlin", "2026-07-15T12:00:00Z", 7200),
        ("Europe/Berlin", "2026-03-29T00:59:59.999Z", 3600),
        ("Europe/Berlin", "2026-03-29T01:00:00Z", 7200),
        ("America/New_York", "2026-11-01T05:59:59.999Z", -14400),
        ("America/New_York", "2026-11-01T06:00:00Z", -18000),
    ])
    func offsetAtInstant(zoneName: String, utc: String, expectedOffset: Int) throws {
        #expect(try Zone(identifier: zoneName).offsetSeconds(at: utcMilliseconds(utc)) == expectedOffset)
    }

    @Test func fixedZonesUseTheirOffset() throws {
        let wall = try civil(2026, 11, 24, 10, 16, 44, 120)
        #expect(Zone.fixed(seconds: 3600).instant(of: wall) == utcMilliseconds("2026-11-24T09:16:44.120Z"))
        #expect(Zone.fixed(seconds: -19800).offsetSeconds(at: 0) == -19800)
        #expect(Zone.utc.instant(of: wall) == utcMilliseconds("2026-11-24T10:16:44.120Z"))
        #expect(Zone.fixed(seconds: -19800).description == "UTC-05:30")
        #expect(try Zone(identifier: "UTC").description == "UTC")
        #expect(try Zone(identifier: "Europe/Berlin").description == "Europe/Berlin")
    }

    @Test func unknownIdentifierIsRejected() {
        #expect(throws: ZoneError.unknownIdentifier("Mars/Olympus_Mons")) {
            try Zone(identifier: "Mars/Olympus_Mons")
        }
    }

    /// Random instants of 2026: our local rendering must equal Foundation's Calendar components, and
    /// converting back must give the instant again, except in a repeated hour where the later
    /// occurrence is chosen by design.
    @Test(arguments: ["Europe/Berlin", "America/New_York", "America/Chicago", "UTC"])
    func randomInstantsAgreeWithFoundationCalendar(zoneName: String) throws {
        let zone = try Zone(identifier: zoneName)
        let calendar = gregorianCalendar(zoneName)
        let start = utcMilliseconds("2026-01-01T00:00:00Z"), end = utcMilliseconds("2027-01-01T00:00:00Z")
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<3000 {
            let instant = Int64.random(in: start..<end, using: &generator)
            let local = CivilDateTime(epochMilliseconds: instant, offsetSeconds: zone.offsetSeconds(at: instant))
            let wholeSeconds = Date(timeIntervalSince1970: Double(instant.quotientAndRemainder(dividingBy: 1000).quotient))
            let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: wholeSeconds)
            let actual = DateComponents(year: local.year, month: local.month, day: local.day,
                                        hour: local.hour, minute: local.minute, second: local.second)
            #expect(actual == expected, "\(zoneName) at \(instant)")
            #expect(local.millisecond == Int(instant % 1000))

            let resolved = zone.instant(of: local)
            let isEarlierOfRepeatedHour = resolved == instant + 3_600_000
                && zone.offsetSeconds(at: instant) - zone.offsetSeconds(at: resolved) == 3600
            #expect(resolved == instant || isEarlierOfRepeatedHour, "\(zoneName) \(local)")
        }
    }

    /// Random wall times of 2026 resolve as Foundation's `Calendar.date(from:)`, except in a repeated
    /// hour, where Calendar picks the earlier occurrence and we (like DateFormatter) the later one.
    @Test(arguments: ["Europe/Berlin", "America/New_York", "America/Chicago", "UTC"])
    func randomWallTimesAgreeWithFoundationCalendar(zoneName: String) throws {
        let zone = try Zone(identifier: zoneName)
        let calendar = gregorianCalendar(zoneName)
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<3000 {
            let month = Int.random(in: 1...12, using: &generator)
            let day = Int.random(in: 1...CivilCalendar.daysInMonth(month, year: 2026), using: &generator)
            let wall = try civil(2026, month, day, Int.random(in: 0...23, using: &generator),
                                 Int.random(in: 0...59, using: &generator), Int.random(in: 0...59, using: &generator))
            let components = DateComponents(year: wall.year, month: wall.month, day: wall.day,
                                            hour: wall.hour, minute: wall.minute, second: wall.second)
            let foundation = Int64(try #require(calendar.date(from: components)).timeIntervalSince1970) * 1000
            let resolved = zone.instant(of: wall)
            let hourEarlier = resolved - 3_600_000
            let isRepeated = CivilDateTime(epochMilliseconds: hourEarlier,
                                           offsetSeconds: zone.offsetSeconds(at: hourEarlier)) == wall
            #expect(resolved == (isRepeated ? foundation + 3_600_000 : foundation), "\(zoneName) \(wall)")
        }
    }
}
