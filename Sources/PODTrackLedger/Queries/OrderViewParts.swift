import PODTrackCore

/// An order's view as its rows are read: the order's header, its lines (in any order: the view
/// puts them in line order) and the shipment rows of their tracking numbers. Shared by
/// `OrderViewLoader` (one order, three queries) and `StorefrontExport` (every changed order, one
/// joined query).
struct OrderViewParts: Sendable {
    let tenant: String
    let orderNo: String
    let channel: String
    let channelRef: String
    private var lines: [LineView] = []
    /// The shipment rows the ledger has, by tracking number.
    private var shipments: [String: (carrier: String?, fold: LifecycleFold)] = [:]

    init(tenant: String, orderNo: String, channel: String, channelRef: String) {
        self.tenant = tenant
        self.orderNo = orderNo
        self.channel = channel
        self.channelRef = channelRef
    }

    private static let lineColumnNames =
        ["line_no", "sku", "quantity", "channel_line_ref"] + StoredFold.columnNames + ["tracking", "carrier", "shipped_at"]
    /// How many columns `lineColumns` names.
    static let lineColumnCount = Int32(lineColumnNames.count)

    /// The columns `addLine` reads, from a `lines` table aliased `alias`.
    static func lineColumns(_ alias: String) -> String {
        lineColumnNames.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// The columns `addShipment` reads, from a `shipments` table aliased `alias`.
    static func shipmentColumns(_ alias: String) -> String {
        (["carrier"] + StoredFold.columnNames).map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// Adds the line whose `lineColumns` start at `column` of `row`.
    mutating func addLine(_ row: Statement, from column: Int32) {
        lines.append(LineView(lineNo: Int(row.int(column)), sku: row.text(column + 1), quantity: Int(row.int(column + 2)),
                              channelLineRef: row.text(column + 3), fold: StoredFold.read(row, from: column + 4),
                              tracking: row.optionalText(column + 9), carrier: row.optionalText(column + 10),
                              shippedAt: row.optionalInt(column + 11)))
    }

    /// Adds the shipment row of `tracking`, whose `shipmentColumns` start at `column` of `row`.
    mutating func addShipment(_ tracking: String, _ row: Statement, from column: Int32) {
        shipments[tracking] = (row.optionalText(column), StoredFold.read(row, from: column + 1))
    }

    /// The tracking numbers the lines name, each once, in order.
    var trackings: [String] { Set(lines.compactMap(\.tracking)).sorted() }

    /// The order's view: a shipment the ledger has no row of yet shows as a label without scans,
    /// with the carrier its line names; the order's latest change is its newest event, of a line
    /// or of a shipment.
    var view: OrderView {
        let shipmentViews = trackings.map { tracking in
            let carrierOfLine = lines.first { $0.tracking == tracking }?.carrier
            let stored = shipments[tracking]
            return ShipmentView(tracking: tracking, carrier: stored?.carrier ?? carrierOfLine ?? "", fold: stored?.fold ?? LifecycleFold())
        }
        let updatedAt = (lines.map(\.fold.lastEventAt) + shipmentViews.map(\.fold.lastEventAt)).max() ?? .min
        return OrderView(tenant: tenant, orderNo: orderNo, channel: channel, channelRef: channelRef,
                         lines: lines.sorted { $0.lineNo < $1.lineNo }, shipments: shipmentViews, updatedAt: updatedAt)
    }
}
