import Foundation

/// A time zone for turning local wall-clock times into instants (Int64 epoch milliseconds) and back:
/// either a fixed UTC offset (``utc``, ``fixed(seconds:)``) or an IANA region such as
/// `Europe/Berlin`, backed by Foundation's `TimeZone` and a table of its offsets
/// (`ZoneOffsetTable`, one per region and process); copying a `Zone` is cheap.
///
/// Wall times that a region's clocks skip or repeat are resolved deterministically by
/// ``instant(of:)``:
/// - **Ambiguous** (the repeated hour when clocks go back): the **later** occurrence, i.e. standard
///   time. This matches Foundation's `DateFormatter` (`Calendar.date(from:)` picks the earlier
///   one instead). Berlin 2026-10-25 02:30 → 01:30Z;
///   New York 2026-11-01 01:30 → 06:30Z.
/// - **Non-existent** (the gap when clocks go forward): shifted forward by the length of the gap,
///   i.e. read with the offset in force before the transition. Berlin 2026-03-29 02:30 →
///   03:30 CEST = 01:30Z; New York 2026-03-08 02:30 → 03:30 EDT = 07:30Z.
///
/// Assumes, as holds for every tz database zone in modern times, that a region's offset changes
/// at most once within any 48 hours.
public struct Zone: Sendable, CustomStringConvertible {
    private enum Rule: Sendable {
        case fixed(seconds: Int)
        case region(TimeZone, ZoneOffsetTable)
    }

    private let rule: Rule

    private init(rule: Rule) {
        self.rule = rule
    }

    /// Coordinated Universal Time (offset zero).
    public static let utc = Zone(rule: .fixed(seconds: 0))

    /// A zone whose offset from UTC is always `seconds` (east positive, e.g. 3600 for +01:00).
    public static func fixed(seconds: Int) -> Zone {
        Zone(rule: .fixed(seconds: seconds))
    }

    /// The IANA region `identifier` (e.g. `Europe/Berlin`); `UTC` gives ``utc``.
    /// Throws ``ZoneError/unknownIdentifier(_:)`` when Foundation does not know the name.
    public init(identifier: String) throws(ZoneError) {
        if identifier == "UTC" {
            self = .utc
            return
        }
        guard let timeZone = TimeZone(identifier: identifier) else {
            throw .unknownIdentifier(identifier)
        }
        self.init(rule: .region(timeZone, ZoneOffsetTable.of(timeZone)))
    }

    /// The IANA name for a region, `UTC`, or `UTC±hh:mm` for a fixed offset.
    public var description: String {
        switch rule {
        case .region(let timeZone, _):
            return timeZone.identifier
        case .fixed(let seconds) where seconds == 0:
            return "UTC"
        case .fixed(let seconds):
            let magnitude = abs(seconds)
            let hours = magnitude / 3600, minutes = magnitude / 60 % 60
            return "UTC\(seconds < 0 ? "-" : "+")\(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
        }
    }

    /// The zone's UTC offset in seconds (east positive) at `instant` (epoch milliseconds),
    /// for rendering local times with ``CivilDateTime/init(epochMilliseconds:offsetSeconds:)``.
    public func offsetSeconds(at instant: Int64) -> Int {
        switch rule {
        case .fixed(let seconds):
            return seconds
        case .region(let timeZone, let table):
            return table.offsetSeconds(at: instant) ?? timeZone.secondsFromGMT(for: Date(epochMilliseconds: instant))
        }
    }

    /// The instant (epoch milliseconds) at which this zone's clocks show `civil`. Repeated wall times
    /// resolve to the later occurrence, skipped ones shift forward by the gap (see ``Zone``).
    public func instant(of civil: CivilDateTime) -> Int64 {
        let wall = civil.epochMilliseconds(atOffsetSeconds: 0)
        switch rule {
        case .fixed(let seconds):
            return wall - Int64(seconds) * 1000
        case .region:
            return regionInstant(ofWall: wall)
        }
    }

    /// Resolves `wall` (the civil time counted as if it were UTC) using the offsets a day either
    /// side: two offset look-ups when no transition is near, four when one is.
    private func regionInstant(ofWall wall: Int64) -> Int64 {
        let offsetBefore = offsetMilliseconds(at: wall - CivilCalendar.millisecondsPerDay)
        let offsetAfter = offsetMilliseconds(at: wall + CivilCalendar.millisecondsPerDay)
        if offsetBefore == offsetAfter {
            return wall - offsetBefore
        }
        let readingWithOffsetBefore = wall - offsetBefore
        let readingWithOffsetAfter = wall - offsetAfter
        let beforeIsConsistent = offsetMilliseconds(at: readingWithOffsetBefore) == offsetBefore
        let afterIsConsistent = offsetMilliseconds(at: readingWithOffsetAfter) == offsetAfter
        switch (beforeIsConsistent, afterIsConsistent) {
        case (true, true):
            return max(readingWithOffsetBefore, readingWithOffsetAfter)  // ambiguous: later one
        case (true, false):
            return readingWithOffsetBefore
        case (false, true):
            return readingWithOffsetAfter
        case (false, false):
            return readingWithOffsetBefore  // in the gap: shifted forward by its length
        }
    }

    private func offsetMilliseconds(at instant: Int64) -> Int64 {
        Int64(offsetSeconds(at: instant)) * 1000
    }
}

/// Why a ``Zone`` could not be created.
public enum ZoneError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The identifier is not a known IANA time zone name.
    case unknownIdentifier(String)

    /// A one-line explanation naming the identifier.
    public var description: String {
        switch self {
        case .unknownIdentifier(let identifier): "unknown time zone identifier '\(identifier)'"
        }
    }
}
