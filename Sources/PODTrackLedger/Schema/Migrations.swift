/// The ledger's schema as numbered migrations; `PRAGMA user_version` records how far a ledger is.
/// Never edit a shipped migration: add the next one.
enum Migrations {
    static let all: [String] = [
        // 1: drops, events, entities, rejects, journal, storefront bookkeeping
        """
        CREATE TABLE drops (
            id INTEGER PRIMARY KEY,
            tenant TEXT NOT NULL, source TEXT NOT NULL, name TEXT NOT NULL,
            fingerprint TEXT NOT NULL, size INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('applied', 'duplicate', 'quarantined')),
            duplicate_of INTEGER REFERENCES drops(id),
            received_at INTEGER NOT NULL,
            records INTEGER NOT NULL DEFAULT 0, ignored INTEGER NOT NULL DEFAULT 0, noise INTEGER NOT NULL DEFAULT 0,
            events_new INTEGER NOT NULL DEFAULT 0, events_duplicate INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            lines INTEGER NOT NULL DEFAULT 0, resumable INTEGER NOT NULL DEFAULT 0,
            resumed_from INTEGER REFERENCES drops(id), resumed_at_byte INTEGER,
            error TEXT, stored_as TEXT
        );
        CREATE INDEX drops_fingerprint ON drops(tenant, source, fingerprint);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            occurred_at INTEGER NOT NULL, dedupe INTEGER NOT NULL, subject_key INTEGER NOT NULL,
            tenant TEXT NOT NULL, source_kind TEXT NOT NULL, subject_kind TEXT NOT NULL, subject TEXT NOT NULL,
            state TEXT NOT NULL, discriminator TEXT NOT NULL,
            source TEXT NOT NULL, drop_id INTEGER NOT NULL REFERENCES drops(id), line INTEGER NOT NULL,
            raw_word TEXT NOT NULL
        );
        CREATE UNIQUE INDEX events_dedupe ON events(occurred_at, dedupe);
        CREATE INDEX events_subject ON events(subject_key);

        CREATE TABLE orders (
            tenant TEXT NOT NULL, order_no TEXT NOT NULL,
            channel TEXT, channel_ref TEXT, ship_to TEXT, facts_at INTEGER,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (tenant, order_no)
        ) WITHOUT ROWID;

        CREATE TABLE lines (
            tenant TEXT NOT NULL, order_no TEXT NOT NULL, line_no INTEGER NOT NULL,
            sku TEXT, quantity INTEGER, channel_line_ref TEXT, facts_at INTEGER,
            rank INTEGER NOT NULL DEFAULT 0, flag TEXT, terminal TEXT, last_event_at INTEGER NOT NULL,
            flagged INTEGER NOT NULL DEFAULT 0,
            tracking TEXT, carrier TEXT, shipped_at INTEGER,
            PRIMARY KEY (tenant, order_no, line_no)
        ) WITHOUT ROWID;
        CREATE INDEX lines_tracking ON lines(tenant, tracking) WHERE tracking IS NOT NULL;

        CREATE TABLE shipments (
            tenant TEXT NOT NULL, tracking TEXT NOT NULL,
            carrier TEXT, reference TEXT,
            rank INTEGER NOT NULL DEFAULT 0, flag TEXT, terminal TEXT, last_event_at INTEGER NOT NULL,
            flagged INTEGER NOT NULL DEFAULT 0,
            events INTEGER NOT NULL DEFAULT 0,
            linked INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (tenant, tracking)
        ) WITHOUT ROWID;
        CREATE INDEX shipments_orphans ON shipments(tenant, last_event_at) WHERE linked = 0 AND events > 0;

        CREATE TABLE rejects (
            id INTEGER PRIMARY KEY,
            drop_id INTEGER NOT NULL REFERENCES drops(id),
            line INTEGER NOT NULL, field TEXT, reason TEXT NOT NULL, raw_text TEXT NOT NULL
        );
        CREATE INDEX rejects_drop ON rejects(drop_id);

        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY,
            tenant TEXT NOT NULL, order_no TEXT NOT NULL, drop_id INTEGER NOT NULL
        );
        CREATE INDEX journal_tenant ON journal(tenant, seq);

        CREATE TABLE storefront_cursors (
            tenant TEXT NOT NULL, storefront TEXT NOT NULL, journal_seq INTEGER NOT NULL,
            PRIMARY KEY (tenant, storefront)
        ) WITHOUT ROWID;

        CREATE TABLE exports (
            id INTEGER PRIMARY KEY,
            tenant TEXT NOT NULL, storefront TEXT NOT NULL, seq INTEGER NOT NULL,
            file TEXT NOT NULL, rows INTEGER NOT NULL, created_at INTEGER NOT NULL, picked_up_at INTEGER,
            UNIQUE (tenant, storefront, seq)
        );

        CREATE TABLE told (
            tenant TEXT NOT NULL, storefront TEXT NOT NULL, row_key TEXT NOT NULL,
            digest TEXT NOT NULL, export_id INTEGER NOT NULL REFERENCES exports(id),
            PRIMARY KEY (tenant, storefront, row_key)
        ) WITHOUT ROWID;
        """,
        // 2: operators re-queue quarantined drops; files the inbox cannot take are reported once
        """
        ALTER TABLE drops ADD COLUMN retried_at INTEGER;
        CREATE TABLE inbox_notices (
            path TEXT NOT NULL, reason TEXT NOT NULL, first_seen INTEGER NOT NULL,
            PRIMARY KEY (path, reason)
        ) WITHOUT ROWID;
        """,
        // 3: export files carry their fingerprint and kind; every row told is kept per file (explain)
        """
        ALTER TABLE exports ADD COLUMN fingerprint TEXT;
        ALTER TABLE exports ADD COLUMN kind TEXT NOT NULL DEFAULT 'changes';
        ALTER TABLE exports ADD COLUMN resend_of INTEGER;
        CREATE INDEX exports_waiting ON exports(tenant, storefront) WHERE picked_up_at IS NULL;
        CREATE TABLE export_rows (
            export_id INTEGER NOT NULL REFERENCES exports(id),
            order_no TEXT NOT NULL, row_key TEXT NOT NULL
        );
        CREATE INDEX export_rows_order ON export_rows(order_no);
        CREATE INDEX lines_progress ON lines(tenant, rank, last_event_at) WHERE terminal IS NULL;
        CREATE INDEX shipments_progress ON shipments(tenant, rank, last_event_at) WHERE terminal IS NULL;
        """,
        // 4: a line or shipment keeps its own event history (id:occurred_at:state …), so events
        // need no subject index; an event row keeps what explain shows and the dedupe key, and
        // reaches tenant and source through its drop. A shipment lists the orders whose lines name it
        // (one per line), so carrier events need no lookup in lines. Exports read the journal by
        // sequence from their cursor, so it needs no index by tenant. An order's latest change is
        // its lines' and shipments' newest event, so orders keep no copy of it. The tracking index covers
        // shipped_at, so the stuck-shipment query never scans a tenant's lines per shipment
        """
        ALTER TABLE lines ADD COLUMN history TEXT NOT NULL DEFAULT '';
        ALTER TABLE shipments ADD COLUMN history TEXT NOT NULL DEFAULT '';
        CREATE INDEX events_by_subject_text ON events(tenant, subject_kind, subject, id);
        UPDATE lines SET history = coalesce((
            SELECT group_concat(id || ':' || occurred_at || ':' || state, ' ') FROM events e
            WHERE e.tenant = lines.tenant AND e.subject_kind = 'line' AND e.subject = lines.order_no || '/' || lines.line_no), '');
        UPDATE shipments SET history = coalesce((
            SELECT group_concat(id || ':' || occurred_at || ':' || state, ' ') FROM events e
            WHERE e.tenant = shipments.tenant AND e.subject_kind = 'shipment' AND e.subject = shipments.tracking), '');
        CREATE TABLE events_v4 (
            id INTEGER PRIMARY KEY,
            occurred_at INTEGER NOT NULL, dedupe INTEGER NOT NULL,
            drop_id INTEGER NOT NULL, line INTEGER NOT NULL,
            state TEXT NOT NULL, raw_word TEXT NOT NULL, discriminator TEXT NOT NULL
        );
        INSERT INTO events_v4 SELECT id, occurred_at, dedupe, drop_id, line, state, raw_word, discriminator FROM events ORDER BY id;
        DROP TABLE events;
        ALTER TABLE events_v4 RENAME TO events;
        CREATE UNIQUE INDEX events_dedupe ON events(occurred_at, dedupe);
        ALTER TABLE shipments ADD COLUMN orders TEXT NOT NULL DEFAULT '';
        UPDATE shipments SET orders = coalesce((
            SELECT group_concat(order_no, char(10)) FROM (
                SELECT DISTINCT order_no FROM lines l WHERE l.tenant = shipments.tenant AND l.tracking = shipments.tracking)), '');
        DROP INDEX journal_tenant;
        ALTER TABLE orders DROP COLUMN updated_at;
        DROP INDEX lines_tracking;
        CREATE INDEX lines_tracking ON lines(tenant, tracking, shipped_at) WHERE tracking IS NOT NULL;
        """,
        // 5: histories are stored as bytes (`HistoryCoding`), a quarter of the text's size: every
        // drop rewrites the rows it touches, so their size is what commits and checkpoints pay
        """
        UPDATE lines SET history = \(HistoryTextUpgrade.function)(history);
        UPDATE shipments SET history = \(HistoryTextUpgrade.function)(history);
        """,
        // 6: a duplicate is found in its subject's history, which keeps each event's dedupe tag
        // (`DedupeKey.tag`); the subject is read anyway. So events are appended with no index and
        // keep no key: the unique index cost every insert a B-tree search and a page to write
        """
        UPDATE lines SET history = \(HistoryTagUpgrade.function)(history);
        UPDATE shipments SET history = \(HistoryTagUpgrade.function)(history);
        DROP INDEX events_dedupe;
        ALTER TABLE events DROP COLUMN dedupe;
        """,
        // 7: each source's last drop leaves the digests of its records (`RecordMemory`), in
        // chunks, so the rows a snapshot export repeats are skipped in the next one
        """
        CREATE TABLE record_memories (
            tenant TEXT NOT NULL, source TEXT NOT NULL, chunk INTEGER NOT NULL,
            drop_id INTEGER NOT NULL REFERENCES drops(id),
            digests BLOB NOT NULL,
            UNIQUE (tenant, source, chunk)
        );
        """,
        // 8: a row told is remembered by its digest (`ExportRow.digest`, 16 bytes) instead of its
        // visible text, and without the export that told it, which `export_rows` keeps: every
        // round rewrites the `told` rows of the orders it touched
        """
        CREATE TABLE told_v8 (
            tenant TEXT NOT NULL, storefront TEXT NOT NULL, row_key TEXT NOT NULL, digest BLOB NOT NULL,
            PRIMARY KEY (tenant, storefront, row_key)
        ) WITHOUT ROWID;
        INSERT INTO told_v8 SELECT tenant, storefront, row_key, \(ToldDigestUpgrade.function)(digest) FROM told;
        DROP TABLE told;
        ALTER TABLE told_v8 RENAME TO told;
        """,
        // 9: what every pass asks of its drops and exports costs the same after a year as on the
        // first day. The metrics' totals since the ledger began are kept by triggers, exact
        // whatever writes a drop or an export (neither is ever deleted); a source's last drop and
        // its resume points are read newest first from an index, its quarantined drops and its
        // last day's rejected rows from indexes of their own. Before, each pass scanned and sorted
        // every drop of every source: with 200 000 drops (a year of files every 15 minutes from
        // six sources) a run with nothing new took 1.3 s instead of 25 ms
        """
        CREATE INDEX drops_by_source ON drops(tenant, source, id);
        CREATE INDEX drops_received ON drops(tenant, source, received_at, rejected);
        CREATE INDEX drops_quarantined ON drops(tenant, source, id) WHERE state = 'quarantined' AND retried_at IS NULL;

        CREATE TABLE drop_totals (
            tenant TEXT NOT NULL, source TEXT NOT NULL, state TEXT NOT NULL,
            drops INTEGER NOT NULL, records INTEGER NOT NULL, events_new INTEGER NOT NULL,
            events_duplicate INTEGER NOT NULL, rejected INTEGER NOT NULL,
            PRIMARY KEY (tenant, source, state)
        ) WITHOUT ROWID;
        INSERT INTO drop_totals
            SELECT tenant, source, state, count(*), sum(records), sum(events_new), sum(events_duplicate), sum(rejected)
            FROM drops GROUP BY tenant, source, state;
        CREATE TRIGGER drop_totals_insert AFTER INSERT ON drops BEGIN
            \(countNewDrop)
        END;
        CREATE TRIGGER drop_totals_update AFTER UPDATE OF state, records, events_new, events_duplicate, rejected ON drops BEGIN
            UPDATE drop_totals SET drops = drops - 1, records = records - OLD.records, events_new = events_new - OLD.events_new,
                events_duplicate = events_duplicate - OLD.events_duplicate, rejected = rejected - OLD.rejected
            WHERE tenant = OLD.tenant AND source = OLD.source AND state = OLD.state;
            \(countNewDrop)
        END;

        CREATE TABLE export_totals (
            tenant TEXT NOT NULL, storefront TEXT NOT NULL, files INTEGER NOT NULL,
            PRIMARY KEY (tenant, storefront)
        ) WITHOUT ROWID;
        INSERT INTO export_totals SELECT tenant, storefront, count(*) FROM exports WHERE rows > 0 GROUP BY tenant, storefront;
        CREATE TRIGGER export_totals_insert AFTER INSERT ON exports WHEN NEW.rows > 0 BEGIN
            INSERT INTO export_totals VALUES (NEW.tenant, NEW.storefront, 1) ON CONFLICT DO UPDATE SET files = files + 1;
        END;
        CREATE TRIGGER export_totals_update AFTER UPDATE OF rows ON exports WHEN (OLD.rows > 0) <> (NEW.rows > 0) BEGIN
            INSERT INTO export_totals VALUES (NEW.tenant, NEW.storefront, NEW.rows > 0)
            ON CONFLICT DO UPDATE SET files = files + (CASE WHEN NEW.rows > 0 THEN 1 ELSE -1 END);
        END;
        """,
        // 10: events are stored up to 64 to a row (`EventChunks`): a row per event cost more than a
        // fifth of the applying thread. `EventChunkUpgrade` then moves the event rows over, keeping
        // their ids, and drops the table
        """
        CREATE TABLE event_chunks (
            first_id INTEGER PRIMARY KEY,
            drop_id INTEGER NOT NULL REFERENCES drops(id),
            events INTEGER NOT NULL, latest_at INTEGER NOT NULL,
            body BLOB NOT NULL
        );
        """,
    ]

