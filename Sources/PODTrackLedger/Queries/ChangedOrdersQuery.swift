import PODTrackCore

/// The orders of a tenant's channel an export covers: those journaled after a sequence number,
/// each with its lines and the shipment row each line names, read with one statement for the
/// whole export, not three per order (`sql`).
struct ChangedOrdersQuery: Sendable {
    /// The journal entries after this one count (0: all, for a snapshot).
    let since: Int64
    let tenant: String
    let channel: String

    /// Calls `body` with each order, once, by order number, read on `database`.
    func forEach(in database: Database, _ body: (OrderView) throws -> Void) throws {
        try forEachOrderRead(in: database) { try body($0.view) }
    }

    /// Calls `body` with each order's rows as read, once, by order number: the view is made of
    /// them where it is needed (`ChangedOrdersAhead` makes it on the preparing thread, the
    /// reading thread being the busier one).
    func forEachOrderRead(in database: Database, _ body: (OrderViewParts) throws -> Void) throws {
        var order: OrderViewParts?
        try database.cached(Self.sql).forEachRow([.integer(since), .text(tenant), .text(channel)]) { row in
            let orderNo = row.text(0)
            if order?.orderNo != orderNo {
                if let order { try body(order) }
                order = OrderViewParts(tenant: tenant, orderNo: orderNo, channel: channel, channelRef: row.text(1))
            }
            guard !row.isNull(Self.lineColumn) else { return }
            order?.addLine(row, from: Self.lineColumn)
            if !row.isNull(Self.shipmentColumn) {
                order?.addShipment(row.text(Self.shipmentColumn), row, from: Self.shipmentColumn + 1)
            }
        }
        if let order { try body(order) }
    }

    /// Where `sql`'s line columns start, and its shipment's (tracking, then the rest).
    private static let lineColumn: Int32 = 2
    private static let shipmentColumn = lineColumn + OrderViewParts.lineColumnCount

    /// The journal is read from the cursor on (all tenants share the sequence, so only the new
    /// entries are read). SQLite walks the journaled numbers as a sorted list and reads each
    /// order's rows by key, so the pages of the orders, lines and shipments tables are visited in
    /// order, each about once, and nothing is sorted (the journal's own order jumped across the
    /// whole table, page after page).
    static let sql = """
        SELECT o.order_no, o.channel_ref, \(OrderViewParts.lineColumns("l")), s.tracking, \(OrderViewParts.shipmentColumns("s"))
        FROM orders o
        LEFT JOIN lines l ON l.tenant = o.tenant AND l.order_no = o.order_no
        LEFT JOIN shipments s ON s.tenant = l.tenant AND s.tracking = l.tracking
        WHERE o.tenant = ?2 AND o.order_no IN (SELECT order_no FROM journal WHERE seq > ?1 AND tenant = ?2) AND o.channel = ?3
        ORDER BY o.order_no
        """
}
