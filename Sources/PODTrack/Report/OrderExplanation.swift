import PODTrackCore
import PODTrackLedger

/// Everything `explain` tells about one order: its lines and shipments, every event with the
/// file and line it came from, and what each storefront was told in which file.
public struct OrderExplanation: Sendable {
    public var tenant: String
    public var orderNo: String
    public var order: OrderView?
    public var events: [EventRecord]
    public var told: [ToldRecord]
    /// Held carrier events that name this order but no ERP line links yet.
    public var orphanTrackings: [String]
    /// Each source's zone, to show event times as the source wrote them.
    public var sourceZones: [String: (name: String, zone: Zone)]

    /// Reads the order's story from the ledger; nil when the ledger has never heard of it.
    public static func gather(tenant: String, orderNo: String, definitions: SiteDefinitions, ledger: Ledger) throws -> OrderExplanation? {
        let orphans = try ledger.orphanTrackings(tenant: tenant, reference: orderNo)
        guard try ledger.orderExists(tenant: tenant, orderNo: orderNo) || !orphans.isEmpty else { return nil }
        let order = try ledger.orderView(tenant: tenant, orderNo: orderNo)
        let trackings = (order?.shipments.map(\.tracking) ?? []) + orphans
        var zones: [String: (name: String, zone: Zone)] = [:]
        for source in definitions.tenants.first(where: { $0.name == tenant })?.sources ?? [] {
            if let zone = try? Zone(identifier: source.definition.time.zone) {
                zones[source.definition.name] = (source.definition.time.zone, zone)
            }
        }
        return OrderExplanation(tenant: tenant, orderNo: orderNo, order: order,
                                events: try ledger.events(tenant: tenant, orderNo: orderNo, trackings: trackings),
                                told: try ledger.told(tenant: tenant, orderNo: orderNo), orphanTrackings: orphans, sourceZones: zones)
    }

    /// The timeline with runs of the same subject and state folded into one entry (a print job's
    /// RECEIVED, RIPPING, QUEUED all say `queued`).
    public var foldedTimeline: [(event: EventRecord, count: Int, words: [String])] {
        var folded: [(event: EventRecord, count: Int, words: [String])] = []
        for event in events {
            if let last = folded.last, last.event.subject == event.subject, last.event.state == event.state,
               last.event.discriminator == event.discriminator {
                folded[folded.count - 1].count += 1
                if !last.words.contains(event.rawWord) { folded[folded.count - 1].words.append(event.rawWord) }
            } else {
                folded.append((event, 1, [event.rawWord]))
            }
        }
        return folded
    }
}
