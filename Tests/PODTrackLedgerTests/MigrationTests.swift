import Foundation
import Testing
import PODTrackCore
@testable import PODTrackLedger

/// A ledger written by an older podtrack opens with its history intact.
@Suite struct MigrationTests {
    @Test func aNewLedgerHasLargePagesAndAnOldOneKeepsItsOwn() throws {
        let fresh = try LedgerFolder()
        let pageSize = { (ledger: Ledger) in try ledger.database.cached("PRAGMA page_size").first { $0.int(0) } }
        #expect(try pageSize(fresh.open()) == Int64(Ledger.pageSize))

        let old = try LedgerFolder()
        do {
            let database = try Database(path: old.ledgerPath)
            try database.execute("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;")
            try Migrations.migrate(database, upTo: 5)
        }
        let ledger = try old.open()
        #expect(try pageSize(ledger) == 4096)
        let stats = try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100)])
        #expect(stats.eventsNew == 1)
        #expect(try ledger.view("acme", "A-1")?.lines.first?.fold.progress == .received)
    }

    /// Schema 9 kept a row per event; 10 packs them into chunks, each event keeping its id.
    @Test func aVersion9LedgersEventsMoveIntoChunksUnderTheirOwnIds() throws {
        let folder = try LedgerFolder()
        let firstDrop = (1...70).map { "(\($0), \(1000 + $0), 1, \($0 + 1), 'queued', 'Q', 'J\($0)')" }
        // A gap in the ids (an event row deleted by hand) and a drop of its own each end a chunk.
        let secondDrop = (80...82).map { "(\($0), \(900 - $0), 2, 3, 'printed', 'Done é', '')" }
        do {
            let old = try Database(path: folder.ledgerPath)
            try Migrations.migrate(old, upTo: 9)
            try old.execute("""
                INSERT INTO drops (id, tenant, source, name, fingerprint, size, state, received_at)
                VALUES (1, 'acme', 'rip', 'rip-1.log', 'f1', 10, 'applied', 0), (2, 'acme', 'rip', 'rip-2.log', 'f2', 10, 'applied', 0);
                INSERT INTO events (id, occurred_at, drop_id, line, state, raw_word, discriminator) VALUES
                    \((firstDrop + ["(75, 5, 1, 99, 'received', '', '')"] + secondDrop).joined(separator: ", "));
                """)
        }
        let ledger = try folder.open()
        let chunks = try ledger.rows("SELECT first_id, drop_id, events, latest_at FROM event_chunks ORDER BY first_id")
        #expect(chunks == ["1|1|64|1064", "65|1|6|1070", "75|1|1|5", "80|2|3|820"])
        #expect(try ledger.rows("SELECT name FROM sqlite_schema WHERE name = 'events'").isEmpty)
        let stored = EventChunks(database: ledger.database)
        #expect(try stored.chunk(holding: 70)?.event(70) == EventRow(occurredAt: 1070, line: 71, state: .queued, rawWord: "Q",
                                                                     discriminator: "J70"))
        #expect(try stored.chunk(holding: 81)?.event(81) == EventRow(occurredAt: 819, line: 3, state: .printed, rawWord: "Done é",
                                                                     discriminator: ""))
        #expect(try stored.chunk(holding: 72) == nil, "no event has id 72")
        #expect(try stored.nextID() == 83)
    }

    @Test func aVersion9EventWithAStateNoPodtrackWroteStopsTheUpgradeAndNamesIt() throws {
        let folder = try LedgerFolder()
        do {
            let old = try Database(path: folder.ledgerPath)
            try Migrations.migrate(old, upTo: 9)
            try old.execute("""
                INSERT INTO drops (id, tenant, source, name, fingerprint, size, state, received_at)
                VALUES (1, 'acme', 'rip', 'rip-1.log', 'f1', 10, 'applied', 0);
                INSERT INTO events (id, occurred_at, drop_id, line, state, raw_word, discriminator) VALUES
                    (1, 1000, 1, 2, 'queued', 'Q', ''), (2, 1001, 1, 3, 'half_printed', 'H', '');
                """)
        }
        let error = #expect(throws: SQLiteError.self) { try folder.open() }
        #expect(error?.message.contains("event 2 has the state 'half_printed'") == true, "\(String(describing: error))")
        let database = try Database(path: folder.ledgerPath)
        #expect(try database.cached("PRAGMA user_version").first { $0.int(0) } == 9, "nothing of the upgrade applied")
        #expect(try database.cached("SELECT count(*) FROM events").first { $0.int(0) } == 2)
    }

    @Test func aVersion3LedgerKeepsEveryEventAndItsSubject() throws {
        let folder = try LedgerFolder()
        let path = folder.ledgerPath
        let printed = DedupeKey().adding("acme").adding("print").adding("A-1/1").adding("printed").adding("J1").value
        do {
            let old = try Database(path: path)
            try Migrations.migrate(old, upTo: 3)
            try old.execute("""
                INSERT INTO drops (id, tenant, source, name, fingerprint, size, state, received_at)
                VALUES (1, 'acme', 'rip', 'rip-1.log', 'f1', 10, 'applied', 0), (2, 'acme', 'ups', 'QVD_1.csv', 'f2', 10, 'applied', 0);
                INSERT INTO events (id, occurred_at, dedupe, subject_key, tenant, source_kind, subject_kind, subject, state,
                                    discriminator, source, drop_id, line, raw_word) VALUES
                    (1, 1000, 11, 0, 'acme', 'print', 'line', 'A-1/1', 'printing', 'J1', 'rip', 1, 4, 'Started'),
                    (2, 2000, \(printed), 0, 'acme', 'print', 'line', 'A-1/1', 'printed', 'J1', 'rip', 1, 9, 'Done'),
                    (3, 3000, 13, 0, 'acme', 'carrier', 'shipment', '1Z9', 'in_transit', '', 'ups', 2, 2, 'I');
                INSERT INTO orders (tenant, order_no, channel, channel_ref, updated_at) VALUES ('acme', 'A-1', 'SHOPIFY-EU', '#1', 2000);
                INSERT INTO lines (tenant, order_no, line_no, rank, last_event_at, tracking, carrier)
                    VALUES ('acme', 'A-1', 1, 50, 2000, '1Z9', 'ups');
                INSERT INTO lines (tenant, order_no, line_no, rank, last_event_at) VALUES ('acme', 'A-1', 2, 0, 0);
                INSERT INTO shipments (tenant, tracking, rank, last_event_at, events, linked) VALUES ('acme', '1Z9', 80, 3000, 1, 1);
                PRAGMA user_version = 3;
                """)
        }
        let ledger = try Ledger(path: path)
        let events = try ledger.events(tenant: "acme", orderNo: "A-1", trackings: ["1Z9"])
        #expect(events.map(\.state) == ["printing", "printed", "in_transit"])
        #expect(events.map(\.fileName) == ["rip-1.log", "rip-1.log", "QVD_1.csv"])
        #expect(events.map(\.line) == [4, 9, 2])
        #expect(events.map(\.rawWord) == ["Started", "Done", "I"])
        #expect(events.map(\.subject) == ["A-1/1", "A-1/1", "1Z9"])
        #expect(try ledger.orderView(tenant: "acme", orderNo: "A-1")?.lines.count == 2, "a line without events keeps an empty history")

        // The migrated history refolds: a late event on the line lands in time order.
        let result = try ledger.apply([
            StatusEvent(subject: .line(order: "A-1", line: 1), state: .queued, occurredAt: 500, discriminator: "J1", rawWord: "Queued", line: 1),
            StatusEvent(subject: .line(order: "A-1", line: 1), state: .printed, occurredAt: 2000, discriminator: "J1", rawWord: "Done", line: 9),
        ], source: "rip", kind: .print, name: "rip-2.log")
        #expect(result.eventsNew == 1)
        #expect(result.eventsDuplicate == 1, "the old dedupe keys still hold")
        #expect(try ledger.orderView(tenant: "acme", orderNo: "A-1")?.lines.first?.fold.progress == .printed)
        #expect(try ledger.events(tenant: "acme", orderNo: "A-1", trackings: []).map(\.state) == ["queued", "printing", "printed"])

        // The shipment knows its order from the migrated link: a new scan is no orphan.
        let scanned = try ledger.apply([TestEvents.scan("1Z9", .delivered, at: 4000)], source: "ups", kind: .carrier, name: "QVD_2.csv")
        #expect(scanned.orphansHeld == 0)
        #expect(try ledger.orderView(tenant: "acme", orderNo: "A-1")?.shipments.first?.visibleState == .delivered)
    }

    @Test func aVersion7LedgerStillKnowsWhatItToldEachStorefront() throws {
        let folder = try LedgerFolder()
        let shipped = ExportRow(key: "A-1/1", cells: ["A-1", "shipped", "2026-11-30T10:00:00Z"], volatileCells: [2])
        do {
            let old = try Database(path: folder.ledgerPath)
            try Migrations.migrate(old, upTo: 7)
            try old.execute("INSERT INTO exports (id, tenant, storefront, seq, file, rows, created_at) VALUES (1, 'acme', 's', 1, 'f-1', 1, 0)")
            try old.cached("INSERT INTO told (tenant, storefront, row_key, digest, export_id) VALUES ('acme', 's', ?, ?, 1)")
                .run(.text(shipped.key), .text("A-1\u{1F}shipped"))  // what schema 7 kept: the visible cells joined
        }
        let ledger = try folder.open()
        try ledger.apply([TestEvents.erp("A-1", 1, .shipped, at: 100, tracking: "1Z1")])
        var news: [Bool] = []
        _ = try ledger.export(tenant: "acme", storefront: "s", channel: "SHOPIFY-EU", createdAt: 0, fileName: { "f-\($0)" }) { export in
            var later = shipped
            later.cells[2] = "2026-12-01T08:00:00Z"
            var delivered = shipped
            delivered.cells[1] = "delivered"
            news = try [later, delivered, ExportRow(key: "A-1/2", cells: ["A-1", "shipped"])].map { try export.tell($0, of: "A-1", once: false) }
            return nil
        }
        #expect(news == [false, true, true], "the row told under schema 7 is still told; a change and a new row are news")
    }
}
