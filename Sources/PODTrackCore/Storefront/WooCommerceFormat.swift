/// WooCommerce Advanced Shipment Tracking import: one row per (shipment, item line).
public struct WooCommerceFormat: ExportFormat {
    public let filePrefix = "woocommerce"
    public let fileExtension = "csv"
    public let delimiter: Character = ","
    public let header = ["order_id", "tracking_provider", "tracking_number", "date_shipped", "status_shipped", "sku", "qty"]
    public let sendsEachRowOnce = false

    public init() {}

    /// `status_shipped` comes from the storefront's order_status table (1 shipped, 2 partially, 0 tracking only).
    public func rows(for order: OrderView, storefront: StorefrontDefinition) -> [ExportRow] {
        let status = storefront.orderStatus[order.rollup] ?? "0"
        return order.lines.compactMap { line in
            guard let tracking = line.tracking, let shippedAt = line.shippedAt else { return nil }
            let carrierID = order.shipments.first { $0.tracking == tracking }?.carrier ?? line.carrier
            return ExportRow(key: "\(order.orderNo)/\(line.lineNo)|\(tracking)",
                             cells: [order.channelRef, storefront.carrier(carrierID).name, tracking, UTCText.day(shippedAt),
                                     status, line.sku, String(line.quantity)])
        }
    }
}
