import PODTrackCore

/// Which orders an export covers.
public enum ExportScope: Sendable {
    /// Orders journaled since the storefront's cursor: the regular pass.
    case changes
    /// Every order of the storefront's channel, for a storefront that lost its data.
    case snapshot
}

/// One storefront's export in progress, inside one ledger transaction: the orders to look at,
/// what the storefront was told before, and the bookkeeping of the file being written.
public final class StorefrontExport {
    private let database: Database
    public let tenant: String
    public let storefront: String
    private let channel: String
    private let scope: ExportScope
    /// The export's number for this storefront (1, 2, …): its file name carries it.
    public let seq: Int
    private let fileName: (Int) -> String
    private let createdAt: Int64
    private var recordID: Int64?
    private let cursor: Int64
    private var throughSeq: Int64
    private let toldSame: Statement
    private let recordTold: Statement
    private let recordExportRow: Statement
    public private(set) var rows = 0

    init(database: Database, tenant: String, storefront: String, channel: String, scope: ExportScope,
         fileName: @escaping (Int) -> String, createdAt: Int64) throws {
        self.database = database
        self.tenant = tenant
        self.storefront = storefront
        self.channel = channel
        self.scope = scope
        self.fileName = fileName
        self.createdAt = createdAt
        cursor = try database.cached("SELECT journal_seq FROM storefront_cursors WHERE tenant = ? AND storefront = ?")
            .first([.text(tenant), .text(storefront)]) { $0.int(0) } ?? 0
        throughSeq = cursor
        seq = try ExportRecords.nextSeq(database, tenant: tenant, storefront: storefront)
        toldSame = try database.cached("SELECT digest = ? FROM told WHERE tenant = ? AND storefront = ? AND row_key = ?")
        recordTold = try database.cached("""
            INSERT INTO told (tenant, storefront, row_key, digest) VALUES (?, ?, ?, ?)
            ON CONFLICT (tenant, storefront, row_key) DO UPDATE SET digest = excluded.digest
            """)
        recordExportRow = try database.cached("INSERT INTO export_rows (export_id, order_no, row_key) VALUES (?, ?, ?)")
    }

    /// The export's record, inserted with its first row: an export without rows leaves none.
    private func exportID() throws -> Int64 {
        if let recordID { return recordID }
        try database.cached("""
            INSERT INTO exports (tenant, storefront, seq, file, rows, created_at, kind) VALUES (?, ?, ?, ?, 0, ?, ?)
            """).run(.text(tenant), .text(storefront), .int(seq), .text(fileName(seq)), .integer(createdAt),
                     .text(scope == .snapshot ? "snapshot" : "changes"))
        recordID = database.lastInsertRowID
        return database.lastInsertRowID
    }

    /// Calls `body` with every order of this storefront's channel the export covers, once each,
    /// by order number. The journal is read from the cursor on (all tenants share the sequence, so
    /// only the new entries are read), and its orders with their lines and shipments: one
    /// statement for the whole export, not three per order (`changedOrdersSQL`). The cursor then
    /// moves past every entry, other tenants' and other channels' included.
    public func forEachChangedOrder(_ body: (OrderView) throws -> Void) throws {
        var order: OrderViewParts?
        try database.cached(Self.changedOrdersSQL)
            .forEachRow([.integer(scope == .snapshot ? 0 : cursor), .text(tenant), .text(channel)]) { row in
                let orderNo = row.text(0)
                if order?.orderNo != orderNo {
                    if let order { try body(order.view) }
                    order = OrderViewParts(tenant: tenant, orderNo: orderNo, channel: channel, channelRef: row.text(1))
                }
                guard !row.isNull(Self.lineColumn) else { return }
                order?.addLine(row, from: Self.lineColumn)
                if !row.isNull(Self.shipmentColumn) {
                    order?.addShipment(row.text(Self.shipmentColumn), row, from: Self.shipmentColumn + 1)
                }
            }
        if let order { try body(order.view) }
        if let newest = try database.cached("SELECT max(seq) FROM journal").first([], { $0.optionalInt(0) }) ?? nil {
            throughSeq = max(throughSeq, newest)
        }
    }

