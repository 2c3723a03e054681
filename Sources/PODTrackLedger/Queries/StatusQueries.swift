import PODTrackCore

/// How one source of a tenant is doing, from the ledger.
public struct SourceHealth: Sendable, Equatable {
    public var tenant: String
    public var source: String
    public var lastDropName: String?
    public var lastDropAt: Int64?
    public var quarantined: Int
    public var rejectedSince: Int
    public var rejectedTotal: Int
}

/// How one storefront is doing: its last export and the files it has not picked up.
public struct StorefrontHealth: Sendable, Equatable {
    public var tenant: String
    public var storefront: String
    public var lastExportFile: String?
    public var lastExportAt: Int64?
    public var waiting: Int
    /// Waiting files published before the storefront's pickup limit.
    public var late: Int
    public var oldestWaitingAt: Int64?
}

/// An order that has stayed in one state longer than its tenant allows.
public struct StuckOrder: Sendable, Equatable {
    public var tenant: String
    public var orderNo: String
    /// What is stuck: a line's or a shipment's state.
    public var state: String
    public var subject: String
    public var since: Int64
}

/// Carrier events no order line knows yet.
public struct OrphanSummary: Sendable, Equatable {
    public var shipments: Int
    public var oldestEventAt: Int64?
}

extension Ledger {
    /// The last drop, quarantined drops and rejected rows of one source (rejected rows counted
    /// since `since` and in total).
    public func sourceHealth(tenant: String, source: String, since: Int64) throws -> SourceHealth {
        let ofSource = [SQLValue.text(tenant), .text(source)]
        let last = try database.cached(Self.lastDropSQL).first(ofSource) { ($0.text(0), $0.int(1)) }
        let quarantined = try database.cached(Self.quarantinedDropsSQL).first(ofSource) { Int($0.int(0)) } ?? 0
        let rejectedSince = try database.cached(Self.rejectedSinceSQL).first(ofSource + [.integer(since)]) { Int($0.int(0)) } ?? 0
        let rejectedTotal = try database.cached(Self.rejectedTotalSQL).first(ofSource) { Int($0.int(0)) } ?? 0
        return SourceHealth(tenant: tenant, source: source, lastDropName: last?.0, lastDropAt: last?.1,
                            quarantined: quarantined, rejectedSince: rejectedSince, rejectedTotal: rejectedTotal)
    }

    /// What `sourceHealth` asks of a source's drops, each through an index of its own (migration
    /// 9), so that a pass costs the same whatever the number of drops the ledger keeps.
    static let lastDropSQL = """
        SELECT name, received_at FROM drops INDEXED BY drops_by_source WHERE tenant = ? AND source = ? ORDER BY id DESC LIMIT 1
        """
    static let quarantinedDropsSQL = """
        SELECT count(*) FROM drops INDEXED BY drops_quarantined
        WHERE tenant = ? AND source = ? AND state = 'quarantined' AND retried_at IS NULL
        """
    static let rejectedSinceSQL = """
        SELECT coalesce(sum(rejected), 0) FROM drops INDEXED BY drops_received WHERE tenant = ? AND source = ? AND received_at >= ?
        """
    static let rejectedTotalSQL = "SELECT coalesce(sum(rejected), 0) FROM drop_totals WHERE tenant = ? AND source = ?"

    /// A storefront's last export and its files waiting for pickup; late ones are older than `lateBefore`.
    public func storefrontHealth(tenant: String, storefront: String, lateBefore: Int64) throws -> StorefrontHealth {
        let last = try database.cached("""
            SELECT file, created_at FROM exports WHERE tenant = ? AND storefront = ? AND rows > 0 ORDER BY seq DESC LIMIT 1
            """).first([.text(tenant), .text(storefront)]) { ($0.text(0), $0.int(1)) }
        let waiting = try database.cached("""
            SELECT count(*), coalesce(sum(created_at < ?), 0), min(created_at) FROM exports
            WHERE tenant = ? AND storefront = ? AND rows > 0 AND picked_up_at IS NULL
            """).first([.integer(lateBefore), .text(tenant), .text(storefront)]) { (Int($0.int(0)), Int($0.int(1)), $0.optionalInt(2)) }
        return StorefrontHealth(tenant: tenant, storefront: storefront, lastExportFile: last?.0, lastExportAt: last?.1,
                                waiting: waiting?.0 ?? 0, late: waiting?.1 ?? 0, oldestWaitingAt: waiting?.2)
    }

    /// Shipments with carrier events that no order line links yet.
    public func orphans(tenant: String) throws -> OrphanSummary {
        try database.cached("""
            SELECT count(*), min(last_event_at) FROM shipments INDEXED BY shipments_orphans WHERE tenant = ? AND linked = 0 AND events > 0
            """).first([.text(tenant)]) { OrphanSummary(shipments: Int($0.int(0)), oldestEventAt: $0.optionalInt(1)) }
            ?? OrphanSummary(shipments: 0, oldestEventAt: nil)
    }

