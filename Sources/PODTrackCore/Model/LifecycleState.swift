/// The one canonical lifecycle every source maps into and every storefront maps from.
///
/// Progress states carry a rank and never move backwards. Flags are exceptions beside the rank,
/// cleared by later progress. Terminal states end the story of a line or a shipment.
public enum LifecycleState: String, Sendable, CaseIterable, Codable, Hashable {
    // progress, ranked
    case received, released, queued, printing, printed, shipped
    case pickedUp = "picked_up"
    case inTransit = "in_transit"
    case outForDelivery = "out_for_delivery"
    case availableForPickup = "available_for_pickup"
    case delivered
    // flags
    case onHold = "on_hold"
    case printFailed = "print_failed"
    case delayed
    case attemptedDelivery = "attempted_delivery"
    case exception
    // terminal
    case cancelled, returning, returned

    /// How a state acts on a line or shipment.
    public enum Role: Sendable, Equatable {
        case progress(rank: Int)
        case flag
        case terminal
    }

    public var role: Role {
        switch self {
        case .received: .progress(rank: 10)
        case .released: .progress(rank: 20)
        case .queued: .progress(rank: 30)
        case .printing: .progress(rank: 40)
        case .printed: .progress(rank: 50)
        case .shipped: .progress(rank: 60)
        case .pickedUp: .progress(rank: 70)
        case .inTransit: .progress(rank: 80)
        case .outForDelivery: .progress(rank: 85)
        case .availableForPickup: .progress(rank: 88)
        case .delivered: .progress(rank: 100)
        case .onHold, .printFailed, .delayed, .attemptedDelivery, .exception: .flag
        case .cancelled, .returning, .returned: .terminal
        }
    }

    /// The rank of a progress state; 0 for flags and terminal states.
    public var rank: Int {
        if case .progress(let rank) = role { return rank }
        return 0
    }

    /// The progress state of a rank stored in the ledger.
    public static func progress(rank: Int) -> LifecycleState? {
        allCases.first { $0.role == .progress(rank: rank) }
    }
}
