import Foundation
import Testing
@testable import PODTrackCore

/// A zone reads its offsets from its table (`ZoneOffsetTable`): they must be Foundation's own,
/// in every zone Foundation knows, on both sides of every change, and where the table ends.
@Suite struct ZoneOffsetTableTests {
    private static let day: Int64 = 86_400_000

    private func foundationOffset(_ timeZone: TimeZone, _ instant: Int64) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant) / 1000))
    }

    @Test func everyKnownZoneHasFoundationsOffsetsAcrossTheTablesYears() throws {
        var checked = 0
        for identifier in TimeZone.knownTimeZoneIdentifiers {
            let timeZone = try #require(TimeZone(identifier: identifier))
            let zone = try Zone(identifier: identifier)
            // Every 13 days and a few hours, so the samples drift through the hours of the day and the days of the year.
            for instant in stride(from: ZoneOffsetTable.start, to: ZoneOffsetTable.end, by: Int(13 * Self.day + 5 * 3_600_000)) {
                #expect(zone.offsetSeconds(at: instant) == foundationOffset(timeZone, instant), "\(identifier) at \(instant)")
                checked += 1
            }
        }
        #expect(checked > 500 * 1_000)
    }

    /// Zones whose offsets changed in odd ways: standard time moved (Pyongyang, Caracas,
    /// Volgograd), a day skipped (Apia), half-hour daylight time (Lord Howe), negative
    /// daylight time (Dublin), daylight time suspended for Ramadan (Casablanca); Kathmandu
    /// has not changed since 1986.
    @Test(arguments: ["Europe/Berlin", "America/New_York", "America/Chicago", "Australia/Sydney", "Australia/Lord_Howe",
                      "Asia/Kathmandu", "Africa/Casablanca", "Pacific/Apia", "Asia/Pyongyang", "America/Caracas",
                      "Europe/Volgograd", "Europe/Dublin"])
    func offsetsChangeAtFoundationsInstants(identifier: String) throws {
        let timeZone = try #require(TimeZone(identifier: identifier))
        let zone = try Zone(identifier: identifier)
        var after = Date(timeIntervalSince1970: Double(ZoneOffsetTable.start) / 1000)
        var changes = 0
        while let change = timeZone.nextDaylightSavingTimeTransition(after: after), change.timeIntervalSince1970 < Double(ZoneOffsetTable.end) / 1000 {
            let instant = Int64((change.timeIntervalSince1970 * 1000).rounded())
            for probe in [instant - 1000, instant - 1, instant, instant + 1, instant + 3_600_000] {
                #expect(zone.offsetSeconds(at: probe) == foundationOffset(timeZone, probe), "\(identifier) at \(probe)")
            }
            after = change
            changes += 1
        }
        #expect(changes > 0 || identifier == "Asia/Kathmandu")
    }

    /// Summer times on either side of the table hold offsets its first and last entries do not
    /// (both are winter), so a table that answered beyond its years would be caught.
    @Test func beyondTheTablesYearsTheZoneAsksFoundation() throws {
        let timeZone = try #require(TimeZone(identifier: "Europe/Berlin"))
        let zone = try Zone(identifier: "Europe/Berlin")
        let summerBefore = utcMilliseconds("1999-07-01T12:00:00Z"), summerAfter = utcMilliseconds("2060-07-01T12:00:00Z")
        #expect(foundationOffset(timeZone, summerBefore) == 7200 && foundationOffset(timeZone, summerAfter) == 7200)
        for instant in [ZoneOffsetTable.start - 1, summerBefore, 0, -2_208_988_800_000, ZoneOffsetTable.end, summerAfter] {
            #expect(zone.offsetSeconds(at: instant) == foundationOffset(timeZone, instant), "at \(instant)")
        }
    }
}
