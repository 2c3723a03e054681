import PODTrackCore

/// Applies one drop's events to the ledger, inside the drop's savepoint of a batch (see `Ledger.applyDrop`).
///
/// Each new event is stored once and added to its line's or shipment's lifecycle (see
/// `SubjectLifecycle`); an event the subject's history holds already is a duplicate (see
/// `DedupeKey`). Entities are changed in the ledger's `EntityStore`, which writes them back when
/// the batch of drops commits. Every order an event touches is journaled once, for the storefront
/// exports, unless an earlier drop of the pass journaled it after the last export (see `JournaledOrders`).
///
/// A shipment lists the orders whose lines named it, so a carrier event finds its orders on the
/// shipment's own row. The digests of the drop's records go to the source's memory as they come
/// (`RecordMemoryWriter`).
public final class DropApplier: DropOutput {
    private let statements: ApplyStatements
    private let dropID: Int64
    private let claim: DropClaim
    private let store: EntityStore
    private let events: EventAppender
    /// The key prefix of this drop's tenant and source kind (see `DedupeKey`).
    private let eventKeyPrefix: DedupeKey
    /// The orders journaled since the last export, by earlier drops and this one.
    private(set) var journaled: JournaledOrders.DropJournal
    /// Where the digests of the drop's records go (`RecordMemory`).
    private let memory: RecordMemoryWriter
    public private(set) var stats = ApplyStats()

    init(statements: ApplyStatements, store: EntityStore, events: EventAppender, dropID: Int64, claim: DropClaim, sourceKind: SourceKind,
         journaled: JournaledOrders.DropJournal, memory: RecordMemoryWriter) {
        self.statements = statements
        self.memory = memory
        self.store = store
        self.events = events
        self.journaled = journaled
        self.dropID = dropID
        self.claim = claim
        self.eventKeyPrefix = DedupeKey().adding(claim.tenant).adding(sourceKind.rawValue)
    }

    public func reject(_ row: RejectedRow) throws {
        stats.rejected += 1
        try statements.insertReject.run(.integer(dropID), .int(row.line), .text(row.field), .text(row.reason), .text(row.rawText))
    }

    public func remember(_ digest: RecordDigest) throws {
        try memory.add(digest)
    }

    /// Writes what is left of the drop's memory.
    func finishMemory() throws {
        try memory.finish()
    }

    public func accept(_ event: StatusEvent) throws {
        let tag = eventKeyPrefix.adding(event.subject).adding(event.state.rawValue).adding(event.discriminator).tag
        try store.makeRoom()
        switch event.subject {
        case .line(let order, let line):
            let key = LineKey(tenant: claim.tenant, order: order, line: line)
            guard let held = try store.lineForNewEvent(key, occurredAt: event.occurredAt, state: event.state, tag: tag) else {
                stats.eventsDuplicate += 1
                return
            }
            try applyToLine(event, entry: insert(event, tag: tag), line: held, key: key)
        case .shipment(let tracking):
            let key = ShipmentKey(tenant: claim.tenant, tracking: tracking)
            guard let held = try store.shipmentForNewEvent(key, occurredAt: event.occurredAt, state: event.state, tag: tag) else {
                stats.eventsDuplicate += 1
                return
            }
            try applyToShipment(event, entry: insert(event, tag: tag), shipment: held, key: key)
        }
    }

    /// Appends a new event to the events table; returns its history entry.
    private func insert(_ event: StatusEvent, tag: UInt32) throws -> EventHistory.Entry {
        let id = try events.append(event, dropID: dropID)
        stats.eventsNew += 1
        return EventHistory.Entry(id: id, occurredAt: event.occurredAt, state: event.state, tag: tag)
    }

    // MARK: lines

    private func applyToLine(_ event: StatusEvent, entry: EventHistory.Entry, line held: EntityStore.HeldLine, key: LineKey) throws {
        // The order row holds what the ERP says of the order; only ERP rows change it (an order's
        // latest event time is its lines' and shipments', read with them).
        if let facts = event.facts {
            try store.modifyOrder(OrderKey(tenant: claim.tenant, number: key.order)) { order in
                guard event.occurredAt >= (order.factsAt ?? .min) else { return }
                order.channel = facts.channel
                order.channelRef = facts.channelRef
                order.shipTo = facts.shipTo
                order.factsAt = event.occurredAt
            }
        }
        let shippedIn = store.modifyLine(held, key: key) { line -> (tracking: String, carrier: String?)? in
            line.lifecycle.add(entry)
            guard let facts = event.facts, event.occurredAt >= (line.facts.factsAt ?? .min) else { return nil }
            line.facts.factsAt = event.occurredAt
            line.facts.sku = facts.sku ?? line.facts.sku
            line.facts.quantity = facts.quantity ?? line.facts.quantity
            line.facts.channelLineRef = facts.channelLineRef ?? line.facts.channelLineRef
            guard let tracking = facts.tracking, tracking != line.facts.tracking else { return nil }
            line.facts.tracking = tracking
            line.facts.carrier = facts.carrier
            line.facts.shippedAt = event.occurredAt
            return (tracking, facts.carrier)
        }
        if let shippedIn { try link(tracking: shippedIn.tracking, carrier: shippedIn.carrier, order: key.order) }
        try journal(key.order)
    }

    /// Links a line of `order` to shipment `tracking`; a shipment that held carrier events as an
    /// orphan is now known.
    private func link(tracking: String, carrier: String?, order: String) throws {
        try store.modifyShipment(ShipmentKey(tenant: claim.tenant, tracking: tracking)) { shipment in
            if shipment.events > 0, !shipment.linked { stats.orphansLinked += 1 }
            shipment.linked = true
            shipment.carrier = shipment.carrier ?? carrier
            if !shipment.orders.contains(order) { shipment.orders.append(order) }
        }
    }

    // MARK: shipments

    private func applyToShipment(_ event: StatusEvent, entry: EventHistory.Entry, shipment held: EntityStore.HeldShipment,
                                 key: ShipmentKey) throws {
        var orders: [String] = []
        store.modifyShipment(held, key: key) { shipment in
            shipment.lifecycle.add(entry)
            shipment.carrier = shipment.carrier ?? event.carrier
            shipment.reference = event.reference ?? shipment.reference
            shipment.events += 1
            orders = shipment.orders
        }
        if orders.isEmpty { stats.orphansHeld += 1 }
        for order in orders { try journal(order) }
    }

    // MARK: shared

    private func journal(_ order: String) throws {
        guard journaled.add(order) else { return }
        try statements.insertJournal.run(.text(claim.tenant), .text(order), .integer(dropID))
    }
}
