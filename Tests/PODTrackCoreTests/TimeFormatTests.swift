import Testing
@testable import PODTrackCore

@Suite struct TimeFormatTests {
    private static let berlin = try? Zone(identifier: "Europe/Berlin")
    private static let newYork = try? Zone(identifier: "America/New_York")

    @Test(arguments: [
        ("25.10.2026 02:30:00", "2026-10-25T01:30:00Z"),  // repeated hour: later occurrence
        ("29.03.2026 02:30:00", "2026-03-29T01:30:00Z"),  // skipped hour: shifted forward
        ("24.11.2026 10:16:44", "2026-11-24T09:16:44Z"),
        ("01.07.2026 00:00:00", "2026-06-30T22:00:00Z"),
    ])
    func berlinErpTimestamps(text: String, expectedUTC: String) throws {
        let format = try TimeFormat("dd.MM.yyyy HH:mm:ss")
        let zone = try #require(Self.berlin)
        #expect(try format.instant(text, zone: zone) == utcMilliseconds(expectedUTC))
    }

    @Test(arguments: [
        ("2026-11-24T10:16:44.120+01:00", "2026-11-24T09:16:44.120Z"),
        ("2026-11-24T10:16:44+01:00", "2026-11-24T09:16:44Z"),
        ("2026-11-24T09:16:44.120Z", "2026-11-24T09:16:44.120Z"),
        ("2026-11-24T10:16:44,5+0100", "2026-11-24T09:16:44.500Z"),
        ("2026-11-24T04:16:44.123456789-05:00", "2026-11-24T09:16:44.123Z"),
        ("2026-11-24T14:46:44.1+05:30", "2026-11-24T09:16:44.100Z"),
    ])
    func ripIso8601Timestamps(text: String, expectedUTC: String) throws {
        let format = try TimeFormat("iso8601")
        // The explicit offset wins over the zone.
        #expect(try format.instant(text, zone: .fixed(seconds: 12 * 3600)) == utcMilliseconds(expectedUTC))
    }

    @Test(arguments: [
        ("20261124 101644", "2026-11-24T15:16:44Z"),
        ("20260704 120000", "2026-07-04T16:00:00Z"),
        ("20261101 013000", "2026-11-01T06:30:00Z"),
    ])
    func upsTimestampsInNewYork(text: String, expectedUTC: String) throws {
        let format = try TimeFormat("yyyyMMdd HHmmss")
        let zone = try #require(Self.newYork)
        #expect(try format.instant(text, zone: zone) == utcMilliseconds(expectedUTC))
    }

    @Test(arguments: [
        ("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2026-11-24T10:16:44.120+01:00", 120, 3600),
        ("yyyy-MM-dd'T'HH:mm:ss.SSSXX", "2026-11-24T10:16:44.120-0130", 120, -5400),
        ("yyyy-MM-dd'T'HH:mm:ss.SXXX", "2026-11-24T10:16:44.7Z", 700, 0),
        ("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", "2026-11-24T10:16:44.123999Z", 123, 0),
        ("yyyy/MM/dd HH:mm 'Uhr' XXX", "2026/11/24 10:16 Uhr +01:00", 0, 3600),
        ("'''d'''dd.MM.yyyy", "'d'24.11.2026", 0, nil),
    ] as [(String, String, Int, Int?)])
    func customPatterns(pattern: String, text: String, millisecond: Int, offsetSeconds: Int?) throws {
        let parsed = try TimeFormat(pattern).parse(text)
        #expect(parsed.civil.year == 2026 && parsed.civil.month == 11 && parsed.civil.day == 24)
        #expect(parsed.civil.millisecond == millisecond)
        #expect(parsed.offsetSeconds == offsetSeconds)
    }

