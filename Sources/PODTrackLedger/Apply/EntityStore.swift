import PODTrackCore

/// The orders, lines and shipments one drop touches, read from the ledger on first use, changed
/// in place and written back when the drop ends (inside its transaction), in key order. A drop
/// touches the same line or shipment many times (a print log holds every state of every job), so
/// this turns a read and a write per event into one of each per entity; a row the ledger already
/// has is updated, a new one inserted. Past `capacity` entities it writes back and starts over,
/// so memory stays bounded however large the drop.
final class EntityStore {
    static let capacity = 20_000

    private let tenant: String
    private let statements: ApplyStatements
    private var orders: [String: Cached<StoredOrder>] = [:]
    private var lines: [LineKey: Cached<StoredLine>] = [:]
    private var shipments: [String: Cached<StoredShipment>] = [:]

    init(tenant: String, statements: ApplyStatements) {
        self.tenant = tenant
        self.statements = statements
    }

    /// Changes order `number` (a new one when the ledger has none).
    func modifyOrder(_ number: String, _ body: (inout StoredOrder) -> Void) throws {
        if orders[number] == nil {
            let stored = try statements.selectOrder.first([.text(tenant), .text(number)]) { row in
                StoredOrder(channel: row.optionalText(0), channelRef: row.optionalText(1), shipTo: row.optionalText(2),
                            factsAt: row.optionalInt(3))
            }
            orders[number] = Cached(stored, else: StoredOrder())
        }
        orders[number, default: Cached(nil, else: StoredOrder())].modify(body)
    }

    /// Changes line `key` (a new one when the ledger has none).
    func modifyLine<T>(_ key: LineKey, _ body: (inout StoredLine) throws -> T) throws -> T {
        if lines[key] == nil {
            let stored = try statements.selectLine.first([.text(tenant), .text(key.order), .int(key.line)]) { row in
                StoredLine(lifecycle: SubjectLifecycle(fold: StoredFold.read(row, from: 0), history: EventHistory(text: row.text(12))), sku: row.optionalText(5),
                           quantity: row.optionalInt(6).map(Int.init), channelLineRef: row.optionalText(7), factsAt: row.optionalInt(8),
                           tracking: row.optionalText(9), carrier: row.optionalText(10), shippedAt: row.optionalInt(11))
            }
            lines[key] = Cached(stored, else: StoredLine())
        }
        return try lines[key, default: Cached(nil, else: StoredLine())].modify(body)
    }

    /// Shipment `tracking` as the ledger or this drop has it, if any.
    func shipment(_ tracking: String) throws -> StoredShipment? {
        try loadShipment(tracking)
        return shipments[tracking]?.entity
    }

    /// Changes shipment `tracking` (a new one when the ledger has none).
    func modifyShipment(_ tracking: String, _ body: (inout StoredShipment) -> Void) throws {
        try loadShipment(tracking)
        shipments[tracking, default: Cached(nil, else: StoredShipment())].modify(body)
    }

    private func loadShipment(_ tracking: String) throws {
        guard shipments[tracking] == nil else { return }
        let stored = try statements.selectShipment.first([.text(tenant), .text(tracking)]) { row in
            StoredShipment(lifecycle: SubjectLifecycle(fold: StoredFold.read(row, from: 0), history: EventHistory(text: row.text(9))),
                           carrier: row.optionalText(5),
                           reference: row.optionalText(6), events: row.int(7), linked: row.int(8) != 0,
                           orders: row.text(10).split(separator: "\n").map(String.init))
        }
        if let stored { shipments[tracking] = Cached(stored) }
    }

    /// Past the capacity: writes everything back and forgets it (the ledger has it now). Called
    /// between events, never while an entity is being changed.
    func makeRoom() throws {
        guard orders.count + lines.count + shipments.count > Self.capacity else { return }
        try flush()
        orders.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        shipments.removeAll(keepingCapacity: true)
    }

    /// Writes every changed entity back, in key order.
    func flush() throws {
        for (number, cached) in orders.filter(\.value.isDirty).sorted(by: { $0.key < $1.key }) {
            let order = cached.entity
            try (cached.isStored ? statements.updateOrder : statements.insertOrder).run([
                .text(order.channel), .text(order.channelRef), .text(order.shipTo), order.factsAt.map(SQLValue.integer) ?? .null,
                .text(tenant), .text(number)])
            orders[number]?.markWritten()
        }
        for (key, cached) in lines.filter(\.value.isDirty).sorted(by: { $0.key < $1.key }) {
            var line = cached.entity
            line.lifecycle.settle()
            try (cached.isStored ? statements.updateLine : statements.insertLine).run(StoredFold.values(line.lifecycle.fold) + [
                .text(line.sku), .int(line.quantity), .text(line.channelLineRef), line.factsAt.map(SQLValue.integer) ?? .null,
                .text(line.tracking), .text(line.carrier), line.shippedAt.map(SQLValue.integer) ?? .null, .text(line.lifecycle.history.text),
                .text(tenant), .text(key.order), .int(key.line)])
            lines[key]?.markWritten()
        }
        for (tracking, cached) in shipments.filter(\.value.isDirty).sorted(by: { $0.key < $1.key }) {
            var shipment = cached.entity
            shipment.lifecycle.settle()
            try (cached.isStored ? statements.updateShipment : statements.insertShipment).run(StoredFold.values(shipment.lifecycle.fold) + [
                .text(shipment.carrier), .text(shipment.reference), .integer(shipment.events), .int(shipment.linked ? 1 : 0),
                .text(shipment.lifecycle.history.text), .text(shipment.orders.joined(separator: "\n")), .text(tenant), .text(tracking)])
            shipments[tracking]?.markWritten()
        }
    }
}

/// An entity as a drop holds it: whether the ledger has its row, and whether the drop changed it.
private struct Cached<Entity> {
    private(set) var entity: Entity
    private(set) var isStored: Bool
    private(set) var isDirty = false

    init(_ stored: Entity) {
        entity = stored
        isStored = true
    }

    init(_ stored: Entity?, else new: Entity) {
        entity = stored ?? new
        isStored = stored != nil
    }

    mutating func modify<T>(_ body: (inout Entity) throws -> T) rethrows -> T {
        isDirty = true
        return try body(&entity)
    }

    mutating func markWritten() {
        isStored = true
        isDirty = false
    }
}
