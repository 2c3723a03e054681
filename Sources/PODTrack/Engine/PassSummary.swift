import PODTrackLedger

/// Everything one pass did: drops taken, events, rejects, orphans, exports.
public struct PassSummary: Sendable {
    public var drops: [DropReport] = []
    public var exports: [ExportReport] = []
    /// Inbox entries left alone, with why: only those not reported by an earlier pass.
    public var skipped: [InboxNotice] = []
    /// Files not complete yet (being written, settling, waiting for a marker).
    public var waiting: [(path: String, reason: String, retryAfter: Double?)] = []
    /// True when a stop was requested and the pass ended after the drop in hand.
    public var stopped = false
    /// Export files finished after an interrupted pass (written and recorded, not yet renamed in).
    public var recoveredExports: [String] = []
    /// Export files the storefronts took since the last pass.
    public var pickedUp = 0
    public var seconds: Double = 0

    public var applied: Int { drops.filter { if case .applied = $0.outcome { true } else { false } }.count }
    public var duplicates: Int { drops.filter { if case .duplicate = $0.outcome { true } else { false } }.count }
    public var quarantined: Int { drops.filter { if case .quarantined = $0.outcome { true } else { false } }.count }
    public var deferred: Int { drops.filter { if case .deferred = $0.outcome { true } else { false } }.count }

    /// Ledger figures of all applied drops together.
    public var stats: ApplyStats {
        drops.reduce(into: ApplyStats()) { total, drop in
            if case .applied(let result) = drop.outcome { total.add(result.stats) }
        }
    }

    public var records: Int {
        drops.reduce(0) { total, drop in
            if case .applied(let result) = drop.outcome { return total + result.counts.records }
            return total
        }
    }

    /// True when the pass found nothing to do.
    public var isIdle: Bool { drops.isEmpty && exports.allSatisfy { $0.file == nil } && recoveredExports.isEmpty }
}
