import PODTrackCore

/// The bytes of a line's or shipment's history (`EventHistory`) as its row stores them: per event,
/// the event id and the time it happened, each as a zigzag varint of its difference to the
/// previous entry's, then one byte for the state (`code(of:)`), then (from schema 6) the event's
/// dedupe tag as four little-endian bytes. A history of ten events takes about 120 bytes, where
/// the text form of schema 4 took about 300; a drop rewrites the row of every line it touches, so
/// the row's size is what every commit and checkpoint pays for.
enum HistoryCoding {
    /// How entries are laid out: schema 5 had no tags; migration 6 reads that layout once.
    enum Layout {
        case untagged
        case tagged
    }

    /// Each state's byte, as ledgers store it: never change or reuse a code, only add the next.
    /// A switch, not a table keyed by state: hashing a state hashes its name, which cost every
    /// event appended to a history as much as the rest of its encoding.
    static func code(of state: LifecycleState) -> UInt8 {
        switch state {
        case .received: 0
        case .released: 1
        case .queued: 2
        case .printing: 3
        case .printed: 4
        case .shipped: 5
        case .pickedUp: 6
        case .inTransit: 7
        case .outForDelivery: 8
        case .availableForPickup: 9
        case .delivered: 10
        case .onHold: 11
        case .printFailed: 12
        case .delayed: 13
        case .attemptedDelivery: 14
        case .exception: 15
        case .cancelled: 16
        case .returning: 17
        case .returned: 18
        }
    }

    /// The state of each code, in code order (`code(of:)`).
    static let stateCodes: [LifecycleState] = LifecycleState.allCases.sorted { code(of: $0) < code(of: $1) }

    /// Appends `entries` to `bytes`, which hold the encoded `previous` entries (their last one is
    /// what the first difference is taken from).
    static func append(_ entries: [EventHistory.Entry], to bytes: inout [UInt8], after last: EventHistory.Entry?,
                       layout: Layout = .tagged) {
        var previous = last
        for entry in entries {
            append(entry, to: &bytes, after: previous, layout: layout)
            previous = entry
        }
    }

    /// Appends one entry to `bytes`, whose last entry is `last`.
    static func append(_ entry: EventHistory.Entry, to bytes: inout [UInt8], after last: EventHistory.Entry?,
                       layout: Layout = .tagged) {
        Varint.append(Varint.zigzag(entry.id &- (last?.id ?? 0)), to: &bytes)
        Varint.append(Varint.zigzag(entry.occurredAt &- (last?.occurredAt ?? 0)), to: &bytes)
        bytes.append(code(of: entry.state))
        if layout == .tagged { withUnsafeBytes(of: entry.tag.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    /// True when an entry `bytes` hold satisfies `isMatch` (read in place, nothing decoded into an array).
    static func contains(_ bytes: [UInt8], where isMatch: (EventHistory.Entry) -> Bool) -> Bool {
        var found = false
        forEachEntry(bytes, layout: .tagged) { entry in
            found = isMatch(entry)
            return !found
        }
        return found
    }

    /// The entries `bytes` hold, oldest applied first. Decoding stops at the first malformed
    /// entry (a ledger edited by hand): what follows it cannot be trusted.
    static func decode(_ bytes: [UInt8], layout: Layout = .tagged) -> [EventHistory.Entry] {
        var entries: [EventHistory.Entry] = []
        forEachEntry(bytes, layout: layout) { entries.append($0); return true }
        return entries
    }

    /// The last entry `bytes` hold, if any.
    static func last(_ bytes: [UInt8]) -> EventHistory.Entry? {
        var last: EventHistory.Entry?
        forEachEntry(bytes, layout: .tagged) { last = $0; return true }
        return last
    }

    /// Calls `body` with each entry in turn while it returns true.
    private static func forEachEntry(_ bytes: [UInt8], layout: Layout, _ body: (EventHistory.Entry) -> Bool) {
        let tagSize = layout == .tagged ? 4 : 0
        var offset = 0
        var id: Int64 = 0
        var time: Int64 = 0
        while offset < bytes.count {
            guard let idDelta = Varint.read(bytes, &offset), let timeDelta = Varint.read(bytes, &offset),
                  offset + tagSize < bytes.count, Int(bytes[offset]) < stateCodes.count
            else { return }
            id &+= Varint.unzigzag(idDelta)
            time &+= Varint.unzigzag(timeDelta)
            let state = stateCodes[Int(bytes[offset])]
            var tag: UInt32 = 0
            for index in 0..<tagSize { tag |= UInt32(bytes[offset + 1 + index]) << (8 * index) }
            guard body(EventHistory.Entry(id: id, occurredAt: time, state: state, tag: tag)) else { return }
            offset += 1 + tagSize
        }
    }
}
