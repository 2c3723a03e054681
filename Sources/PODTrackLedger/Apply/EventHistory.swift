import PODTrackCore

/// A line's or shipment's events as stored on its row (see `HistoryCoding`), in the order they
/// were applied. It is what finds an event delivered twice, what refolds a subject whose events
/// arrived out of time order and what `explain` follows to the event rows, so the events table
/// needs no index at all: events are appended. An entry added is encoded onto the bytes at once,
/// so a held entity keeps one buffer, the one its row is written from.
struct EventHistory {
    /// One applied event: its row in `events`, when it happened, the state it reported and its
    /// dedupe tag (`DedupeKey.tag`), which finds the event again when a file delivers it twice.
    struct Entry: Equatable {
        var id: Int64
        var occurredAt: Int64
        var state: LifecycleState
        var tag: UInt32 = 0
    }

    /// The history as the row stores it.
    private(set) var bytes: [UInt8]
    /// The last entry the bytes hold (the next is encoded as its difference), found on the first append.
    private var last: Entry??

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    mutating func append(_ entry: Entry) {
        HistoryCoding.append(entry, to: &bytes, after: last ?? HistoryCoding.last(bytes))
        last = entry
    }

    /// True when an entry happened at `occurredAt` with `state` and `tag`: the same event.
    func contains(occurredAt: Int64, state: LifecycleState, tag: UInt32) -> Bool {
        HistoryCoding.contains(bytes) { $0.occurredAt == occurredAt && $0.tag == tag && $0.state == state }
    }

    /// Every entry, oldest applied first.
    var entries: [Entry] { HistoryCoding.decode(bytes) }
}

/// A line's or shipment's lifecycle: its history and the fold of it. Events in time order fold
/// in one by one; one that arrives late marks the fold stale, and it is refolded from the whole
/// history once, when the row is written (`settle`), not once per late event.
struct SubjectLifecycle {
    private(set) var fold: LifecycleFold
    private(set) var history: EventHistory
    private var isStale = false
    /// When its newest event happened (a stored fold's `lastEventAt` is that of its whole history):
    /// a later event is new without a look at the history.
    private var newestAt: Int64

    init(fold: LifecycleFold = LifecycleFold(), history: EventHistory = EventHistory()) {
        self.fold = fold
        self.history = history
        newestAt = fold.lastEventAt
    }

    /// True when the history holds an event that happened at `occurredAt` with `state` and `tag`.
    func holds(occurredAt: Int64, state: LifecycleState, tag: UInt32) -> Bool {
        guard occurredAt <= newestAt else { return false }
        return history.contains(occurredAt: occurredAt, state: state, tag: tag)
    }

    mutating func add(_ entry: EventHistory.Entry) {
        history.append(entry)
        newestAt = max(newestAt, entry.occurredAt)
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
