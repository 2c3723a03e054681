import Foundation
import Synchronization

/// A region's UTC offsets from 2000 to 2060, as the instants its offset changes at: what `Zone`
/// reads instead of asking Foundation (ICU) for each timestamp, which cost two calls of about a
/// thousand instructions per event read. Built from Foundation's own transitions
/// (`TimeZone.nextDaylightSavingTimeTransition(after:)`, which lists every change of offset,
/// standard or daylight), once per zone and process (`of(_:)`): a pass compiles its sources'
/// zones whether or not it reads a time, so a run with nothing new pays for each region once.
/// Outside the table's years `offsetSeconds(at:)` answers nil and the zone asks Foundation.
final class ZoneOffsetTable: Sendable {
    /// 2000-01-01 and 2060-01-01 (UTC), in epoch milliseconds.
    static let start: Int64 = 946_684_800_000
    static let end: Int64 = 2_840_140_800_000

    private static let built = Mutex<[String: ZoneOffsetTable]>([:])

    /// The table of `timeZone`, built on first use.
    static func of(_ timeZone: TimeZone) -> ZoneOffsetTable {
        built.withLock { tables in
            if let table = tables[timeZone.identifier] { return table }
            let table = ZoneOffsetTable(timeZone)
            tables[timeZone.identifier] = table
            return table
        }
    }

    /// `changes[i]` is where offset `offsets[i + 1]` starts; `offsets[0]` holds from `start`.
    private let changes: [Int64]
    private let offsets: [Int]

    private init(_ timeZone: TimeZone) {
        var changes: [Int64] = []
        var after = Date(epochMilliseconds: Self.start)
        var offsets = [timeZone.secondsFromGMT(for: after)]
        while let change = timeZone.nextDaylightSavingTimeTransition(after: after), change > after {
            let instant = change.epochMilliseconds
            guard instant < Self.end else { break }
            let offset = timeZone.secondsFromGMT(for: change)
            if offset != offsets[offsets.count - 1] {
                changes.append(instant)
                offsets.append(offset)
            }
            after = change
        }
        self.changes = changes
        self.offsets = offsets
    }

    /// The offset in seconds (east positive) at `instant` (epoch milliseconds); nil outside the table's years.
    func offsetSeconds(at instant: Int64) -> Int? {
        guard instant >= Self.start, instant < Self.end else { return nil }
        var low = 0
        var high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return offsets[low]
    }
}
