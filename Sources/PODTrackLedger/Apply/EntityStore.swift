import PODTrackCore

/// The orders, lines and shipments a batch of drops touches (see `Ledger.batch`), read from the
/// ledger on first use, changed in place and written back when the batch commits, in key order.
/// A line or shipment gets many events, from one drop (a print log holds every state of every
/// job) and from the drops after it (the next day's log, the carrier's files), so this turns a
/// read and a write per event into one of each per entity and batch; a row the ledger already
/// has is updated, a new one inserted. An entity is held only when an event changes it: one read
/// to find an event is a duplicate is let go. Past `capacity` entities it writes back what the
/// drop in progress added and lets go of it, and between drops, past half the capacity, all but
/// the entities changed last (`TouchClock`); so memory stays bounded however large the drop or
/// the batch.
///
/// A drop that fails is undone here as in the ledger: each table keeps what the drop changed as
/// it was before (`HeldEntities`), and `undoDrop` puts it back.
final class EntityStore {
    /// About 20 MB of entities, at roughly half a kilobyte each (heaptrack's peak on the
    /// 200k-order world). A batch
    /// cannot hold all of a big world's lines, but a print log's jobs and a carrier's shipments
    /// are mostly still held when their next drop comes.
    static let defaultCapacity = 40_000

    private let statements: ApplyStatements
    private let capacity: Int
    private var orders: HeldEntities<OrderKey, StoredOrder>
    private var lines: HeldEntities<LineKey, StoredLine>
    private var shipments: HeldEntities<ShipmentKey, StoredShipment>
    /// Where the entities written back are let go of: beside the applying thread, not on it.
    private let released = BackgroundRelease()

    init(statements: ApplyStatements, capacity: Int) {
        self.statements = statements
        self.capacity = capacity
        let clock = TouchClock()
        orders = HeldEntities(clock: clock)
        lines = HeldEntities(clock: clock)
        shipments = HeldEntities(clock: clock)
    }

    /// A drop starts: what it changes can be undone (`undoDrop`) until it ends (`endDrop`).
    /// Called before the drop's savepoint opens. A store past half its capacity first writes
    /// back what the earlier drops changed, all but the quarter of its capacity they changed
    /// last: inside its savepoint a drop writes back only what it added (`makeRoom`), so what
    /// the store held when it began must leave it room, and what the last drops changed is what
    /// the next one most likely changes again (the next day's print log, the carrier's next
    /// file). On the 200k-order world that wrote back 1 467 274 entities instead of 1 586 930.
    func beginDrop() throws {
        if count > capacity / 2 { try writeBack(.touchedBefore(touchTime(keeping: capacity / 4))) }
        orders.beginDrop()
        lines.beginDrop()
        shipments.beginDrop()
    }

    /// The drop committed (its savepoint was released).
    func endDrop() {
        orders.endDrop()
        lines.endDrop()
        shipments.endDrop()
    }

    /// The ledger rolled the drop back: the store is as the drop found it.
    func undoDrop() {
        orders.undoDrop()
        lines.undoDrop()
        shipments.undoDrop()
    }

    /// Forgets everything without writing it: the ledger rolled the batch back.
    func discard() {
        orders.discard()
        lines.discard()
        shipments.discard()
    }

    /// A line held in the store, to change without looking it up again (`modifyLine(_:key:_:)`).
    /// Good until the store next writes back (`makeRoom`, `beginDrop`, `flush`), which lets it go:
    /// the applier changes it for the event it was found for, before the next one.
    typealias HeldLine = HeldEntities<LineKey, StoredLine>.Held
    /// A shipment held in the store (`modifyShipment(_:key:_:)`).
    typealias HeldShipment = HeldEntities<ShipmentKey, StoredShipment>.Held

    /// Line `key`, held and ready to change, when the event at `occurredAt` with `state` and
    /// `tag` is new to it; nil when the line holds that event already. A line read only to find
    /// that out is not kept, so re-delivered snapshot rows take no room.
    func lineForNewEvent(_ key: LineKey, occurredAt: Int64, state: LifecycleState, tag: UInt32) throws -> HeldLine? {
        try Self.heldForNewEvent(&lines, key, new: StoredLine(), \.lifecycle, occurredAt: occurredAt, state: state, tag: tag,
                                 select: statements.selectLine, keyValues: Self.values(of: key), read: Self.line)
    }