    @Test func parsesFromUTF8Buffers() throws {
        let format = try TimeFormat("iso8601")
        let bytes = Array("2026-11-24T10:16:44.120+01:00".utf8)
        let parsed = try bytes.withUnsafeBufferPointer { buffer throws(TimeParseError) in try format.parse(buffer) }
        #expect(parsed.civil == (try CivilDateTime(year: 2026, month: 11, day: 24, hour: 10, minute: 16,
                                                   second: 44, millisecond: 120)))
        #expect(parsed.offsetSeconds == 3600)
    }

    @Test(arguments: [
        ("dd.MM.yyyy HH:mm:ss", "25.13.2026 02:30:00", "month 13 out of range 1–12 (field at byte 3)"),
        ("dd.MM.yyyy HH:mm:ss", "30.02.2026 02:30:00", "day 30 out of range 1–28 for 2026-02 (field at byte 0)"),
        ("dd.MM.yyyy HH:mm:ss", "25.10.2026 24:00:00", "hour 24 out of range 0–23 (field at byte 11)"),
        ("dd.MM.yyyy HH:mm:ss", "25.10.2026 02:30:60", "second 60 out of range 0–59 (field at byte 17)"),
        ("dd.MM.yyyy HH:mm:ss", "2x.10.2026 02:30:00", "expected 2-digit day at byte 1, found 'x'"),
        ("dd.MM.yyyy HH:mm:ss", "25.10.2026", "expected ' ' at byte 10, found end of input"),
        ("dd.MM.yyyy HH:mm:ss", "25.10.2026 02:30:00 CET", "expected end of timestamp at byte 19, found ' '"),
        ("dd.MM.yyyy HH:mm:ss", "25-10-2026 02:30:00", "expected '.' at byte 2, found '-'"),
        ("dd.MM.yyyy HH:mm:ss", "", "expected 2-digit day at byte 0, found end of input"),
        ("iso8601", "2026-11-24T10:16:44.120", "expected offset 'Z', '±hh:mm' or '±hhmm' at byte 23, found end of input"),
        ("iso8601", "2026-11-24 10:16:44Z", "expected 'T' at byte 10, found ' '"),
        ("iso8601", "2026-11-24T10:16:44.Z", "expected fraction digit at byte 20, found 'Z'"),
        ("iso8601", "2026-11-24T10:16:44+1:00", "expected 2-digit offset hours at byte 21, found ':'"),
        ("iso8601", "2026-11-24T10:16:44+19:00", "offset 19 h 0 min at byte 19 is out of range (max 18:00, minutes 0–59)"),
        ("yyyy-MM-dd'T'HH:mm:ssXXX", "2026-11-24T10:16:44+0100", "expected ':' in offset at byte 22, found '0'"),
        ("yyyy-MM-dd'T'HH:mm:ssXX", "2026-11-24T10:16:44+01:00", "expected 2-digit offset minutes at byte 22, found ':'"),
        ("yyyy-MM-dd'T'HH:mm:ss.SSS", "2026-11-24T10:16:44.12", "expected 3-digit fraction of second at byte 22, found end of input"),
        ("yyyyMMdd", "2026112\u{E4}", "expected 2-digit day at byte 7, found byte 0xC3"),
    ])
    func invalidInputsExplainThemselves(pattern: String, text: String, reason: String) throws {
        let format = try TimeFormat(pattern)
        do {
            let parsed = try format.parse(text)
            Issue.record("unexpectedly parsed \(parsed)")
        } catch {
            #expect(error.description == reason)
        }
    }

    @Test(arguments: [
        ("yyyy-MM-ddTHH:mm:ss", TimeFormatError.unknownToken("T", position: 11)),
        ("yy-MM-dd", .unknownToken("yy", position: 1)),
        ("yyyy-MM-dd hh:mm", .unknownToken("hh", position: 12)),
        ("yyyy-MM-dd'T", .unterminatedQuote(position: 11)),
        ("yyyy-MM-dd HH:HH", .duplicateField("HH", position: 15)),
        ("yyyy-MM-dd ss.SSS.SS", .duplicateField("SS", position: 19)),
        ("yyyy-MM-dd SSSSSSSSSS", .unknownToken("SSSSSSSSSS", position: 12)),
        ("yyyy-MM HH:mm", .missingField("dd")),
        ("", .missingField("yyyy")),
    ])
    func invalidPatternsAreRejected(pattern: String, expected: TimeFormatError) {
        #expect(throws: expected) { try TimeFormat(pattern) }
    }

    @Test func compileErrorDescriptionNamesTokenAndPosition() {
        #expect(TimeFormatError.unknownToken("T", position: 11).description.hasPrefix("unknown token 'T' at position 11"))
    }
}
