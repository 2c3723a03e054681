import PODTrackCore

/// Reads one order with its lines and shipments from the ledger, as the export formats need it.
/// Its statements are prepared once, for loading many orders in a row.
struct OrderViewLoader {
    private let header: Statement
    private let lines: Statement
    private let shipment: Statement

    init(database: Database) throws {
        header = try database.cached("SELECT channel, channel_ref FROM orders WHERE tenant = ? AND order_no = ?")
        lines = try database.cached("""
            SELECT \(OrderViewParts.lineColumns("l")) FROM lines l WHERE l.tenant = ? AND l.order_no = ?
            """)
        shipment = try database.cached("SELECT \(OrderViewParts.shipmentColumns("s")) FROM shipments s WHERE s.tenant = ? AND s.tracking = ?")
    }

    func load(tenant: String, orderNo: String) throws -> OrderView? {
        guard let header = try header.first([.text(tenant), .text(orderNo)], {
                  (channel: $0.optionalText(0), ref: $0.text(1))
              }),
              let channel = header.channel
        else { return nil }
        var parts = OrderViewParts(tenant: tenant, orderNo: orderNo, channel: channel, channelRef: header.ref)
        try lines.forEachRow([.text(tenant), .text(orderNo)]) { parts.addLine($0, from: 0) }
        for tracking in parts.trackings {
            try shipment.forEachRow([.text(tenant), .text(tracking)]) { parts.addShipment(tracking, $0, from: 0) }
        }
        return parts.view
    }
}
