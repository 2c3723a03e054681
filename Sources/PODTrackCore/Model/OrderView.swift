/// An item line as the ledger knows it: what the ERP said, and its folded lifecycle.
public struct LineView: Sendable, Equatable {
    public var lineNo: Int
    public var sku: String
    public var quantity: Int
    public var channelLineRef: String
    public var fold: LifecycleFold
    /// The shipment the ERP put the line in, if any.
    public var tracking: String?
    public var carrier: String?
    /// When the ERP reported the line shipped (epoch ms).
    public var shippedAt: Int64?

    public init(lineNo: Int, sku: String, quantity: Int, channelLineRef: String, fold: LifecycleFold,
                tracking: String? = nil, carrier: String? = nil, shippedAt: Int64? = nil) {
        self.lineNo = lineNo
        self.sku = sku
        self.quantity = quantity
        self.channelLineRef = channelLineRef
        self.fold = fold
        self.tracking = tracking
        self.carrier = carrier
        self.shippedAt = shippedAt
    }
}

/// A shipment as the ledger knows it: carrier, tracking number and its folded carrier lifecycle.
public struct ShipmentView: Sendable, Equatable {
    public var tracking: String
    public var carrier: String
    public var fold: LifecycleFold

    public init(tracking: String, carrier: String, fold: LifecycleFold) {
        self.tracking = tracking
        self.carrier = carrier
        self.fold = fold
    }

    /// The state a storefront shows: terminal, else flag, else progress; `shipped` (label) before any scan.
    public var visibleState: LifecycleState { fold.visibleState ?? .shipped }
}

/// One order with its lines and shipments: everything an export format needs.
public struct OrderView: Sendable, Equatable {
    public var tenant: String
    public var orderNo: String
    public var channel: String
    public var channelRef: String
    public var lines: [LineView]
    /// Shipments of the order's lines, ordered by tracking number.
    public var shipments: [ShipmentView]
    /// The latest time anything about the order happened (epoch ms).
    public var updatedAt: Int64

    public init(tenant: String, orderNo: String, channel: String, channelRef: String,
                lines: [LineView], shipments: [ShipmentView], updatedAt: Int64) {
        self.tenant = tenant
        self.orderNo = orderNo
        self.channel = channel
        self.channelRef = channelRef
        self.lines = lines
        self.shipments = shipments
        self.updatedAt = updatedAt
    }

    /// The lines the ERP put into shipment `tracking`.
    public func lines(in tracking: String) -> [LineView] {
        lines.filter { $0.tracking == tracking }
    }

    public var rollup: OrderRollup { OrderRollup(self) }
}
