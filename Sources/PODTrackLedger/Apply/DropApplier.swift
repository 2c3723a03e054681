import PODTrackCore

/// Applies one drop's events to the ledger, inside the drop's transaction (see `Ledger.applyDrop`).
///
/// Each new event is stored once (see `DedupeKey`), then folded into its line or shipment: in time
/// order incrementally, or by refolding the subject's whole stored history when it arrives late.
/// Entities are kept in an `EntityStore` for the drop and written back by `finish`. Every order an
/// event touches is journaled once per drop, for the storefront exports.
///
/// A drop comes from one source, so it changes either lines (ERP, print) or shipments (carrier):
/// what it reads of the other kind is never stale.
public final class DropApplier: DropOutput {
    private let statements: ApplyStatements
    private let dropID: Int64
    private let claim: DropClaim
    private let sourceKind: SourceKind
    private let store: EntityStore
    private var journaled: Set<String> = []
    /// Orders whose lines a tracking number links, as read once per drop (carrier drops change no lines).
    private var ordersByTracking: [String: [String]] = [:]
    public private(set) var stats = ApplyStats()

    init(statements: ApplyStatements, dropID: Int64, claim: DropClaim, sourceKind: SourceKind) {
        self.statements = statements
        self.dropID = dropID
        self.claim = claim
        self.sourceKind = sourceKind
        self.store = EntityStore(tenant: claim.tenant, statements: statements)
    }

    public func reject(_ row: RejectedRow) throws {
        stats.rejected += 1
        try statements.insertReject.run(.integer(dropID), .int(row.line), .text(row.field), .text(row.reason), .text(row.rawText))
    }

    public func accept(_ event: StatusEvent) throws {
        let subject = event.subject.key
        let dedupe = DedupeKey.of(tenant: claim.tenant, sourceKind: sourceKind.rawValue, subject: subject,
                                  state: event.state.rawValue, discriminator: event.discriminator)
        let subjectKey = DedupeKey.subject(tenant: claim.tenant, kind: event.subject.kind, subject: subject)
        try statements.insertEvent.run(.integer(event.occurredAt), .integer(dedupe), .integer(subjectKey), .text(claim.tenant),
                                       .text(sourceKind.rawValue),
                                       .text(event.subject.kind), .text(subject), .text(event.state.rawValue),
                                       .text(event.discriminator), .text(claim.source), .integer(dropID), .int(event.line),
                                       .text(event.rawWord))
        guard statements.database.changes > 0 else {
            stats.eventsDuplicate += 1
            return
        }
        stats.eventsNew += 1
        switch event.subject {
        case .line(let order, let line): try applyToLine(event, key: LineKey(order: order, line: line))
        case .shipment(let tracking): try applyToShipment(event, tracking: tracking)
        }
    }

    /// Writes the drop's entities back; called once after the last event.
    func finish() throws {
        try store.flush()
    }

    // MARK: lines

    private func applyToLine(_ event: StatusEvent, key: LineKey) throws {
        var order = try store.order(key.order)
        order.updatedAt = max(order.updatedAt, event.occurredAt)
        if let facts = event.facts, event.occurredAt >= (order.factsAt ?? .min) {
            order.channel = facts.channel
            order.channelRef = facts.channelRef
            order.shipTo = facts.shipTo
            order.factsAt = event.occurredAt
        }
        try store.put(order, key.order)

        var line = try store.line(key)
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
        try store.put(line, key)
        try journal(key.order)
    }

    /// Links a line to shipment `tracking`; a shipment that held carrier events as an orphan is now known.
    private func link(tracking: String, carrier: String?) throws {
        var shipment = try store.shipment(tracking) ?? StoredShipment()
        guard !shipment.linked || shipment.carrier == nil else { return }
        if shipment.events > 0, !shipment.linked { stats.orphansLinked += 1 }
        shipment.linked = true
        shipment.carrier = shipment.carrier ?? carrier
        try store.put(shipment, tracking)
    }

    // MARK: shipments

    private func applyToShipment(_ event: StatusEvent, tracking: String) throws {
        var shipment = try store.shipment(tracking) ?? StoredShipment()
        shipment.fold = try folded(shipment.fold, with: event, subjectKind: "shipment")
        shipment.carrier = shipment.carrier ?? event.carrier
        shipment.reference = event.reference ?? shipment.reference
        shipment.events += 1
        try store.put(shipment, tracking)
        let orders = try linkedOrders(tracking)
        if orders.isEmpty { stats.orphansHeld += 1 }
        for order in orders { try journal(order) }
    }

    private func linkedOrders(_ tracking: String) throws -> [String] {
        if let orders = ordersByTracking[tracking] { return orders }
        var orders: [String] = []
        try statements.ordersOfTracking.forEachRow([.text(claim.tenant), .text(tracking)]) { orders.append($0.text(0)) }
        ordersByTracking[tracking] = orders
        return orders
    }

    // MARK: shared

    /// `fold` with `event` folded in: incrementally when that gives the time-ordered answer (see
    /// `LifecycleFold.canApply`), else by refolding the subject's whole stored history (which
    /// already holds the event).
    private func folded(_ fold: LifecycleFold, with event: StatusEvent, subjectKind: String) throws -> LifecycleFold {
        if fold.canApply(event.state, at: event.occurredAt) {
            var next = fold
            next.apply(event.state, at: event.occurredAt)
            return next
        }
        var history: [(state: LifecycleState, occurredAt: Int64)] = []
        let key = DedupeKey.subject(tenant: claim.tenant, kind: subjectKind, subject: event.subject.key)
        try statements.historyOfSubject.forEachRow([.integer(key), .text(claim.tenant), .text(subjectKind), .text(event.subject.key)]) { row in
            if let state = LifecycleState(rawValue: row.text(0)) { history.append((state, row.int(1))) }
        }
        return LifecycleFold.folding(history)
    }

    private func journal(_ order: String) throws {
        guard journaled.insert(order).inserted else { return }
        try statements.insertJournal.run(.text(claim.tenant), .text(order), .integer(dropID))
    }
}
