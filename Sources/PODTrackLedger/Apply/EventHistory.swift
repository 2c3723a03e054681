import PODTrackCore

/// A line's or shipment's events as stored on its row (see `HistoryCoding`), in the order they
/// were applied. It is what refolds a subject whose events arrived out of time order and what
/// `explain` follows to the event rows, so the events table needs no index by subject. The stored
/// bytes are decoded only when read; entries added by a drop are kept as values until the row is
/// written.
struct EventHistory {
    /// One applied event: its row in `events`, when it happened and the state it reported.
    struct Entry: Equatable {
        var id: Int64
        var occurredAt: Int64
        var state: LifecycleState
    }

    private var stored: [UInt8]
    private var added: [Entry] = []

    init(bytes: [UInt8] = []) {
        stored = bytes
    }

    mutating func append(_ entry: Entry) {
        added.append(entry)
    }

    /// The history as the row stores it.
    var bytes: [UInt8] {
        guard !added.isEmpty else { return stored }
        var bytes = stored
        HistoryCoding.append(added, to: &bytes, after: HistoryCoding.last(stored))
        return bytes
    }

    /// Every entry, oldest applied first.
    var entries: [Entry] {
        HistoryCoding.decode(stored) + added
    }
}

/// A line's or shipment's lifecycle: its history and the fold of it. Events in time order fold
/// in one by one; one that arrives late marks the fold stale, and it is refolded from the whole
/// history once, when the row is written (`settle`), not once per late event.
struct SubjectLifecycle {
    private(set) var fold: LifecycleFold
    private(set) var history: EventHistory
    private var isStale = false

    init(fold: LifecycleFold = LifecycleFold(), history: EventHistory = EventHistory()) {
        self.fold = fold
        self.history = history
    }

    mutating func add(_ entry: EventHistory.Entry) {
        history.append(entry)
        if !isStale, fold.canApply(entry.state, at: entry.occurredAt) {
            fold.apply(entry.state, at: entry.occurredAt)
        } else {
            isStale = true
        }
    }

    /// The fold over the whole history in time order.
    mutating func settle() {
        guard isStale else { return }
        fold = LifecycleFold.folding(history.entries.map { ($0.state, $0.occurredAt) })
        isStale = false
    }
}
