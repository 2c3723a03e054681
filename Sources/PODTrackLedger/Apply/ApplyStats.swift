/// What applying a drop did to the ledger.
public struct ApplyStats: Sendable, Equatable {
    /// Events seen for the first time.
    public var eventsNew = 0
    /// Events the ledger already had (snapshots, cumulative logs, re-sent files): they change nothing.
    public var eventsDuplicate = 0
    public var rejected = 0
    /// New carrier events for tracking numbers no order knows yet: held until the ERP links them.
    public var orphansHeld = 0
    /// Shipments with held events that an order line linked to in this drop.
    public var orphansLinked = 0

    public init() {}

    /// Adds another drop's figures to these.
    public mutating func add(_ other: ApplyStats) {
        eventsNew += other.eventsNew
        eventsDuplicate += other.eventsDuplicate
        rejected += other.rejected
        orphansHeld += other.orphansHeld
        orphansLinked += other.orphansLinked
    }
}
