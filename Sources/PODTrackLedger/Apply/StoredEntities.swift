import PODTrackCore

/// A line row as the applier reads and writes it.
struct StoredLine {
    var lifecycle = SubjectLifecycle()
    /// What the ERP said of the line.
    var facts = LineFacts() {
        didSet { factsChanged = factsChanged || facts != oldValue }
    }
    /// True once the facts differ from the row's: unchanged facts are not written again, so a
    /// print or carrier drop leaves the tracking index alone.
    private(set) var factsChanged = false

    /// A line the ledger has no row of yet.
    init() {}

    /// A line as its row stores it.
    init(lifecycle: SubjectLifecycle, facts: LineFacts) {
        self.lifecycle = lifecycle
        self.facts = facts
    }
}

/// What the ERP said of a line, as its row stores it.
struct LineFacts: Equatable {
    var sku: String?
    var quantity: Int?
    var channelLineRef: String?
    var factsAt: Int64?
    var tracking: String?
    var carrier: String?
    var shippedAt: Int64?
}

/// A shipment row as the applier reads and writes it.
struct StoredShipment {
    var lifecycle = SubjectLifecycle()
    var carrier: String?
    var reference: String?
    /// Carrier events applied to it so far (held as an orphan while no line links it).
    var events: Int64 = 0
    /// True once an ERP line named its tracking number.
    var linked = false
    /// The orders whose lines named its tracking number, in the order they did.
    var orders: [String] = []
}

/// An order row as the applier reads and writes it.
struct StoredOrder {
    var channel: String?
    var channelRef: String?
    var shipTo: String?
    var factsAt: Int64?
}

/// An entity's key as statements bind it: its values in the order of `ApplyStatements.orderKey`,
/// `lineKey` or `shipmentKey`.
protocol BoundKey {
    func appendValues(to values: inout [SQLValue])
}

/// An order's key.
struct OrderKey: Hashable, Comparable, BoundKey {
    var tenant: String
    var number: String

    static func < (lhs: OrderKey, rhs: OrderKey) -> Bool { (lhs.tenant, lhs.number) < (rhs.tenant, rhs.number) }

    /// The number alone: a store's keys are nearly all of one tenant, whose name would be hashed
    /// with every lookup for nothing (`==` still compares it). The same holds for lines and shipments.
    func hash(into hasher: inout Hasher) { hasher.combine(number) }

    func appendValues(to values: inout [SQLValue]) {
        values.append(.text(tenant))
        values.append(.text(number))
    }
}

/// A line's key.
struct LineKey: Hashable, Comparable, BoundKey {
    var tenant: String
    var order: String
    var line: Int

    static func < (lhs: LineKey, rhs: LineKey) -> Bool { (lhs.tenant, lhs.order, lhs.line) < (rhs.tenant, rhs.order, rhs.line) }

    func hash(into hasher: inout Hasher) {
        hasher.combine(order)
        hasher.combine(line)
    }

    func appendValues(to values: inout [SQLValue]) {
        values.append(.text(tenant))
        values.append(.text(order))
        values.append(.int(line))
    }
}

/// A shipment's key.
struct ShipmentKey: Hashable, Comparable, BoundKey {
    var tenant: String
    var tracking: String

    static func < (lhs: ShipmentKey, rhs: ShipmentKey) -> Bool { (lhs.tenant, lhs.tracking) < (rhs.tenant, rhs.tracking) }

    func hash(into hasher: inout Hasher) { hasher.combine(tracking) }

    func appendValues(to values: inout [SQLValue]) {
        values.append(.text(tenant))
        values.append(.text(tracking))
    }
}

/// How a `LifecycleFold` is stored: rank, flag, terminal, last_event_at, flagged columns.
enum StoredFold {
    static let columnNames = ["rank", "flag", "terminal", "last_event_at", "flagged"]
    static let columns = columnNames.joined(separator: ", ")

    static func read(_ row: Statement, from column: Int32) -> LifecycleFold {
        LifecycleFold(rank: Int(row.int(column)),
                      flag: row.optionalText(column + 1).flatMap(LifecycleState.init(rawValue:)),
                      terminal: row.optionalText(column + 2).flatMap(LifecycleState.init(rawValue:)),
                      lastEventAt: row.int(column + 3), everFlagged: row.int(column + 4) != 0)
    }

    /// Appends the fold's values, in `columnNames` order.
    static func append(_ fold: LifecycleFold, to values: inout [SQLValue]) {
        values.append(.int(fold.rank))
        values.append(.text(fold.flag?.rawValue))
        values.append(.text(fold.terminal?.rawValue))
        values.append(.integer(fold.lastEventAt))
        values.append(.int(fold.everFlagged ? 1 : 0))
    }
}
