/// The state of a whole order, rolled up from its lines and their shipments.
public enum OrderRollup: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
    case open
    case onHold = "on_hold"
    case inProduction = "in_production"
    case needsAttention = "needs_attention"
    case partiallyShipped = "partially_shipped"
    case shipped
    case partiallyDelivered = "partially_delivered"
    case delivered
    case returned
    case cancelled

    /// Rolls an order up, most decisive first: cancelled; all lines out (returned, delivered,
    /// partially delivered, shipped); some lines out; on hold; a print failure; in production; open.
    public init(_ order: OrderView) {
        let lines = order.lines.filter { $0.fold.terminal != .cancelled }
        guard !lines.isEmpty else {
            self = order.lines.isEmpty ? .open : .cancelled
            return
        }
        let shipments = Dictionary(order.shipments.map { ($0.tracking, $0) }, uniquingKeysWith: { first, _ in first })
        func shipment(of line: LineView) -> ShipmentView? { line.tracking.flatMap { shipments[$0] } }
        let shippedCount = lines.filter { $0.fold.rank >= LifecycleState.shipped.rank }.count
        if shippedCount == lines.count {
            let terminals = lines.map { shipment(of: $0)?.fold.terminal }
            let delivered = lines.filter { (shipment(of: $0)?.fold.rank ?? $0.fold.rank) >= LifecycleState.delivered.rank }.count
            if terminals.allSatisfy({ $0 == .returning || $0 == .returned }) {
                self = .returned
            } else if delivered == lines.count {
                self = .delivered
            } else if delivered > 0 {
                self = .partiallyDelivered
            } else {
                self = .shipped
            }
        } else if shippedCount > 0 {
            self = .partiallyShipped
        } else if lines.contains(where: { $0.fold.flag == .onHold }) {
            self = .onHold
        } else if lines.contains(where: { $0.fold.flag == .printFailed }) {
            self = .needsAttention
        } else if lines.contains(where: { $0.fold.rank >= LifecycleState.queued.rank }) {
            self = .inProduction
        } else {
            self = .open
        }
    }
}