    /// Where `changedOrdersSQL`'s line columns start, and its shipment's (tracking, then the rest).
    private static let lineColumn: Int32 = 2
    private static let shipmentColumn = lineColumn + OrderViewParts.lineColumnCount

    /// The orders of a tenant's channel journaled after a sequence number, each with its lines and
    /// the shipment row each line names, if any (`OrderViewParts`), in order-number order: SQLite
    /// walks the journaled numbers as a sorted list and reads each order's rows by key, so the
    /// pages of the orders, lines and shipments tables are visited in order, each about once, and
    /// nothing is sorted (the journal's own order jumped across the whole table, page after page).
    static let changedOrdersSQL = """
        SELECT o.order_no, o.channel_ref, \(OrderViewParts.lineColumns("l")), s.tracking, \(OrderViewParts.shipmentColumns("s"))
        FROM orders o
        LEFT JOIN lines l ON l.tenant = o.tenant AND l.order_no = o.order_no
        LEFT JOIN shipments s ON s.tenant = l.tenant AND s.tracking = l.tracking
        WHERE o.tenant = ?2 AND o.order_no IN (SELECT order_no FROM journal WHERE seq > ?1 AND tenant = ?2) AND o.channel = ?3
        ORDER BY o.order_no
        """

    /// True when `row` tells the storefront something new: never told (unless it is what the
    /// storefront assumes anyway), or told differently (with `once`, a row told before is never
    /// told again). A snapshot tells every row again, except once-only rows.
    public func isNews(_ row: ExportRow, once: Bool) throws -> Bool {
        let toldSame = try toldSame.first([.blob(RecordDigestCoding.bytes(row.digest)), .text(tenant), .text(storefront), .text(row.key)]) {
            $0.int(0) != 0
        }
        guard let toldSame else { return !row.isStorefrontDefault }
        if once { return false }
        return scope == .snapshot || !toldSame
    }

    /// Records that `row` of `order` is in this export.
    public func markTold(_ row: ExportRow, order: String) throws {
        let exportID = try exportID()
        rows += 1
        try recordTold.run(.text(tenant), .text(storefront), .text(row.key), .blob(RecordDigestCoding.bytes(row.digest)))
        try recordExportRow.run(.integer(exportID), .text(order), .text(row.key))
    }

    /// Moves the storefront's cursor past the orders read and completes the export's record.
    func finish(fingerprint: String?) throws {
        if let recordID {
            try database.cached("UPDATE exports SET rows = ?, fingerprint = ? WHERE id = ?")
                .run(.int(rows), .text(fingerprint), .integer(recordID))
        }
        try database.cached("""
            INSERT INTO storefront_cursors (tenant, storefront, journal_seq) VALUES (?, ?, ?)
            ON CONFLICT (tenant, storefront) DO UPDATE SET journal_seq = max(journal_seq, excluded.journal_seq)
            """).run(.text(tenant), .text(storefront), .integer(throughSeq))
    }
}

extension Ledger {
    /// Runs one storefront export in a transaction: `body` reads the orders, marks the rows it
    /// writes and returns the written file's fingerprint; the cursor and the export record then
    /// commit together.
    public func export(tenant: String, storefront: String, channel: String, scope: ExportScope = .changes, createdAt: Int64,
                       fileName: @escaping (Int) -> String, _ body: (StorefrontExport) throws -> String?) throws -> (seq: Int, rows: Int) {
        journaledOrders.removeAll()
        return try database.transaction {
            let export = try StorefrontExport(database: database, tenant: tenant, storefront: storefront, channel: channel,
                                              scope: scope, fileName: fileName, createdAt: createdAt)
            let fingerprint = try body(export)
            try export.finish(fingerprint: fingerprint)
            return (export.seq, export.rows)
        }
    }
}
