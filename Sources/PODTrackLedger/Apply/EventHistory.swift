import PODTrackCore

/// A line's or shipment's events as stored on its row: `id:occurred_at:state` entries separated
/// by spaces, in the order they were applied. It is what refolds a subject whose events arrived
/// out of time order and what `explain` follows to the event rows, so the events table needs no
/// index by subject. Appending costs a string append; the text is parsed only when read.
struct EventHistory: Equatable {
    private(set) var text: String

    init(text: String = "") {
        self.text = text
    }

    mutating func append(id: Int64, occurredAt: Int64, state: LifecycleState) {
        if !text.isEmpty { text.append(" ") }
        text.append("\(id):\(occurredAt):\(state.rawValue)")
    }

    /// The entries; a malformed one (a ledger edited by hand) is skipped rather than trusted.
    var entries: [(id: Int64, occurredAt: Int64, state: LifecycleState)] {
        text.split(separator: " ").compactMap { entry in
            let parts = entry.split(separator: ":")
            guard parts.count == 3, let id = Int64(parts[0]), let occurredAt = Int64(parts[1]),
                  let state = LifecycleState(rawValue: String(parts[2])) else { return nil }
            return (id, occurredAt, state)
        }
    }

    /// The subject's fold over its whole history, in time order.
    var fold: LifecycleFold {
        LifecycleFold.folding(entries.map { ($0.state, $0.occurredAt) })
    }
}
