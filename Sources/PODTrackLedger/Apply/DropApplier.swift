import PODTrackCore

/// Applies one drop's events to the ledger, inside the drop's transaction (see `Ledger.applyDrop`).
///
/// Each new event is stored once (the dedupe key is time, tenant, source kind, subject, state and
/// discriminator), then folded into its line or shipment: in time order incrementally, or by
/// refolding the subject's whole history when it arrives late. Every order an event touches is
/// journaled once per drop, for the storefront exports.
public final class DropApplier: DropOutput {
    private let database: Database
    private let dropID: Int64
    private let claim: DropClaim
    private let sourceKind: SourceKind
    private var journaled: Set<String> = []
    public private(set) var stats = ApplyStats()

    init(database: Database, dropID: Int64, claim: DropClaim, sourceKind: SourceKind) {
        self.database = database
        self.dropID = dropID
        self.claim = claim
        self.sourceKind = sourceKind
    }

    public func reject(_ row: RejectedRow) throws {
        stats.rejected += 1
        try database.cached("INSERT INTO rejects (drop_id, line, field, reason, raw_text) VALUES (?, ?, ?, ?, ?)")
            .run(.integer(dropID), .int(row.line), .text(row.field), .text(row.reason), .text(row.rawText))
    }

    public func accept(_ event: StatusEvent) throws {
        try database.cached("""
            INSERT OR IGNORE INTO events (tenant, source_kind, subject_kind, subject, state, occurred_at, discriminator,
                                          source, drop_id, line, raw_word)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(.text(claim.tenant), .text(sourceKind.rawValue), .text(event.subject.kind), .text(event.subject.key),
                     .text(event.state.rawValue), .integer(event.occurredAt), .text(event.discriminator),
                     .text(claim.source), .integer(dropID), .int(event.line), .text(event.rawWord))
        guard database.changes > 0 else {
            stats.eventsDuplicate += 1
            return
        }
        stats.eventsNew += 1
        switch event.subject {
        case .line(let order, let line): try applyToLine(event, order: order, lineNo: line)
        case .shipment(let tracking): try applyToShipment(event, tracking: tracking)
        }
    }

    // MARK: lines

    private func applyToLine(_ event: StatusEvent, order: String, lineNo: Int) throws {
        let tenant = claim.tenant
        try database.cached("""
            INSERT INTO orders (tenant, order_no, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (tenant, order_no) DO UPDATE SET updated_at = max(updated_at, excluded.updated_at)
            """).run(.text(tenant), .text(order), .integer(event.occurredAt))
        if let facts = event.facts {
            try database.cached("""
                UPDATE orders SET channel = ?, channel_ref = ?, ship_to = ?, facts_at = ?
                WHERE tenant = ? AND order_no = ? AND (facts_at IS NULL OR facts_at <= ?)
                """).run(.text(facts.channel), .text(facts.channelRef), .text(facts.shipTo), .integer(event.occurredAt),
                         .text(tenant), .text(order), .integer(event.occurredAt))
        }
        var line = try StoredLine.load(database, tenant: tenant, order: order, lineNo: lineNo)
        line.fold = try folded(line.fold, with: event, subjectKind: "line")
        if let facts = event.facts, event.occurredAt >= (line.factsAt ?? .min) {
            line.factsAt = event.occurredAt
            line.sku = facts.sku ?? line.sku
            line.quantity = facts.quantity ?? line.quantity
            line.channelLineRef = facts.channelLineRef ?? line.channelLineRef
            if let tracking = facts.tracking, tracking != line.tracking {
                try link(tracking: tracking, carrier: facts.carrier)
                line.tracking = tracking
                line.carrier = facts.carrier
                line.shippedAt = event.occurredAt
            }
        }
        try line.save(database, tenant: tenant, order: order, lineNo: lineNo)
        try journal(order)
    }

    /// Links a line to shipment `tracking`; a shipment that held carrier events as an orphan is now known.
    private func link(tracking: String, carrier: String?) throws {
        let tenant = claim.tenant
        let heldEvents = try database.cached("SELECT events FROM shipments WHERE tenant = ? AND tracking = ?")
            .first([.text(tenant), .text(tracking)]) { $0.int(0) } ?? 0
        if heldEvents > 0 {
            let linkedBefore = try database.cached("SELECT 1 FROM lines WHERE tenant = ? AND tracking = ? LIMIT 1")
                .first([.text(tenant), .text(tracking)]) { _ in true } ?? false
            if !linkedBefore { stats.orphansLinked += 1 }
        }
        try database.cached("""
            INSERT INTO shipments (tenant, tracking, carrier, last_event_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (tenant, tracking) DO UPDATE SET carrier = coalesce(shipments.carrier, excluded.carrier)
            """).run(.text(tenant), .text(tracking), .text(carrier), .integer(Int64.min))
    }

    // MARK: shipments

    private func applyToShipment(_ event: StatusEvent, tracking: String) throws {
        let tenant = claim.tenant
        let stored = try database.cached("""
            SELECT rank, flag, terminal, last_event_at FROM shipments WHERE tenant = ? AND tracking = ?
            """).first([.text(tenant), .text(tracking)]) { StoredFold.read($0, from: 0) } ?? LifecycleFold()
        let fold = try folded(stored, with: event, subjectKind: "shipment")
        try database.cached("""
            INSERT INTO shipments (tenant, tracking, carrier, reference, rank, flag, terminal, last_event_at, events)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (tenant, tracking) DO UPDATE SET
                carrier = coalesce(shipments.carrier, excluded.carrier),
                reference = coalesce(excluded.reference, shipments.reference),
                rank = excluded.rank, flag = excluded.flag, terminal = excluded.terminal,
                last_event_at = excluded.last_event_at, events = shipments.events + 1
            """).run([.text(tenant), .text(tracking), .text(event.carrier), .text(event.reference)] + StoredFold.values(fold))
        var linked = false
        try database.cached("SELECT DISTINCT order_no FROM lines WHERE tenant = ? AND tracking = ?")
            .forEachRow([.text(tenant), .text(tracking)]) { row in
                linked = true
                try journal(row.text(0))
            }
        if !linked { stats.orphansHeld += 1 }
    }

    // MARK: shared

    /// `fold` with `event` folded in: incrementally when it is in time order, else by refolding the
    /// subject's whole stored history (which already holds the event).
    private func folded(_ fold: LifecycleFold, with event: StatusEvent, subjectKind: String) throws -> LifecycleFold {
        if fold.accepts(inOrder: event.occurredAt) {
            var next = fold
            next.apply(event.state, at: event.occurredAt)
            return next
        }
        var history: [(state: LifecycleState, occurredAt: Int64)] = []
        try database.cached("SELECT state, occurred_at FROM events WHERE tenant = ? AND subject_kind = ? AND subject = ?")
            .forEachRow([.text(claim.tenant), .text(subjectKind), .text(event.subject.key)]) { row in
                if let state = LifecycleState(rawValue: row.text(0)) { history.append((state, row.int(1))) }
            }
        return LifecycleFold.folding(history)
    }

    private func journal(_ order: String) throws {
        guard journaled.insert(order).inserted else { return }
        try database.cached("INSERT INTO journal (tenant, order_no, drop_id) VALUES (?, ?, ?)")
            .run(.text(claim.tenant), .text(order), .integer(dropID))
    }
}
