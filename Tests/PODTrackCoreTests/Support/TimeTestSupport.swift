import Foundation

/// A deterministic random number generator (SplitMix64) so randomized tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Epoch milliseconds of an ISO 8601 UTC timestamp, computed independently by Foundation
/// (e.g. `2026-10-25T01:30:00Z` or `2026-11-24T09:16:44.120Z`).
func utcMilliseconds(_ iso8601: String) -> Int64 {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = iso8601.contains(".")
        ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
    guard let date = formatter.date(from: iso8601) else { return Int64.min }
    return Int64((date.timeIntervalSince1970 * 1000).rounded())
}

/// A Gregorian calendar in the named zone, for comparing against Foundation.
func gregorianCalendar(_ identifier: String) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
    return calendar
}
