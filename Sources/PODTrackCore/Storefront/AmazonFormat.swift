/// Amazon flat-file shipping confirmation: one row per shipped item line, sent exactly once.
public struct AmazonFormat: ExportFormat {
    public let filePrefix = "amazon"
    public let fileExtension = "txt"
    public let delimiter: Character = "\t"
    public let header = ["order-id", "order-item-id", "quantity", "ship-date", "carrier-code", "carrier-name",
                         "tracking-number", "ship-method"]
    public let sendsEachRowOnce = true

    public init() {}

    public func rows(for order: OrderView, storefront: StorefrontDefinition) -> [ExportRow] {
        order.lines.compactMap { line in
            guard let tracking = line.tracking, let shippedAt = line.shippedAt else { return nil }
            let carrierID = order.shipments.first { $0.tracking == tracking }?.carrier ?? line.carrier
            let carrier = storefront.carrier(carrierID)
            return ExportRow(key: "\(order.orderNo)/\(line.lineNo)",
                             cells: [order.channelRef, line.channelLineRef, String(line.quantity), UTCText.day(shippedAt),
                                     carrier.code ?? carrier.name, carrier.name, tracking, carrier.shipMethod ?? ""])
        }
    }
}