    /// Shipment `key`, held and ready to change, when the event is new to it; nil when it holds
    /// the event already (one read only to find that out is not kept).
    func shipmentForNewEvent(_ key: ShipmentKey, occurredAt: Int64, state: LifecycleState, tag: UInt32) throws -> HeldShipment? {
        try Self.heldForNewEvent(&shipments, key, new: StoredShipment(), \.lifecycle, occurredAt: occurredAt, state: state, tag: tag,
                                 select: statements.selectShipment, keyValues: Self.values(of: key), read: Self.shipment)
    }

    /// Changes order `key` (a new one when the ledger has none).
    func modifyOrder(_ key: OrderKey, _ body: (inout StoredOrder) -> Void) throws {
        try orders.modify(key, new: StoredOrder(), load: {
            try statements.selectOrder.first(Self.values(of: key)) { row in
                StoredOrder(channel: row.optionalText(0), channelRef: row.optionalText(1), shipTo: row.optionalText(2),
                            factsAt: row.optionalInt(3))
            }
        }, body)
    }

    /// Changes `line`, which the store holds under `key` (`lineForNewEvent`).
    func modifyLine<T>(_ line: HeldLine, key: LineKey, _ body: (inout StoredLine) throws -> T) rethrows -> T {
        try lines.modify(line, key: key, body)
    }

    /// Changes `shipment`, which the store holds under `key` (`shipmentForNewEvent`).
    func modifyShipment(_ shipment: HeldShipment, key: ShipmentKey, _ body: (inout StoredShipment) -> Void) {
        shipments.modify(shipment, key: key, body)
    }

    /// Changes shipment `key` (a new one when the ledger has none).
    func modifyShipment(_ key: ShipmentKey, _ body: (inout StoredShipment) -> Void) throws {
        try shipments.modify(key, new: StoredShipment(), load: {
            try statements.selectShipment.first(Self.values(of: key)) { Self.shipment($0, Self.lifecycle($0)) }
        }, body)
    }

    /// A key's values, as a select binds them.
    private static func values(of key: some BoundKey) -> [SQLValue] {
        var values: [SQLValue] = []
        key.appendValues(to: &values)
        return values
    }

    /// The lifecycle of a line or shipment row (`ApplyStatements.selectLine`, `selectShipment`:
    /// the fold first, the history last).
    private static func lifecycle(_ row: Statement) -> SubjectLifecycle {
        SubjectLifecycle(fold: StoredFold.read(row, from: 0), history: EventHistory(bytes: row.blob(row.columnCount - 1)))
    }

    private static func line(_ row: Statement, _ lifecycle: SubjectLifecycle) -> StoredLine {
        StoredLine(lifecycle: lifecycle,
                   facts: LineFacts(sku: row.optionalText(5), quantity: row.optionalInt(6).map(Int.init),
                                    channelLineRef: row.optionalText(7), factsAt: row.optionalInt(8),
                                    tracking: row.optionalText(9), carrier: row.optionalText(10), shippedAt: row.optionalInt(11)))
    }

    private static func shipment(_ row: Statement, _ lifecycle: SubjectLifecycle) -> StoredShipment {
        StoredShipment(lifecycle: lifecycle, carrier: row.optionalText(5), reference: row.optionalText(6), events: row.int(7),
                       linked: row.int(8) != 0, orders: row.text(9).split(separator: "\n").map(String.init))
    }

    /// The entity under `key`, held, when the event is new to it; nil when it holds the event.
    /// One the store has not read yet is read and kept only when the event is new (it is about
    /// to change it): the rest of its row is turned into an entity (`read`) only then.
    private static func heldForNewEvent<Key, Entity>(_ entities: inout HeldEntities<Key, Entity>, _ key: Key, new: @autoclosure () -> Entity,
                                                     _ lifecycle: KeyPath<Entity, SubjectLifecycle>,
                                                     occurredAt: Int64, state: LifecycleState, tag: UInt32, select: Statement,
                                                     keyValues: @autoclosure () -> [SQLValue],
                                                     read: (Statement, SubjectLifecycle) -> Entity) throws -> HeldEntities<Key, Entity>.Held? {
        if let held = entities.held(key) {
            return held.entity[keyPath: lifecycle].holds(occurredAt: occurredAt, state: state, tag: tag) ? nil : held
        }
        var isHeld = false
        let stored = try select.first(keyValues()) { row -> Entity? in
            let stored = Self.lifecycle(row)
            isHeld = stored.holds(occurredAt: occurredAt, state: state, tag: tag)
            return isHeld ? nil : read(row, stored)
        }
        guard !isHeld else { return nil }
        if let stored = stored ?? nil {
            return entities.add(key, stored, isStored: true)
        }
        return entities.add(key, new(), isStored: false)
    }

