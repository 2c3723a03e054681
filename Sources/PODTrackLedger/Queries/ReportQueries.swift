import PODTrackCore

/// How many item lines of a storefront's orders stand at each state: the status funnel.
public struct FunnelCount: Sendable, Equatable {
    public var tenant: String
    public var channel: String
    /// The state of a line without progress yet (only a flag, such as on_hold).
    public static let noProgress = "none"

    /// The line's state: its progress, or its terminal state when it has one; `noProgress` otherwise.
    public var state: String
    public var lines: Int
}

/// Events that happened in one hour (UTC) for a tenant.
public struct HourlyEvents: Sendable, Equatable {
    public var tenant: String
    /// Start of the hour, epoch ms.
    public var hour: Int64
    public var events: Int
}

extension Ledger {
    /// Line counts per tenant, channel and state; a shipped line counts at its shipment's state.
    public func funnel() throws -> [FunnelCount] {
        var counts: [FunnelCount] = []
        try database.cached("""
            SELECT l.tenant, coalesce(o.channel, '(no ERP data)'),
                   coalesce(l.terminal, s.terminal, CASE WHEN s.rank > l.rank THEN s.rank ELSE l.rank END) AS state, count(*)
            FROM lines l
            LEFT JOIN orders o ON o.tenant = l.tenant AND o.order_no = l.order_no
            LEFT JOIN shipments s ON s.tenant = l.tenant AND s.tracking = l.tracking
            GROUP BY 1, 2, 3 ORDER BY 1, 2
            """).forEachRow { row in
            let state = row.isNull(2) ? FunnelCount.noProgress : Int(row.text(2)).map { LifecycleState.progress(rank: $0)?.rawValue ?? FunnelCount.noProgress } ?? row.text(2)
            counts.append(FunnelCount(tenant: row.text(0), channel: row.text(1), state: state, lines: Int(row.int(3))))
        }
        return counts
    }

    /// Events per tenant and UTC hour that happened at or after `since`.
    public func eventsPerHour(since: Int64) throws -> [HourlyEvents] {
        var counts: [String: [Int64: Int]] = [:]
        try EventChunks(database: database).forEachChunk(since: since) { tenant, chunk in
            for event in chunk.rows where event.occurredAt >= since {
                counts[tenant, default: [:]][event.occurredAt / 3_600_000, default: 0] += 1
            }
        }
        return counts.sorted { $0.key < $1.key }.flatMap { tenant, hours in
            hours.sorted { $0.key < $1.key }.map { HourlyEvents(tenant: tenant, hour: $0.key * 3_600_000, events: $0.value) }
        }
    }

    /// The time of the newest event (epoch ms), if any: reports chart the days before it.
    public func latestEventTime() throws -> Int64? {
        try database.cached("SELECT max(latest_at) FROM event_chunks").first { $0.optionalInt(0) } ?? nil
    }
}
