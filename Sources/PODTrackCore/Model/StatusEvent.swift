/// What an event is about: an item line of an order, or a carrier shipment (by tracking number).
public enum EventSubject: Sendable, Hashable {
    case line(order: String, line: Int)
    case shipment(tracking: String)

    /// The subject as stored in the ledger: `A-100023/1` for a line, the tracking number for a shipment.
    public var key: String {
        switch self {
        case .line(let order, let line): "\(order)/\(line)"
        case .shipment(let tracking): tracking
        }
    }

    public var kind: String {
        switch self {
        case .line: "line"
        case .shipment: "shipment"
        }
    }
}

/// What the ERP says about an order line beside its status: identity in the storefront, contents, shipment.
public struct OrderLineFacts: Sendable, Equatable {
    public var sku: String?
    public var quantity: Int?
    public var channel: String?
    public var channelRef: String?
    public var channelLineRef: String?
    public var shipTo: String?
    /// The shipment the line went out in, once the ERP reports one.
    public var carrier: String?
    public var tracking: String?

    public init(sku: String? = nil, quantity: Int? = nil, channel: String? = nil, channelRef: String? = nil,
                channelLineRef: String? = nil, shipTo: String? = nil, carrier: String? = nil, tracking: String? = nil) {
        self.sku = sku
        self.quantity = quantity
        self.channel = channel
        self.channelRef = channelRef
        self.channelLineRef = channelLineRef
        self.shipTo = shipTo
        self.carrier = carrier
        self.tracking = tracking
    }
}

/// One status event, canonical: the output of the transforms and the input of the ledger.
public struct StatusEvent: Sendable, Equatable {
    public var subject: EventSubject
    public var state: LifecycleState
    /// When it happened, in UTC epoch milliseconds.
    public var occurredAt: Int64
    /// Tells apart events of one subject that share state and time (a print job id); empty otherwise.
    public var discriminator: String
    /// The source's own word for the state, kept for explain.
    public var rawWord: String
    /// Line of the drop file the event came from (1-based).
    public var line: Int
    /// ERP facts about the line (ERP sources only).
    public var facts: OrderLineFacts?
    /// Carrier events: the carrier id and the order number the carrier was given, if any.
    public var carrier: String?
    public var reference: String?

    public init(subject: EventSubject, state: LifecycleState, occurredAt: Int64, discriminator: String = "",
                rawWord: String, line: Int, facts: OrderLineFacts? = nil, carrier: String? = nil, reference: String? = nil) {
        self.subject = subject
        self.state = state
        self.occurredAt = occurredAt
        self.discriminator = discriminator
        self.rawWord = rawWord
        self.line = line
        self.facts = facts
        self.carrier = carrier
        self.reference = reference
    }
}

/// A row that could not become an event, with where and why. The rest of the file goes on.
public struct RejectedRow: Sendable, Equatable, Error, CustomStringConvertible {
    public var line: Int
    /// The column or field the problem is in (a header name, a capture name), if one.
    public var field: String?
    public var reason: String
    public var rawText: String

    public init(line: Int, field: String? = nil, reason: String, rawText: String) {
        self.line = line
        self.field = field
        self.reason = reason
        self.rawText = rawText
    }

    public var description: String {
        "line \(line)\(field.map { ", field \($0)" } ?? ""): \(reason)"
    }
}
