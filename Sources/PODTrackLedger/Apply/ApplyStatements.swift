/// The statements applying a drop runs, prepared once per ledger connection.
final class ApplyStatements {
    let insertReject: Statement
    let insertJournal: Statement
    let selectOrder: Statement
    let insertOrder: Statement
    let updateOrder: Statement
    let selectLine: Statement
    let insertLine: Statement
    let updateLine: Statement
    /// The fold and history of a line whose ERP facts did not change (the tracking index stays untouched).
    let updateLineProgress: Statement
    let selectShipment: Statement
    let insertShipment: Statement
    let updateShipment: Statement

    init(_ database: Database) throws {
        insertReject = try database.cached("INSERT INTO rejects (drop_id, line, field, reason, raw_text) VALUES (?, ?, ?, ?, ?)")
        insertJournal = try database.cached("INSERT INTO journal (tenant, order_no, drop_id) VALUES (?, ?, ?)")
        selectOrder = try database.cached("""
            SELECT channel, channel_ref, ship_to, facts_at FROM orders WHERE tenant = ? AND order_no = ?
            """)
        insertOrder = try Self.insert(database, table: "orders", columns: Self.orderColumns, key: Self.orderKey)
        updateOrder = try Self.update(database, table: "orders", columns: Self.orderColumns, key: Self.orderKey)
        // A line's and a shipment's columns: the fold first, the history last (`EntityStore`).
        selectLine = try database.cached("""
            SELECT \(StoredFold.columns), sku, quantity, channel_line_ref, facts_at, tracking, carrier, shipped_at, history
            FROM lines WHERE tenant = ? AND order_no = ? AND line_no = ?
            """)
        insertLine = try Self.insert(database, table: "lines", columns: Self.lineColumns, key: Self.lineKey)
        updateLine = try Self.update(database, table: "lines", columns: Self.lineColumns, key: Self.lineKey)
        updateLineProgress = try Self.update(database, table: "lines", columns: Self.progressColumns, key: Self.lineKey)
        selectShipment = try database.cached("""
            SELECT \(StoredFold.columns), carrier, reference, events, linked, orders, history FROM shipments WHERE tenant = ? AND tracking = ?
            """)
        insertShipment = try Self.insert(database, table: "shipments", columns: Self.shipmentColumns, key: Self.shipmentKey)
        updateShipment = try Self.update(database, table: "shipments", columns: Self.shipmentColumns, key: Self.shipmentKey)
    }

    /// The written columns of each entity, in the order `EntityStore.flush` binds them (the key follows).
    static let orderColumns = ["channel", "channel_ref", "ship_to", "facts_at"]
    static let orderKey = ["tenant", "order_no"]
    static let progressColumns = StoredFold.columnNames + ["history"]
    static let lineColumns = progressColumns + ["sku", "quantity", "channel_line_ref", "facts_at", "tracking", "carrier", "shipped_at"]
    static let lineKey = ["tenant", "order_no", "line_no"]
    static let shipmentColumns = progressColumns + ["carrier", "reference", "events", "linked", "orders"]
    static let shipmentKey = ["tenant", "tracking"]

    /// An INSERT of a new row, bound as `columns` then `key`.
    private static func insert(_ database: Database, table: String, columns: [String], key: [String]) throws -> Statement {
        let all = columns + key
        return try database.cached("""
            INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(all.map { _ in "?" }.joined(separator: ", ")))
            """)
    }

    /// An UPDATE of `columns` of a stored row, bound as `columns` then `key`.
    private static func update(_ database: Database, table: String, columns: [String], key: [String]) throws -> Statement {
        try database.cached("""
            UPDATE \(table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", "))
            WHERE \(key.map { "\($0) = ?" }.joined(separator: " AND "))
            """)
    }
}
