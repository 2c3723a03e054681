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
    /// What the storefront was told of a row, when the export's reading thread could not say (`tell`).
    private let told: ToldQuery
    /// A row that is news (`tell`): never told, or told otherwise.
    private let insertTold: Statement
    private let updateTold: Statement
    private let recordExportRow: Statement
    /// The ledger file to read the orders from on a second connection, or nil to read them on
    /// this one (`forEachChangedOrder`).
    private let readAheadPath: String?
    public private(set) var rows = 0

    init(database: Database, tenant: String, storefront: String, channel: String, scope: ExportScope,
         fileName: @escaping (Int) -> String, createdAt: Int64, readAheadPath: String?) throws {
        self.database = database
        self.readAheadPath = readAheadPath
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
        told = try ToldQuery(database: database, tenant: tenant, storefront: storefront)
        insertTold = try database.cached("INSERT INTO told (tenant, storefront, row_key, digest) VALUES (?1, ?2, ?3, ?4)")
        updateTold = try database.cached("UPDATE told SET digest = ?4 WHERE tenant = ?1 AND storefront = ?2 AND row_key = ?3")
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
    /// by order number (`ChangedOrdersQuery`), read ahead on a connection of its own unless the
    /// export runs inside a caller's transaction, whose changes only this connection sees. The
    /// cursor then moves past every journal entry, other tenants' and other channels' included.
    ///
    /// `prepare` turns each order into what `body` needs with it (its rows), on the reading
    /// thread when there is one, where it may also read what the storefront was told of them
    /// (`ToldLookup`, for `tell`'s `toldBefore`); without a reading thread it gets no lookup.
    public func forEachChangedOrder<Prepared: Sendable>(preparing prepare: @escaping @Sendable (OrderView, ToldLookup?) -> Prepared,
                                                        _ body: (OrderView, Prepared) throws -> Void) throws {
        let query = ChangedOrdersQuery(since: scope == .snapshot ? 0 : cursor, tenant: tenant, channel: channel)
        if let path = readAheadPath {
            try ChangedOrdersAhead.forEach(path: path, query: query, storefront: storefront, preparing: prepare, body)
        } else {
            try query.forEach(in: database) { try body($0, prepare($0, nil)) }
        }
        if let newest = try database.cached("SELECT max(seq) FROM journal").first([], { $0.optionalInt(0) }) ?? nil {
            throughSeq = max(throughSeq, newest)
        }
    }

    /// Records `row` of `order` as told in this export and returns true, when it tells the
    /// storefront something new: never told (unless it is what the storefront assumes anyway), or
    /// told differently (with `once`, a row told before is never told again). A snapshot tells
    /// every row again, except once-only rows. A row that is no news is left as it was told.
    /// `digest` is the row's (`ExportRow.digest`), worked out by the caller, on whichever thread.
    /// `toldBefore` is what the storefront was told of the row before this export, when the
    /// export's reading thread read it (`ToldLookup`); nil reads it here. Only news is written.
    public func tell(_ row: ExportRow, digest: RecordDigest, toldBefore: ToldState? = nil, of order: String, once: Bool) throws -> Bool {
        let before = try toldBefore ?? told.state(of: row.key)
        guard isNews(row, digest: digest, before: before, once: once) else { return false }
        try (before == .never ? insertTold : updateTold).run(.text(tenant), .text(storefront), .text(row.key),
                                                              .blob(RecordDigestCoding.bytes(digest)))
        try recordExportRow.run(.integer(try exportID()), .text(order), .text(row.key))
        rows += 1
        return true
    }

    /// Whether `row`, with `digest`, tells the storefront something `before` did not (`tell`).
    private func isNews(_ row: ExportRow, digest: RecordDigest, before: ToldState, once: Bool) -> Bool {
        switch before {
        case .never: !row.isStorefrontDefault
        case .told(let toldDigest): !once && (scope == .snapshot || toldDigest != digest)
        }
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
        let readAheadPath = database.isInTransaction ? nil : database.path
        return try database.transaction {
            let export = try StorefrontExport(database: database, tenant: tenant, storefront: storefront, channel: channel,
                                              scope: scope, fileName: fileName, createdAt: createdAt, readAheadPath: readAheadPath)
            let fingerprint = try body(export)
            try export.finish(fingerprint: fingerprint)
            return (export.seq, export.rows)
        }
    }
}
