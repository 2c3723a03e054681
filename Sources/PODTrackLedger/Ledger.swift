import PODTrackCore

/// The SQLite ledger of a site: every drop, event, entity, reject and what each storefront was told.
/// The only writer of the database; all SQL of podtrack lives in this module.
public final class Ledger {
    let database: Database
    /// Where the log is copied into the database file between commits (nil without a file).
    let checkpoint: BackgroundCheckpoint?
    /// What applying drops needs (`ApplyContext`), made on first use.
    private var applying: ApplyContext?
    /// Orders journaled since the last export, so a pass journals each once (`JournaledOrders`).
    var journaledOrders = JournaledOrders()

    /// How many entities a batch holds before it writes them back (`EntityStore`).
    private let entityCapacity: Int

    /// Opens (creating and migrating if needed) the ledger at `path`.
    public convenience init(path: String) throws {
        try self.init(path: path, entityCapacity: EntityStore.defaultCapacity)
    }

    /// The page size of a new ledger. A big ledger is read a page at a time from the file (its
    /// tables outgrow the page cache), and 16 KiB pages took the 200k-order world 13% less time
    /// than SQLite's 4 KiB ones. A ledger made with other pages keeps them.
    static let pageSize = 16384

    /// References between tables (an event's drop, an export row's export) are declared in the
    /// schema but not enforced while writing: with enforcement on, SQLite keeps a statement journal
    /// for every upsert and multi-row statement, a copy of each page it touches (17 MB of temporary
    /// file per pass of the 20k-order incremental world). The ledger's own code is its only writer,
    /// and the tests check every reference after real passes (`PRAGMA foreign_key_check`).
    ///
    /// Every commit reaches the disk before it returns (`synchronous = FULL`): a pass moves its
    /// files to the archive and publishes its exports once the ledger has committed them, so a
    /// commit lost to a power cut would leave a drop archived that the ledger never applied, or an
    /// export the storefront has and the ledger would send again. It costs an fsync of the
    /// write-ahead log per batch and per export: a few percent of an incremental round, measured.
    ///
    /// Freed space is not zeroed (`secure_delete = OFF`, SQLite's own default, which Debian's
    /// build turns on): every write-back that grows a row frees its old cell, and every page
    /// split zeroes its new page, 1.3% of the applying thread's instructions on the 20k-order
    /// world. The ledger deletes nothing but record digests and inbox notices, so what free
    /// space may keep is an older version of a row the ledger still holds.
    init(path: String, entityCapacity: Int, checkpointFrames: (background: Int32, inline: Int32)
            = (BackgroundCheckpoint.frames, BackgroundCheckpoint.inlineFrames)) throws {
        self.entityCapacity = entityCapacity
        let database = try Database(path: path)
        self.database = database
        try database.execute("""
            PRAGMA page_size = \(Self.pageSize);
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA foreign_keys = OFF;
            PRAGMA secure_delete = OFF;
            PRAGMA cache_size = -16384;
            """)
        try database.keepWriteAheadLog()
        checkpoint = database.path.map {
            BackgroundCheckpoint(path: $0, listeningTo: database, frames: checkpointFrames.background, inlineFrames: checkpointFrames.inline)
        }
        try Migrations.migrate(database)
    }

    deinit {
        checkpoint?.stop(listeningTo: database)
        database.recycleWriteAheadLog()
    }
}

/// A file taken from the Inbox, identified by its bytes.
public struct DropClaim: Sendable {
    public var tenant: String
    public var source: String
    public var name: String
    public var fingerprint: String
    public var size: Int
    public var receivedAt: Int64

    public init(tenant: String, source: String, name: String, fingerprint: String, size: Int, receivedAt: Int64) {
        self.tenant = tenant
        self.source = source
        self.name = name
        self.fingerprint = fingerprint
        self.size = size
        self.receivedAt = receivedAt
    }
}

/// An applied drop whose bytes a longer file may start with: read on from `size`, after `lines` lines.
public struct ResumePoint: Sendable, Equatable {
    public var dropID: Int64
    public var name: String
    public var size: Int
    public var fingerprint: String
    public var lines: Int
}

/// What the ledger recorded for a drop.
public struct DropResult: Sendable, Equatable {
    public var dropID: Int64
    public var counts: DropCounts
    public var stats: ApplyStats
}

extension Ledger {
    /// The applied drop of this tenant and source with the same bytes, if any: its id, file name
    /// and where it was stored.
    public func appliedDrop(tenant: String, source: String, fingerprint: String) throws -> (id: Int64, name: String, storedAs: String)? {
        try database.cached("""
            SELECT id, name, stored_as FROM drops WHERE tenant = ? AND source = ? AND fingerprint = ? AND state = 'applied' LIMIT 1
            """).first([.text(tenant), .text(source), .text(fingerprint)]) { ($0.int(0), $0.text(1), $0.text(2)) }
    }

    /// Runs `body` in one transaction: the drops it applies (`applyDrop`, each as a savepoint)
    /// and records commit together, and the lines, shipments and orders they changed are written
    /// once, when it ends, not once per drop. When `body` throws, nothing of it stays.
    public func batch<T>(_ body: () throws -> T) throws -> T {
        do {
            let result = try database.transaction {
                let result = try body()
                try applying?.store.flush()
                return result
            }
            journaledOrders.commitBatch()
            return result
        } catch {
            applying?.store.discard()
            applying?.events.discard()
            journaledOrders.forgetBatch()
            throw error
        }
    }

