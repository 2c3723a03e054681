import Foundation
import PODTrackLedger

/// What the HTML report shows: the site's health, the status funnel, events per hour for the
/// last days, and the quarantined drops.
public struct ReportData: Sendable {
    public var site: String
    public var health: SiteHealth
    public var funnel: [FunnelCount]
    public var eventsPerHour: [HourlyEvents]
    /// The charted window: from `chartStart` to `chartEnd` (epoch ms, whole hours).
    public var chartStart: Int64
    public var chartEnd: Int64
    public var quarantined: [DropRecord]

    /// Gathers the report's data; the chart covers `days` days up to the newest event.
    public static func gather(site: Site, definitions: SiteDefinitions, ledger: Ledger, now: Int64, days: Int = 7) throws -> ReportData {
        let end = ((try ledger.latestEventTime() ?? now) / 3_600_000 + 1) * 3_600_000
        let start = end - Int64(days) * 86_400_000
        return ReportData(site: site.root.path,
                          health: try SiteHealth.gather(site: site, definitions: definitions, ledger: ledger, tenant: nil, now: now),
                          funnel: try ledger.funnel(), eventsPerHour: try ledger.eventsPerHour(since: start),
                          chartStart: start, chartEnd: end, quarantined: try ledger.quarantinedDrops())
    }
}
