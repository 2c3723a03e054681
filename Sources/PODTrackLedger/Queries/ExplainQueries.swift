import PODTrackCore

/// One stored event with where it came from, for `explain`.
public struct EventRecord: Sendable, Equatable {
    public var occurredAt: Int64
    public var subjectKind: String
    public var subject: String
    public var state: String
    public var rawWord: String
    public var source: String
    public var fileName: String
    public var line: Int
    public var discriminator: String
}

/// A row a storefront was told about an order, and the file that carried it.
public struct ToldRecord: Sendable, Equatable {
    public var storefront: String
    public var file: String
    public var kind: String
    public var createdAt: Int64
    public var pickedUpAt: Int64?
    public var rowKey: String
}

extension Ledger {
    /// The order as the exports see it (nil when no ERP row named it yet).
    public func orderView(tenant: String, orderNo: String) throws -> OrderView? {
        try OrderViewLoader(database: database).load(tenant: tenant, orderNo: orderNo)
    }

    /// True when any event names the order (a print job for an order the ERP has not sent yet).
    public func orderExists(tenant: String, orderNo: String) throws -> Bool {
        try database.cached("SELECT 1 FROM lines WHERE tenant = ? AND order_no = ? LIMIT 1").first([.text(tenant), .text(orderNo)]) { _ in true } ?? false
    }

    /// Every event of the order's lines and of the given shipments, in the order they happened,
    /// found through each subject's history.
    public func events(tenant: String, orderNo: String, trackings: [String]) throws -> [EventRecord] {
        var subjects: [(kind: String, subject: String, history: EventHistory)] = []
        try database.cached("SELECT line_no, history FROM lines WHERE tenant = ? AND order_no = ? ORDER BY line_no")
            .forEachRow([.text(tenant), .text(orderNo)]) { subjects.append(("line", "\(orderNo)/\($0.int(0))", EventHistory(bytes: $0.blob(1)))) }
        let shipment = try database.cached("SELECT history FROM shipments WHERE tenant = ? AND tracking = ?")
        for tracking in trackings {
            try shipment.forEachRow([.text(tenant), .text(tracking)]) { subjects.append(("shipment", tracking, EventHistory(bytes: $0.blob(0)))) }
        }
        let chunks = EventChunks(database: database)
        let drop = try database.cached("SELECT source, name FROM drops WHERE id = ?")
        // The chunk of the last event and its drop's file, which the next event most likely shares.
        var chunk: EventChunks.Chunk?
        var file: (source: String, name: String)?
        var events: [EventRecord] = []
        for (kind, subject, history) in subjects {
            for entry in history.entries {
                if chunk?.event(entry.id) == nil {
                    chunk = try chunks.chunk(holding: entry.id)
                    file = try chunk.flatMap { found in try drop.first([.integer(found.dropID)]) { ($0.text(0), $0.text(1)) } }
                }
                guard let event = chunk?.event(entry.id), let file else { continue }
                events.append(EventRecord(occurredAt: event.occurredAt, subjectKind: kind, subject: subject, state: event.state.rawValue,
                                          rawWord: event.rawWord, source: file.source, fileName: file.name, line: event.line,
                                          discriminator: event.discriminator))
            }
        }
        return events.sorted { ($0.occurredAt, $0.subject) < ($1.occurredAt, $1.subject) }
    }

    /// Every row the storefronts were told about the order, oldest first.
    public func told(tenant: String, orderNo: String) throws -> [ToldRecord] {
        var told: [ToldRecord] = []
        try database.cached("""
            SELECT x.storefront, x.file, x.kind, x.created_at, x.picked_up_at, r.row_key
            FROM export_rows r JOIN exports x ON x.id = r.export_id
            WHERE x.tenant = ? AND r.order_no = ? ORDER BY x.id, r.row_key
            """).forEachRow([.text(tenant), .text(orderNo)]) { row in
            told.append(ToldRecord(storefront: row.text(0), file: row.text(1), kind: row.text(2), createdAt: row.int(3),
                                   pickedUpAt: row.optionalInt(4), rowKey: row.text(5)))
        }
        return told
    }

    /// Tracking numbers whose carrier named this order while no ERP line links them: held orphans.
    public func orphanTrackings(tenant: String, reference orderNo: String) throws -> [String] {
        var trackings: [String] = []
        try database.cached("""
            SELECT tracking FROM shipments WHERE tenant = ? AND reference = ? AND linked = 0 AND events > 0 ORDER BY tracking
            """).forEachRow([.text(tenant), .text(orderNo)]) { trackings.append($0.text(0)) }
        return trackings
    }
}

extension Ledger {
    /// The order number behind a storefront's own order reference (`#1023`), if the ERP named it.
    public func orderNumbers(tenant: String, channelRef: String) throws -> String? {
        try database.cached("SELECT order_no FROM orders WHERE tenant = ? AND channel_ref = ? LIMIT 1")
            .first([.text(tenant), .text(channelRef)]) { $0.text(0) }
    }
}