    /// What a migration does beyond its SQL, after it, in the same transaction, by version.
    private static let upgrades: [Int: @Sendable (Database) throws -> Void] = [10: EventChunkUpgrade.run]

    /// Migration 9's triggers: adds the drop `NEW` to its source's and state's totals. Part of a
    /// shipped migration: never change it.
    private static let countNewDrop = """
        INSERT INTO drop_totals VALUES (NEW.tenant, NEW.source, NEW.state, 1, NEW.records, NEW.events_new,
                                        NEW.events_duplicate, NEW.rejected)
            ON CONFLICT DO UPDATE SET drops = drops + 1, records = records + excluded.records,
                events_new = events_new + excluded.events_new, events_duplicate = events_duplicate + excluded.events_duplicate,
                rejected = rejected + excluded.rejected;
        """

    /// Brings `database` up to schema `version` (the latest unless a test asks for an older one),
    /// one transaction per migration.
    static func migrate(_ database: Database, upTo version: Int = all.count) throws {
        let current = try database.cached("PRAGMA user_version").first { Int($0.int(0)) } ?? 0
        guard current <= all.count else {
            throw SQLiteError(code: 1, message: "the ledger has schema version \(current), this podtrack knows up to \(all.count): upgrade podtrack", sql: nil)
        }
        if current < version {
            try HistoryTextUpgrade.define(on: database)
            try HistoryTagUpgrade.define(on: database)
            try ToldDigestUpgrade.define(on: database)
        }
        for (offset, sql) in all.prefix(version).enumerated().dropFirst(current) {
            try database.transaction {
                try database.execute(sql)
                try upgrades[offset + 1]?(database)
                try database.execute("PRAGMA user_version = \(offset + 1)")
            }
        }
    }
}
