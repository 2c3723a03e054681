import PODTrackCore

/// The orders, lines and shipments one drop touches, read from the ledger on first use and
/// written back when the drop ends (inside its transaction), in key order. A drop touches the
/// same line or shipment many times (a print log holds every state of every job), so this turns
/// a read and a write per event into one of each per entity. Past `capacity` entities it writes
/// back and starts over, so memory stays bounded however large the drop.
final class EntityStore {
    static let capacity = 20_000

    private let tenant: String
    private let statements: ApplyStatements
    private(set) var orders: [String: StoredOrder] = [:]
    private(set) var lines: [LineKey: StoredLine] = [:]
    private(set) var shipments: [String: StoredShipment] = [:]
    private var dirtyOrders: Set<String> = []
    private var dirtyLines: Set<LineKey> = []
    private var dirtyShipments: Set<String> = []

    init(tenant: String, statements: ApplyStatements) {
        self.tenant = tenant
        self.statements = statements
    }

    func order(_ number: String) throws -> StoredOrder {
        if let order = orders[number] { return order }
        let order = try statements.selectOrder.first([.text(tenant), .text(number)]) { row in
            StoredOrder(channel: row.optionalText(0), channelRef: row.optionalText(1), shipTo: row.optionalText(2),
                        factsAt: row.optionalInt(3), updatedAt: row.int(4))
        } ?? StoredOrder()
        orders[number] = order
        return order
    }

    func line(_ key: LineKey) throws -> StoredLine {
        if let line = lines[key] { return line }
        let line = try statements.selectLine.first([.text(tenant), .text(key.order), .int(key.line)]) { row in
            StoredLine(fold: StoredFold.read(row, from: 0), sku: row.optionalText(5), quantity: row.optionalInt(6).map(Int.init),
                       channelLineRef: row.optionalText(7), factsAt: row.optionalInt(8), tracking: row.optionalText(9),
                       carrier: row.optionalText(10), shippedAt: row.optionalInt(11))
        } ?? StoredLine()
        lines[key] = line
        return line
    }

    func shipment(_ tracking: String) throws -> StoredShipment? {
        if let shipment = shipments[tracking] { return shipment }
        let shipment = try statements.selectShipment.first([.text(tenant), .text(tracking)]) { row in
            StoredShipment(fold: StoredFold.read(row, from: 0), carrier: row.optionalText(5), reference: row.optionalText(6),
                           events: row.int(7), linked: row.int(8) != 0)
        }
        if let shipment { shipments[tracking] = shipment }
        return shipment
    }

    func put(_ order: StoredOrder, _ number: String) throws {
        orders[number] = order
        dirtyOrders.insert(number)
        try bound()
    }

    func put(_ line: StoredLine, _ key: LineKey) throws {
        lines[key] = line
        dirtyLines.insert(key)
        try bound()
    }

    func put(_ shipment: StoredShipment, _ tracking: String) throws {
        shipments[tracking] = shipment
        dirtyShipments.insert(tracking)
        try bound()
    }

    /// Past the capacity: writes everything back and forgets it (the ledger has it now).
    private func bound() throws {
        guard orders.count + lines.count + shipments.count > Self.capacity else { return }
        try flush()
        orders.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        shipments.removeAll(keepingCapacity: true)
    }

    /// Writes every changed entity back.
    func flush() throws {
        for number in dirtyOrders.sorted() {
            guard let order = orders[number] else { continue }
            try statements.upsertOrder.run([.text(tenant), .text(number), .text(order.channel), .text(order.channelRef),
                                            .text(order.shipTo), order.factsAt.map(SQLValue.integer) ?? .null, .integer(order.updatedAt)])
        }
        for key in dirtyLines.sorted() {
            guard let line = lines[key] else { continue }
            try statements.upsertLine.run([.text(tenant), .text(key.order), .int(key.line)] + StoredFold.values(line.fold)
                                          + [.text(line.sku), .int(line.quantity), .text(line.channelLineRef),
                                             line.factsAt.map(SQLValue.integer) ?? .null, .text(line.tracking), .text(line.carrier),
                                             line.shippedAt.map(SQLValue.integer) ?? .null])
        }
        for tracking in dirtyShipments.sorted() {
            guard let shipment = shipments[tracking] else { continue }
            try statements.upsertShipment.run([.text(tenant), .text(tracking), .text(shipment.carrier), .text(shipment.reference)]
                                              + StoredFold.values(shipment.fold) + [.integer(shipment.events), .int(shipment.linked ? 1 : 0)])
        }
        dirtyOrders.removeAll()
        dirtyLines.removeAll()
        dirtyShipments.removeAll()
    }
}
