/// The state of one line or shipment, folded from its events in the order they happened.
///
/// Rules: the rank only goes up; a flag is set by its event and cleared by a later progress event
/// that is not stale (rank at least the current one); a terminal state stays once seen, and
/// `cancelled` and `returned` end the fold: nothing after them changes it. Applying the same events in time order
/// always gives the same fold, whatever order the files arrived in.
public struct LifecycleFold: Sendable, Equatable {
    public private(set) var rank: Int = 0
    public private(set) var flag: LifecycleState?
    public private(set) var terminal: LifecycleState?
    /// When the latest event folded in happened (epoch ms); `Int64.min` before any.
    public private(set) var lastEventAt: Int64 = .min

    public init() {}

    /// Restores a fold stored in the ledger.
    public init(rank: Int, flag: LifecycleState?, terminal: LifecycleState?, lastEventAt: Int64) {
        self.rank = rank
        self.flag = flag
        self.terminal = terminal
        self.lastEventAt = lastEventAt
    }

    /// What a storefront shows first: the terminal state, else an active flag, else the progress.
    public var visibleState: LifecycleState? { terminal ?? flag ?? progress }

    /// The highest progress state reached, if any.
    public var progress: LifecycleState? { LifecycleState.progress(rank: rank) }

    /// True when `occurredAt` is not older than what the fold has seen, so `apply` keeps time order.
    public func accepts(inOrder occurredAt: Int64) -> Bool { occurredAt >= lastEventAt }

    /// Folds one event in (events must come in time order). Returns true when the fold changed.
    @discardableResult
    public mutating func apply(_ state: LifecycleState, at occurredAt: Int64) -> Bool {
        let before = self
        lastEventAt = max(lastEventAt, occurredAt)
        guard terminal != .cancelled, terminal != .returned else { return false }
        switch state.role {
        case .progress(let newRank):
            if newRank >= rank {
                rank = newRank
                flag = nil
            }
        case .flag:
            flag = state
        case .terminal:
            terminal = state
        }
        return before.rank != rank || before.flag != flag || before.terminal != terminal
    }

    /// Folds a whole history, ordering it by time (ties by rank, then name, so arrival order never matters).
    public static func folding(_ events: [(state: LifecycleState, occurredAt: Int64)]) -> LifecycleFold {
        var fold = LifecycleFold()
        let ordered = events.sorted {
            ($0.occurredAt, $0.state.rank, $0.state.rawValue) < ($1.occurredAt, $1.state.rank, $1.state.rawValue)
        }
        for event in ordered { fold.apply(event.state, at: event.occurredAt) }
        return fold
    }
}
