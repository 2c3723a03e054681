import PODTrackCore

/// What the ledger keeps of an event besides its id and drop: when it happened, where in the
/// file it was, its state, the source's own word for it and its discriminator (a print job).
struct EventRow: Equatable {
    let occurredAt: Int64
    let line: Int
    let state: LifecycleState
    let rawWord: String
    let discriminator: String

    init(occurredAt: Int64, line: Int, state: LifecycleState, rawWord: String, discriminator: String) {
        self.occurredAt = occurredAt
        self.line = line
        self.state = state
        self.rawWord = rawWord
        self.discriminator = discriminator
    }

    init(_ event: StatusEvent) {
        self.init(occurredAt: event.occurredAt, line: event.line, state: event.state, rawWord: event.rawWord,
                  discriminator: event.discriminator)
    }
}