    /// Past the capacity: writes back the entities the drop in progress added and lets go of them,
    /// inside its savepoint, so undoing the drop needs no copy of them; what the store held when
    /// the drop began stays (at most half the capacity, `beginDrop`). Called between events,
    /// never while an entity is being changed.
    func makeRoom() throws {
        guard count > capacity else { return }
        try writeBack(.addedByDrop)
    }

    /// The entities held.
    private var count: Int { orders.count + lines.count + shipments.count }

    /// The time of the store's `TouchClock` from which its `kept` most recently touched entities
    /// were touched: what `WriteBackScope.touchedBefore` takes to keep them (0 when the store
    /// holds no more, `.max` when none are kept).
    private func touchTime(keeping kept: Int) -> UInt64 {
        guard kept > 0 else { return .max }
        var times: [UInt64] = []
        times.reserveCapacity(count)
        orders.appendTouchTimes(to: &times)
        lines.appendTouchTimes(to: &times)
        shipments.appendTouchTimes(to: &times)
        guard times.count > kept else { return 0 }
        times.sort()
        return times[times.count - kept]
    }

    /// Writes every changed entity back, in key order, and forgets them all (the ledger has them
    /// now). Between drops only.
    func flush() throws {
        try writeBack(.touchedBefore(.max))
    }

    /// Writes the entities of `scope` back, in key order, and forgets them.
    private func writeBack(_ scope: WriteBackScope) throws {
        try Self.writeBack(&orders, scope, released: released) { key, order, isStored in
            try write(isStored ? statements.updateOrder : statements.insertOrder, key: key) { row in
                row.append(.text(order.channel))
                row.append(.text(order.channelRef))
                row.append(.text(order.shipTo))
                row.append(order.factsAt.map(SQLValue.integer) ?? .null)
            }
        }
        try Self.writeBack(&lines, scope, released: released) { key, line, isStored in
            line.lifecycle.settle()
            let progressOnly = isStored && !line.factsChanged
            let statement = progressOnly ? statements.updateLineProgress : isStored ? statements.updateLine : statements.insertLine
            try write(statement, key: key) { row in
                StoredFold.append(line.lifecycle.fold, to: &row)
                row.append(.blob(line.lifecycle.history.bytes))
                guard !progressOnly else { return }
                let facts = line.facts
                row.append(.text(facts.sku))
                row.append(.int(facts.quantity))
                row.append(.text(facts.channelLineRef))
                row.append(facts.factsAt.map(SQLValue.integer) ?? .null)
                row.append(.text(facts.tracking))
                row.append(.text(facts.carrier))
                row.append(facts.shippedAt.map(SQLValue.integer) ?? .null)
            }
        }
        try Self.writeBack(&shipments, scope, released: released) { key, shipment, isStored in
            shipment.lifecycle.settle()
            try write(isStored ? statements.updateShipment : statements.insertShipment, key: key) { row in
                StoredFold.append(shipment.lifecycle.fold, to: &row)
                row.append(.blob(shipment.lifecycle.history.bytes))
                row.append(.text(shipment.carrier))
                row.append(.text(shipment.reference))
                row.append(.integer(shipment.events))
                row.append(.int(shipment.linked ? 1 : 0))
                row.append(.text(shipment.orders.joined(separator: "\n")))
            }
        }
    }

    /// The values of the row being written back, one array for every row (`write`).
    private var rowValues: [SQLValue] = []

    /// Runs `statement` with the values `fill` appends, then the key's (`ApplyStatements` binds
    /// the written columns first, the key last), building no array of its own per row.
    private func write(_ statement: Statement, key: some BoundKey, _ fill: (inout [SQLValue]) -> Void) throws {
        rowValues.removeAll(keepingCapacity: true)
        fill(&rowValues)
        key.appendValues(to: &rowValues)
        try statement.run(rowValues)
    }

    /// Takes the entities of `scope` from `entities` and calls `write` with each (each is held
    /// because an event changed it), in key order, and whether the ledger has its row (an
    /// UPDATE) or not (an INSERT); leaves their release to `released`.
    private static func writeBack<Key, Entity>(_ entities: inout HeldEntities<Key, Entity>, _ scope: WriteBackScope,
                                               released: BackgroundRelease,
                                               write: (Key, inout Entity, _ isStored: Bool) throws -> Void) throws {
        let (inKeyOrder, table) = entities.take(scope)
        for (key, held) in inKeyOrder { try write(key, &held.entity, held.isStored) }
        released.release((consume inKeyOrder, consume table))
    }
}
