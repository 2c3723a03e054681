import PODTrackCore

/// The orders, lines and shipments one drop touches, read from the ledger on first use, changed
/// in place and written back when the drop ends (inside its transaction), in key order. A drop
/// touches the same line or shipment many times (a print log holds every state of every job), so
/// this turns a read and a write per event into one of each per entity; a row the ledger already
/// has is updated, a new one inserted, and one only read (every event of it a duplicate) is not
/// written. Past `capacity` entities it writes back and starts over, so memory stays bounded
/// however large the drop.
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

    /// True when line `key` holds the event at `occurredAt` with `state` and `tag` already.
    func lineHolds(_ key: LineKey, occurredAt: Int64, state: LifecycleState, tag: UInt32) throws -> Bool {
        try inspectLine(key) { $0.lifecycle.holds(occurredAt: occurredAt, state: state, tag: tag) }
    }

    /// True when shipment `tracking` holds the event at `occurredAt` with `state` and `tag` already.
    func shipmentHolds(_ tracking: String, occurredAt: Int64, state: LifecycleState, tag: UInt32) throws -> Bool {
        try inspectShipment(tracking) { $0.lifecycle.holds(occurredAt: occurredAt, state: state, tag: tag) }
    }

    /// Changes order `number` (a new one when the ledger has none).
    func modifyOrder(_ number: String, _ body: (inout StoredOrder) -> Void) throws {
        try Self.modify(&orders, number, new: StoredOrder(), changing: true, body) {
            try statements.selectOrder.first([.text(tenant), .text(number)]) { row in
                StoredOrder(channel: row.optionalText(0), channelRef: row.optionalText(1), shipTo: row.optionalText(2),
                            factsAt: row.optionalInt(3))
            }
        }
    }

    /// Changes line `key` (a new one when the ledger has none).
    func modifyLine<T>(_ key: LineKey, _ body: (inout StoredLine) throws -> T) throws -> T {
        try inspectLine(key, changing: true, body)
    }

    /// Calls `body` with line `key`, which is written back only when `changing`.
    private func inspectLine<T>(_ key: LineKey, changing: Bool = false, _ body: (inout StoredLine) throws -> T) throws -> T {
        try Self.modify(&lines, key, new: StoredLine(), changing: changing, body) {
            try statements.selectLine.first([.text(tenant), .text(key.order), .int(key.line)]) { row in
                StoredLine(lifecycle: SubjectLifecycle(fold: StoredFold.read(row, from: 0), history: EventHistory(bytes: row.blob(12))),
                           facts: LineFacts(sku: row.optionalText(5), quantity: row.optionalInt(6).map(Int.init),
                                            channelLineRef: row.optionalText(7), factsAt: row.optionalInt(8),
                                            tracking: row.optionalText(9), carrier: row.optionalText(10), shippedAt: row.optionalInt(11)))
            }
        }
    }

    /// Changes shipment `tracking` (a new one when the ledger has none).
    func modifyShipment(_ tracking: String, _ body: (inout StoredShipment) -> Void) throws {
        try inspectShipment(tracking, changing: true, body)
    }

    /// Calls `body` with shipment `tracking`, which is written back only when `changing`.
    private func inspectShipment<T>(_ tracking: String, changing: Bool = false, _ body: (inout StoredShipment) throws -> T) throws -> T {
        try Self.modify(&shipments, tracking, new: StoredShipment(), changing: changing, body) {
            try statements.selectShipment.first([.text(tenant), .text(tracking)]) { row in
                StoredShipment(lifecycle: SubjectLifecycle(fold: StoredFold.read(row, from: 0), history: EventHistory(bytes: row.blob(9))),
                               carrier: row.optionalText(5), reference: row.optionalText(6), events: row.int(7), linked: row.int(8) != 0,
                               orders: row.text(10).split(separator: "\n").map(String.init))
            }
        }
    }

    /// Calls `body` with the entity under `key`, read with `load` on first use (`new` when the
    /// ledger has none); `changing` marks it to be written back.
    private static func modify<Key, Entity, T>(_ entities: inout [Key: Cached<Entity>], _ key: Key, new: Entity, changing: Bool,
                                               _ body: (inout Entity) throws -> T, load: () throws -> Entity?) throws -> T {
        if entities[key] == nil {
            entities[key] = try load().map { Cached(stored: $0) } ?? Cached(new: new)
        }
        return try entities[key, default: Cached(new: new)].modify(changing: changing, body)
    }

    /// Past the capacity: writes everything back and starts over. Called between events, never
    /// while an entity is being changed.
    func makeRoom() throws {
        guard orders.count + lines.count + shipments.count > Self.capacity else { return }
        try flush()
    }

    /// Writes every changed entity back, in key order, and forgets them all (the ledger has them now).
    func flush() throws {
        try Self.writeBack(orders) { number, order, isStored in
            try (isStored ? statements.updateOrder : statements.insertOrder).run(
                [.text(order.channel), .text(order.channelRef), .text(order.shipTo), order.factsAt.map(SQLValue.integer) ?? .null,
                 .text(tenant), .text(number)])
        }
        try Self.writeBack(lines) { key, line, isStored in
            line.lifecycle.settle()
            let progress = StoredFold.values(line.lifecycle.fold) + [.blob(line.lifecycle.history.bytes)]
            let keyValues: [SQLValue] = [.text(tenant), .text(key.order), .int(key.line)]
            if isStored, line.facts == line.storedFacts {
                try statements.updateLineProgress.run(progress + keyValues)
                return
            }
            let facts = line.facts
            try (isStored ? statements.updateLine : statements.insertLine).run(progress + [
                .text(facts.sku), .int(facts.quantity), .text(facts.channelLineRef), facts.factsAt.map(SQLValue.integer) ?? .null,
                .text(facts.tracking), .text(facts.carrier), facts.shippedAt.map(SQLValue.integer) ?? .null] + keyValues)
        }
        try Self.writeBack(shipments) { tracking, shipment, isStored in
            shipment.lifecycle.settle()
            try (isStored ? statements.updateShipment : statements.insertShipment).run(StoredFold.values(shipment.lifecycle.fold) + [
                .blob(shipment.lifecycle.history.bytes), .text(shipment.carrier), .text(shipment.reference), .integer(shipment.events),
                .int(shipment.linked ? 1 : 0), .text(shipment.orders.joined(separator: "\n")), .text(tenant), .text(tracking)])
        }
        orders.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        shipments.removeAll(keepingCapacity: true)
    }

    /// Calls `write` with every changed entity, in key order, and whether the ledger has its row
    /// (an UPDATE) or not (an INSERT).
    private static func writeBack<Key: Comparable, Entity>(_ entities: [Key: Cached<Entity>],
                                                           write: (Key, inout Entity, _ isStored: Bool) throws -> Void) throws {
        for (key, cached) in entities.filter(\.value.isChanged).sorted(by: { $0.key < $1.key }) {
            var entity = cached.entity
            try write(key, &entity, cached.isStored)
        }
    }
}

/// An entity as a drop holds it, whether the ledger has its row, and whether the drop changed it.
private struct Cached<Entity> {
    private(set) var entity: Entity
    let isStored: Bool
    private(set) var isChanged = false

    /// A row the ledger has.
    init(stored: Entity) {
        entity = stored
        isStored = true
    }

    /// An entity the ledger has no row of yet.
    init(new: Entity) {
        entity = new
        isStored = false
    }

    mutating func modify<T>(changing: Bool, _ body: (inout Entity) throws -> T) rethrows -> T {
        isChanged = isChanged || changing
        return try body(&entity)
    }
}
