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
    /// True once any flag or terminal event was folded in: only then does the order of events matter.
    public private(set) var everFlagged = false

    public init() {}

    /// Restores a fold stored in the ledger.
    public init(rank: Int, flag: LifecycleState?, terminal: LifecycleState?, lastEventAt: Int64, everFlagged: Bool) {
        self.rank = rank
        self.flag = flag
        self.terminal = terminal
        self.lastEventAt = lastEventAt
        self.everFlagged = everFlagged
    }

    /// What a storefront shows first: the terminal state, else an active flag, else the progress.
    public var visibleState: LifecycleState? { terminal ?? flag ?? progress }

    /// The highest progress state reached, if any.
    public var progress: LifecycleState? { LifecycleState.progress(rank: rank) }

    /// True when folding `state` in now gives the same as refolding the whole history in time
    /// order: the event is the newest, or it is progress on a history without flags (then the fold
    /// is just the highest rank, whatever the order). Otherwise the caller refolds the history.
    public func canApply(_ state: LifecycleState, at occurredAt: Int64) -> Bool {
        let isProgress = state.rank > 0
        if isProgress && !everFlagged { return true }
        return occurredAt > lastEventAt
    }

    /// Folds one event in (events must come in time order). Returns true when the fold changed.
    @discardableResult
    public mutating func apply(_ state: LifecycleState, at occurredAt: Int64) -> Bool {
        let before = self
        lastEventAt = max(lastEventAt, occurredAt)
        if state.rank == 0 { everFlagged = true }
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
