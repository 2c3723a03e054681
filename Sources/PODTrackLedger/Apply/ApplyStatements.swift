/// The statements applying a drop runs, prepared once per ledger connection.
final class ApplyStatements {
    unowned let database: Database
    let insertEvent: Statement
    let insertReject: Statement
    let insertJournal: Statement
    let selectOrder: Statement
    let upsertOrder: Statement
    let selectLine: Statement
    let upsertLine: Statement
    let selectShipment: Statement
    let upsertShipment: Statement
    let ordersOfTracking: Statement
    let historyOfSubject: Statement

    init(_ database: Database) throws {
        self.database = database
        insertEvent = try database.cached("""
            INSERT OR IGNORE INTO events (occurred_at, dedupe, subject_key, tenant, source_kind, subject_kind, subject, state,
                                          discriminator, source, drop_id, line, raw_word)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertReject = try database.cached("INSERT INTO rejects (drop_id, line, field, reason, raw_text) VALUES (?, ?, ?, ?, ?)")
        insertJournal = try database.cached("INSERT INTO journal (tenant, order_no, drop_id) VALUES (?, ?, ?)")
        selectOrder = try database.cached("""
            SELECT channel, channel_ref, ship_to, facts_at, updated_at FROM orders WHERE tenant = ? AND order_no = ?
            """)
        upsertOrder = try database.cached("""
            INSERT OR REPLACE INTO orders (tenant, order_no, channel, channel_ref, ship_to, facts_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        selectLine = try database.cached("""
            SELECT \(StoredFold.columns), sku, quantity, channel_line_ref, facts_at, tracking, carrier, shipped_at
            FROM lines WHERE tenant = ? AND order_no = ? AND line_no = ?
            """)
        upsertLine = try database.cached("""
            INSERT OR REPLACE INTO lines (tenant, order_no, line_no, \(StoredFold.columns),
                                          sku, quantity, channel_line_ref, facts_at, tracking, carrier, shipped_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        selectShipment = try database.cached("""
            SELECT \(StoredFold.columns), carrier, reference, events, linked FROM shipments WHERE tenant = ? AND tracking = ?
            """)
        upsertShipment = try database.cached("""
            INSERT OR REPLACE INTO shipments (tenant, tracking, carrier, reference, \(StoredFold.columns), events, linked)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        ordersOfTracking = try database.cached("SELECT DISTINCT order_no FROM lines WHERE tenant = ? AND tracking = ?")
        historyOfSubject = try database.cached("""
            SELECT state, occurred_at FROM events WHERE subject_key = ? AND tenant = ? AND subject_kind = ? AND subject = ?
            """)
    }
}
