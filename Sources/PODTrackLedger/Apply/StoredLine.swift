import PODTrackCore

/// A line row as the applier reads and writes it.
struct StoredLine {
    var fold = LifecycleFold()
    var sku: String?
    var quantity: Int?
    var channelLineRef: String?
    var factsAt: Int64?
    var tracking: String?
    var carrier: String?
    var shippedAt: Int64?

    static func load(_ database: Database, tenant: String, order: String, lineNo: Int) throws -> StoredLine {
        try database.cached("""
            SELECT rank, flag, terminal, last_event_at, sku, quantity, channel_line_ref, facts_at, tracking, carrier, shipped_at
            FROM lines WHERE tenant = ? AND order_no = ? AND line_no = ?
            """).first([.text(tenant), .text(order), .int(lineNo)]) { row in
            StoredLine(fold: StoredFold.read(row, from: 0), sku: row.optionalText(4), quantity: row.optionalInt(5).map(Int.init),
                       channelLineRef: row.optionalText(6), factsAt: row.optionalInt(7), tracking: row.optionalText(8),
                       carrier: row.optionalText(9), shippedAt: row.optionalInt(10))
        } ?? StoredLine()
    }

    func save(_ database: Database, tenant: String, order: String, lineNo: Int) throws {
        try database.cached("""
            INSERT OR REPLACE INTO lines (tenant, order_no, line_no, rank, flag, terminal, last_event_at,
                                          sku, quantity, channel_line_ref, facts_at, tracking, carrier, shipped_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([.text(tenant), .text(order), .int(lineNo)] + StoredFold.values(fold)
                     + [.text(sku), .int(quantity), .text(channelLineRef), factsAt.map(SQLValue.integer) ?? .null,
                        .text(tracking), .text(carrier), shippedAt.map(SQLValue.integer) ?? .null])
    }
}

/// How a `LifecycleFold` is stored: rank, flag, terminal, last_event_at columns.
enum StoredFold {
    static func read(_ row: Statement, from column: Int32) -> LifecycleFold {
        LifecycleFold(rank: Int(row.int(column)),
                      flag: row.optionalText(column + 1).flatMap(LifecycleState.init(rawValue:)),
                      terminal: row.optionalText(column + 2).flatMap(LifecycleState.init(rawValue:)),
                      lastEventAt: row.int(column + 3))
    }

    static func values(_ fold: LifecycleFold) -> [SQLValue] {
        [.int(fold.rank), .text(fold.flag?.rawValue), .text(fold.terminal?.rawValue), .integer(fold.lastEventAt)]
    }
}