    /// Lines whose progress stopped at `state` before `before`, and are not cancelled or returned.
    public func stuckLines(tenant: String, state: LifecycleState, before: Int64, limit: Int) throws -> [StuckOrder] {
        var stuck: [StuckOrder] = []
        try database.cached("""
            SELECT order_no, line_no, last_event_at FROM lines
            WHERE tenant = ? AND rank = ? AND terminal IS NULL AND last_event_at < ? ORDER BY last_event_at LIMIT ?
            """).forEachRow([.text(tenant), .int(state.rank), .integer(before), .int(limit)]) { row in
            stuck.append(StuckOrder(tenant: tenant, orderNo: row.text(0), state: state.rawValue, subject: "line \(row.int(1))", since: row.int(2)))
        }
        return stuck
    }

    /// Linked shipments whose carrier progress stopped at `state` before `before`. A shipment the
    /// ERP reported but no carrier scanned yet counts as `shipped` since the ERP said so.
    public func stuckShipments(tenant: String, state: LifecycleState, before: Int64, limit: Int) throws -> [StuckOrder] {
        var stuck: [StuckOrder] = []
        let read = { (row: Statement) in
            stuck.append(StuckOrder(tenant: tenant, orderNo: row.text(0), state: state.rawValue, subject: "shipment \(row.text(1))",
                                    since: row.int(2)))
        }
        try database.cached(Self.stuckShipmentsSQL)
            .forEachRow([.text(tenant), .int(state.rank), .integer(before), .int(limit)], read)
        if state == .shipped {
            try database.cached(Self.shippedWithoutScanSQL).forEachRow([.text(tenant), .integer(before), .int(limit)], read)
        }
        return stuck
    }

    /// Shipments stopped at a rank: an index range on (tenant, rank, last_event_at); every line
    /// lookup is pinned to lines_tracking (without it SQLite may scan a tenant's lines per shipment).
    /// Both stuck-shipment queries name their indexes: every pass runs them for the metrics file.
    static let stuckShipmentsSQL = """
        SELECT (SELECT min(l.order_no) FROM lines l INDEXED BY lines_tracking WHERE l.tenant = s.tenant AND l.tracking = s.tracking),
               s.tracking, s.last_event_at
        FROM shipments s INDEXED BY shipments_progress
        WHERE s.tenant = ? AND s.rank = ? AND s.terminal IS NULL AND s.last_event_at < ?
          AND EXISTS (SELECT 1 FROM lines l INDEXED BY lines_tracking WHERE l.tenant = s.tenant AND l.tracking = s.tracking)
        ORDER BY s.last_event_at LIMIT ?
        """

    /// Linked shipments no carrier scanned yet, since the ERP said they shipped: the rank-0 range of
    /// the progress index (SQLite otherwise walks all of the tenant's shipments).
    static let shippedWithoutScanSQL = """
        SELECT * FROM (
            SELECT (SELECT min(l.order_no) FROM lines l INDEXED BY lines_tracking WHERE l.tenant = s.tenant AND l.tracking = s.tracking)
                       AS order_no,
                   s.tracking,
                   (SELECT max(l.shipped_at) FROM lines l INDEXED BY lines_tracking WHERE l.tenant = s.tenant AND l.tracking = s.tracking)
                       AS since
            FROM shipments s INDEXED BY shipments_progress WHERE s.tenant = ? AND s.rank = 0 AND s.terminal IS NULL)
        WHERE order_no IS NOT NULL AND since < ? ORDER BY since LIMIT ?
        """

    /// The ledger file's size in bytes (pages times page size).
    public func sizeInBytes() throws -> Int {
        let pages = try database.cached("PRAGMA page_count").first { Int($0.int(0)) } ?? 0
        let size = try database.cached("PRAGMA page_size").first { Int($0.int(0)) } ?? 0
        return pages * size
    }
}

/// Drop totals of one source and outcome, since the ledger began: what the metrics count.
public struct DropTotals: Sendable, Equatable {
    public var tenant: String
    public var source: String
    public var state: String
    public var drops: Int
    public var records: Int
    public var eventsNew: Int
    public var eventsDuplicate: Int
    public var rejected: Int
}

extension Ledger {
    /// Totals of every drop, per tenant, source and outcome (applied, duplicate, quarantined).
    public func dropTotals() throws -> [DropTotals] {
        var totals: [DropTotals] = []
        try database.cached("""
            SELECT tenant, source, state, drops, records, events_new, events_duplicate, rejected
            FROM drop_totals WHERE drops > 0 ORDER BY tenant, source, state
            """).forEachRow { row in
            totals.append(DropTotals(tenant: row.text(0), source: row.text(1), state: row.text(2), drops: Int(row.int(3)),
                                     records: Int(row.int(4)), eventsNew: Int(row.int(5)), eventsDuplicate: Int(row.int(6)),
                                     rejected: Int(row.int(7))))
        }
        return totals
    }

    /// Export files published per tenant and storefront, since the ledger began.
    public func exportFileCounts() throws -> [(tenant: String, storefront: String, files: Int)] {
        var counts: [(tenant: String, storefront: String, files: Int)] = []
        try database.cached("SELECT tenant, storefront, files FROM export_totals WHERE files > 0 ORDER BY tenant, storefront")
            .forEachRow { counts.append(($0.text(0), $0.text(1), Int($0.int(2)))) }
        return counts
    }
}
