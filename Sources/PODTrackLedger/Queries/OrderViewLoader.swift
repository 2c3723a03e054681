import PODTrackCore

/// Reads an order with its lines and shipments from the ledger, as the export formats need it.
/// Its statements are prepared once, for loading many orders in a row.
struct OrderViewLoader {
    private let header: Statement
    private let lines: Statement
    private let shipment: Statement

    init(database: Database) throws {
        header = try database.cached("SELECT channel, channel_ref FROM orders WHERE tenant = ? AND order_no = ?")
        lines = try database.cached("""
            SELECT line_no, sku, quantity, channel_line_ref, \(StoredFold.columns), tracking, carrier, shipped_at
            FROM lines WHERE tenant = ? AND order_no = ? ORDER BY line_no
            """)
        shipment = try database.cached("SELECT carrier, \(StoredFold.columns) FROM shipments WHERE tenant = ? AND tracking = ?")
    }

    func load(tenant: String, orderNo: String) throws -> OrderView? {
        guard let header = try header.first([.text(tenant), .text(orderNo)], {
                  (channel: $0.optionalText(0), ref: $0.text(1))
              }),
              let channel = header.channel
        else { return nil }
        var lineViews: [LineView] = []
        try lines.forEachRow([.text(tenant), .text(orderNo)]) { row in
            lineViews.append(LineView(lineNo: Int(row.int(0)), sku: row.text(1), quantity: Int(row.int(2)),
                                      channelLineRef: row.text(3), fold: StoredFold.read(row, from: 4),
                                      tracking: row.optionalText(9), carrier: row.optionalText(10), shippedAt: row.optionalInt(11)))
        }
        var shipments: [ShipmentView] = []
        // The order's latest change: its newest event, of a line or of a shipment.
        var updatedAt = lineViews.map(\.fold.lastEventAt).max() ?? .min
        for tracking in Set(lineViews.compactMap(\.tracking)).sorted() {
            let carrierOfLine = lineViews.first { $0.tracking == tracking }?.carrier
            let shipment = try shipment.first([.text(tenant), .text(tracking)]) { row in
                ShipmentView(tracking: tracking, carrier: row.optionalText(0) ?? carrierOfLine ?? "",
                             fold: StoredFold.read(row, from: 1))
            } ?? ShipmentView(tracking: tracking, carrier: carrierOfLine ?? "", fold: LifecycleFold())
            updatedAt = max(updatedAt, shipment.fold.lastEventAt)
            shipments.append(shipment)
        }
        return OrderView(tenant: tenant, orderNo: orderNo, channel: channel, channelRef: header.ref,
                         lines: lineViews, shipments: shipments, updatedAt: updatedAt)
    }
}
