/// A drop as the operator commands see it.
public struct DropRecord: Sendable, Equatable {
    public var id: Int64
    public var tenant: String
    public var source: String
    public var name: String
    public var state: String
    public var receivedAt: Int64
    /// Where the file is now, relative to the site (nil once pruned).
    public var storedAs: String?
    public var error: String?
}

/// A rejected row with the drop it came from.
public struct RejectRecord: Sendable, Equatable {
    public var dropID: Int64
    public var tenant: String
    public var source: String
    public var fileName: String
    public var line: Int
    public var field: String?
    public var reason: String
    public var rawText: String
}

extension Ledger {
    private static let dropColumns = "id, tenant, source, name, state, received_at, stored_as, error"

    private static func dropRecord(_ row: Statement) -> DropRecord {
        DropRecord(id: row.int(0), tenant: row.text(1), source: row.text(2), name: row.text(3), state: row.text(4),
                   receivedAt: row.int(5), storedAs: row.optionalText(6), error: row.optionalText(7))
    }

    /// Quarantined drops not retried yet, oldest first.
    public func quarantinedDrops() throws -> [DropRecord] {
        var drops: [DropRecord] = []
        try database.cached("""
            SELECT \(Self.dropColumns) FROM drops WHERE state = 'quarantined' AND retried_at IS NULL ORDER BY id
            """).forEachRow { drops.append(Self.dropRecord($0)) }
        return drops
    }

    /// Records that a quarantined drop went back to the inbox.
    public func markRetried(_ id: Int64, at time: Int64) throws {
        try database.cached("UPDATE drops SET retried_at = ? WHERE id = ?").run(.integer(time), .integer(id))
    }

    /// Archived drops (applied or duplicate) received before `cutoff` whose file is still kept.
    public func archivedDrops(receivedBefore cutoff: Int64) throws -> [DropRecord] {
        var drops: [DropRecord] = []
        try database.cached("""
            SELECT \(Self.dropColumns) FROM drops
            WHERE state IN ('applied', 'duplicate') AND received_at < ? AND stored_as IS NOT NULL ORDER BY id
            """).forEachRow([.integer(cutoff)]) { drops.append(Self.dropRecord($0)) }
        return drops
    }

    /// Records that a drop's archived file was deleted; the ledger keeps everything else about it.
    public func markPruned(_ id: Int64) throws {
        try database.cached("UPDATE drops SET stored_as = NULL WHERE id = ?").run(.integer(id))
    }

    /// Rejected rows, newest drops first, filtered by tenant, source and drop when given.
    public func rejects(tenant: String?, source: String?, dropID: Int64?, limit: Int) throws -> [RejectRecord] {
        var rows: [RejectRecord] = []
        try database.cached("""
            SELECT r.drop_id, d.tenant, d.source, d.name, r.line, r.field, r.reason, r.raw_text
            FROM rejects r JOIN drops d ON d.id = r.drop_id
            WHERE (?1 IS NULL OR d.tenant = ?1) AND (?2 IS NULL OR d.source = ?2) AND (?3 IS NULL OR d.id = ?3)
            ORDER BY r.drop_id DESC, r.line LIMIT ?4
            """).forEachRow([.text(tenant), .text(source), dropID.map(SQLValue.integer) ?? .null, .int(limit)]) { row in
            rows.append(RejectRecord(dropID: row.int(0), tenant: row.text(1), source: row.text(2), fileName: row.text(3),
                                     line: Int(row.int(4)), field: row.optionalText(5), reason: row.text(6), rawText: row.text(7)))
        }
        return rows
    }
}