    /// Applies a drop as a savepoint of the open `batch` (outside one, as a batch of its own): the
    /// drop record, its events, rejects, journal and entity changes land together or not at all.
    /// `read` streams the file into the applier and returns its counts; the digests it hands the
    /// applier become the source's memory (`recordMemory`), and the rows it skipped as unchanged
    /// count as events already known.
    public func applyDrop(_ claim: DropClaim, sourceKind: SourceKind, storedAs: String, resumedFrom: ResumePoint? = nil,
                          read: (DropApplier) throws -> DropCounts) throws -> DropResult {
        guard database.isInTransaction else {
            // On its own, a drop is a batch of one.
            return try batch { try applyDrop(claim, sourceKind: sourceKind, storedAs: storedAs, resumedFrom: resumedFrom, read: read) }
        }
        let (statements, store, events) = try applyingContext()
        try store.beginDrop()
        let (result, journaled): (DropResult, Set<String>)
        do {
            (result, journaled) = try database.transaction {
                let dropID = try insertDrop(claim, state: "applied", storedAs: storedAs)
                let applier = DropApplier(statements: statements, store: store, events: events, dropID: dropID, claim: claim,
                                          sourceKind: sourceKind, journaled: journaledOrders.journal(forDropOf: claim.tenant),
                                          memory: RecordMemoryWriter(database: database, claim: claim, dropID: dropID))
                let counts = try read(applier)
                try events.finishDrop()
                try applier.finishMemory()
                var stats = applier.stats
                stats.eventsDuplicate += counts.unchanged
                try database.cached("""
                    UPDATE drops SET records = ?, ignored = ?, noise = ?, events_new = ?, events_duplicate = ?, rejected = ?,
                                     lines = ?, resumable = ?, resumed_from = ?, resumed_at_byte = ?
                    WHERE id = ?
                    """).run(.int(counts.records), .int(counts.ignored), .int(counts.noise), .int(stats.eventsNew),
                             .int(stats.eventsDuplicate), .int(stats.rejected), .int(counts.lines),
                             .int(counts.endsOnRecordBoundary ? 1 : 0), resumedFrom.map { SQLValue.integer($0.dropID) } ?? .null,
                             .int(resumedFrom?.size), .integer(dropID))
                return (DropResult(dropID: dropID, counts: counts, stats: stats), applier.journaled.orders)
            }
        } catch {
            store.undoDrop()
            events.discard()
            throw error
        }
        store.endDrop()
        journaledOrders.add(journaled, tenant: claim.tenant)
        return result
    }

    /// The statements applying drops runs, the entities a batch holds and the events a drop appends.
    private typealias ApplyContext = (statements: ApplyStatements, store: EntityStore, events: EventAppender)

    private func applyingContext() throws -> ApplyContext {
        if let applying { return applying }
        let statements = try ApplyStatements(database)
        let made = (statements: statements, store: EntityStore(statements: statements, capacity: entityCapacity),
                    events: EventAppender(database))
        applying = made
        return made
    }

    /// Applied drops of a source that a longer file could continue (they ended on a record
    /// boundary), smaller than `size`, newest first: where a cumulative file may resume. Only the
    /// source's last `resumeWindow` drops are looked at, read backwards through an index, so the
    /// search costs the same after a year of drops as on the first day; a file whose earlier
    /// copy is older than that is read whole (its known events are recognised, nothing is lost).
    public func resumePoints(tenant: String, source: String, smallerThan size: Int, limit: Int) throws -> [ResumePoint] {
        var points: [ResumePoint] = []
        try database.cached(Self.resumePointsSQL).forEachRow([.text(tenant), .text(source), .int(Self.resumeWindow), .int(size), .int(limit)]) { row in
            points.append(ResumePoint(dropID: row.int(0), name: row.text(1), size: Int(row.int(2)), fingerprint: row.text(3),
                                      lines: Int(row.int(4))))
        }
        return points
    }

    /// How many of a source's latest drops `resumePoints` looks through.
    static let resumeWindow = 256

    static let resumePointsSQL = """
        SELECT id, name, size, fingerprint, lines FROM drops
        WHERE id IN (SELECT id FROM drops INDEXED BY drops_by_source WHERE tenant = ? AND source = ? ORDER BY id DESC LIMIT ?)
          AND state = 'applied' AND resumable = 1 AND size > 0 AND size < ?
        ORDER BY id DESC LIMIT ?
        """

    /// Records a drop whose bytes were applied before: nothing else changes.
    @discardableResult
    public func recordDuplicate(_ claim: DropClaim, of original: Int64, storedAs: String) throws -> Int64 {
        try database.transaction {
            let id = try insertDrop(claim, state: "duplicate", storedAs: storedAs)
            try database.cached("UPDATE drops SET duplicate_of = ? WHERE id = ?").run(.integer(original), .integer(id))
            return id
        }
    }

    /// Records a drop that could not be used at all, with the error shown to the operator.
    @discardableResult
    public func recordQuarantine(_ claim: DropClaim, error: String, storedAs: String) throws -> Int64 {
        try database.transaction {
            let id = try insertDrop(claim, state: "quarantined", storedAs: storedAs)
            try database.cached("UPDATE drops SET error = ? WHERE id = ?").run(.text(error), .integer(id))
            return id
        }
    }

    private func insertDrop(_ claim: DropClaim, state: String, storedAs: String) throws -> Int64 {
        try database.cached("""
            INSERT INTO drops (tenant, source, name, fingerprint, size, state, received_at, stored_as)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).run(.text(claim.tenant), .text(claim.source), .text(claim.name), .text(claim.fingerprint),
                     .int(claim.size), .text(state), .integer(claim.receivedAt), .text(storedAs))
        return database.lastInsertRowID
    }
}
