import PODTrackCore

/// Reads an export's changed orders (`ChangedOrdersQuery`) on a connection and a
/// thread of their own, a few batches ahead, while the export's transaction turns each order into
/// rows, compares them with what the storefront was told and writes the file: the read was two
/// thirds of an export's time, and the applying thread's core had nothing else to do. The
/// reading connection sees the ledger as last committed, which is what the export reads: it
/// writes only its own bookkeeping (`told`, `export_rows`, `exports`), never the orders, lines,
/// shipments or journal. When the export fails, the reader is stopped before this returns.
enum ChangedOrdersAhead {
    static let batchSize = 256
    static let batchesAhead = 4
    /// The reading connection's page cache: the orders and their lines are read in key order,
    /// each page about once, so a small cache serves, and the pass's peak memory stays where the
    /// applying connection's cache puts it.
    static let cacheKiB = 512

    /// Calls `body` with each order the export covers, in order-number order, read from the
    /// ledger file at `path`, and what `prepare` made of it on the reading thread (the export's
    /// rows: their formatting is work the applying thread's core need not do), where it can ask
    /// what `storefront` was told of them (`ToldLookup`).
    static func forEach<Prepared: Sendable>(path: String, query: ChangedOrdersQuery, storefront: String,
                                            preparing prepare: @escaping @Sendable (OrderView, ToldLookup?) -> Prepared,
                                            _ body: (OrderView, Prepared) throws -> Void) throws {
        try ProducerThread.run(batchSize: batchSize, batchesAhead: batchesAhead, produce: { sink in
            let database = try Database(path: path, readOnly: true)
            try database.execute("PRAGMA cache_size = -\(cacheKiB)")
            let told = try ToldLookup(database: database, tenant: query.tenant, storefront: storefront)
            try query.forEach(in: database) { try sink.put(($0, prepare($0, told))) }
        }, consume: { try body($0.0, $0.1) })
    }
}
