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
    /// Key prefixes of this drop's tenant and source kind (see `DedupeKey`).
    private let eventKeyPrefix: DedupeKey
    private let subjectKeyPrefixes: (line: DedupeKey, shipment: DedupeKey)
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
        self.eventKeyPrefix = DedupeKey().adding(claim.tenant).adding(sourceKind.rawValue)
        let tenantKey = DedupeKey().adding(claim.tenant)
        self.subjectKeyPrefixes = (tenantKey.adding("line"), tenantKey.adding("shipment"))
    }

    public func reject(_ row: RejectedRow) throws {
        stats.rejected += 1
        try statements.insertReject.run(.integer(dropID), .int(row.line), .text(row.field), .text(row.reason), .text(row.rawText))
    }

    public func accept(_ event: StatusEvent) throws {
        let subject = event.subject.key
        let dedupe = eventKeyPrefix.adding(subject).adding(event.state.rawValue).adding(event.discriminator).value
        let subjectKey: Int64
        switch event.subject {
        case .line: subjectKey = subjectKeyPrefixes.line.adding(subject).value
        case .shipment: subjectKey = subjectKeyPrefixes.shipment.adding(subject).value
        }
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
        let history = SubjectHistory(kind: event.subject.kind, subject: subject, key: subjectKey)
        switch event.subject {
        case .line(let order, let line): try applyToLine(event, key: LineKey(order: order, line: line), history: history)
        case .shipment(let tracking): try applyToShipment(event, tracking: tracking, history: history)
        }
    }

    /// Writes the drop's entities back; called once after the last event.
    func finish() throws {
        try store.flush()
    }

    // MARK: lines

    private func applyToLine(_ event: StatusEvent, key: LineKey, history: SubjectHistory) throws {
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
        line.fold = try folded(line.fold, with: event, history: history)
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

    private func applyToShipment(_ event: StatusEvent, tracking: String, history: SubjectHistory) throws {
        var shipment = try store.shipment(tracking) ?? StoredShipment()
        shipment.fold = try folded(shipment.fold, with: event, history: history)
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
    private func folded(_ fold: LifecycleFold, with event: StatusEvent, history subject: SubjectHistory) throws -> LifecycleFold {
        if fold.canApply(event.state, at: event.occurredAt) {
            var next = fold
            next.apply(event.state, at: event.occurredAt)
            return next
        }
        var history: [(state: LifecycleState, occurredAt: Int64)] = []
        try statements.historyOfSubject.forEachRow([.integer(subject.key), .text(claim.tenant), .text(subject.kind), .text(subject.subject)]) { row in
            if let state = LifecycleState(rawValue: row.text(0)) { history.append((state, row.int(1))) }
        }
        return LifecycleFold.folding(history)
    }

    private func journal(_ order: String) throws {
        guard journaled.insert(order).inserted else { return }
        try statements.insertJournal.run(.text(claim.tenant), .text(order), .integer(dropID))
    }
}

/// Where a subject's stored history is found: its kind, its text and its key.
private struct SubjectHistory {
    let kind: String
    let subject: String
    let key: Int64
}
