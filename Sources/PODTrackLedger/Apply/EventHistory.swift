import PODTrackCore

/// A line's or shipment's events as stored on its row: `id:occurred_at:state` entries separated
/// by spaces, in the order they were applied. It is what refolds a subject whose events arrived
/// out of time order and what `explain` follows to the event rows, so the events table needs no
/// index by subject. The stored text is parsed only when read; entries added by a drop are kept
/// as values until the row is written.
struct EventHistory {
    /// One applied event: its row in `events`, when it happened and the state it reported.
    struct Entry {
        var id: Int64
        var occurredAt: Int64
        var state: LifecycleState
    }

    private var stored: String
    private var added: [Entry] = []

    init(text: String = "") {
        stored = text
    }

    mutating func append(_ entry: Entry) {
        added.append(entry)
    }

    /// The history as the row stores it.
    var text: String {
        guard !added.isEmpty else { return stored }
        var text = stored
        for entry in added {
            if !text.isEmpty { text.append(" ") }
            text.append(String(entry.id))
            text.append(":")
            text.append(String(entry.occurredAt))
            text.append(":")
            text.append(entry.state.rawValue)
        }
        return text
    }

    /// Every entry, oldest applied first; a malformed stored one (a ledger edited by hand) is
    /// skipped rather than trusted.
    var entries: [Entry] {
        let parsed: [Entry] = stored.split(separator: " ").compactMap { entry in
            let parts = entry.split(separator: ":")
            guard parts.count == 3, let id = Int64(parts[0]), let occurredAt = Int64(parts[1]),
                  let state = LifecycleState(rawValue: String(parts[2])) else { return nil }
            return Entry(id: id, occurredAt: occurredAt, state: state)
        }
        return parsed + added
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
