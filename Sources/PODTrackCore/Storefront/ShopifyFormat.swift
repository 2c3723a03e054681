/// Shopify fulfillment status CSV: one row per shipment, or one row for an order without shipment.
public struct ShopifyFormat: ExportFormat {
    public let filePrefix = "shopify"
    public let fileExtension = "csv"
    public let delimiter: Character = ","
    public let header = ["order_name", "fulfillment_status", "shipment_status", "tracking_company", "tracking_number",
                         "tracking_url", "line_items", "updated_at"]
    public let sendsEachRowOnce = false

    public init() {}

    public func rows(for order: OrderView, storefront: StorefrontDefinition) -> [ExportRow] {
        let rollup = order.rollup
        let fulfillment = storefront.orderStatus[rollup] ?? rollup.rawValue
        let updatedAt = UTCText.iso8601(order.updatedAt)
        let updatedColumn: Set<Int> = [7]
        guard !order.shipments.isEmpty else {
            return [ExportRow(key: order.orderNo, cells: [order.channelRef, fulfillment, "", "", "", "", lineItems(order.lines), updatedAt],
                              volatileCells: updatedColumn, isStorefrontDefault: rollup == .open)]
        }
        return order.shipments.map { shipment in
            let carrier = storefront.carrier(shipment.carrier)
            let state = shipment.visibleState
            let url = carrier.trackingURL(for: shipment.tracking) ?? ""
            return ExportRow(key: "\(order.orderNo)|\(shipment.tracking)",
                             cells: [order.channelRef, fulfillment, storefront.shipmentStatus[state] ?? state.rawValue,
                                     carrier.name, shipment.tracking, url, lineItems(order.lines(in: shipment.tracking)), updatedAt],
                             volatileCells: updatedColumn)
        }
    }

    private func lineItems(_ lines: [LineView]) -> String {
        lines.map { "\($0.sku):\($0.quantity)" }.joined(separator: "|")
    }
}
