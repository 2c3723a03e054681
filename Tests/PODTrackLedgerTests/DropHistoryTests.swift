import Foundation
import Testing
import PODTrackCore
@testable import PODTrackLedger

/// What every pass asks of the drops and exports the ledger keeps (the metrics file, `status`,
/// resume candidates) costs the same after a year as on the first day: totals are kept by
/// triggers and agree with the rows they count, and every per-pass query reads an index range.
@Suite struct DropHistoryTests {
    /// The totals the triggers keep, against the same totals counted from the drops themselves.
    private static let keptTotals = """
        SELECT tenant, source, state, drops, records, events_new, events_duplicate, rejected
        FROM drop_totals WHERE drops > 0 ORDER BY 1, 2, 3
        """
    private static let countedTotals = """
        SELECT tenant, source, state, count(*), sum(records), sum(events_new), sum(events_duplicate), sum(rejected)
        FROM drops GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        """

    @Test func dropTotalsFollowEveryWayADropIsWritten() throws {
        let folder = try LedgerFolder()
        let ledger = try folder.open()
        try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100), TestEvents.erp("A-2", 1, .received, at: 100)], name: "erp-1")
        try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100), TestEvents.erp("A-1", 1, .released, at: 200)], name: "erp-2")
        try ledger.apply([TestEvents.job("A-1", .printing, at: 300)], tenant: "acme", source: "rip", kind: .print, name: "rip-1")
        try ledger.apply([TestEvents.erp("B-1", 1, .received, at: 100)], tenant: "northwind", name: "nw-1")
        let rejecting = DropClaim(tenant: "acme", source: "erp", name: "erp-3", fingerprint: "erp-3", size: 9, receivedAt: 0)
        _ = try ledger.applyDrop(rejecting, sourceKind: .erp, storedAs: "archive/erp-3") { applier in
            try applier.reject(RejectedRow(line: 2, field: "status", reason: "unknown status", rawText: "A-9,?"))
            try applier.reject(RejectedRow(line: 3, field: "status", reason: "unknown status", rawText: "A-9,??"))
            return DropCounts()
        }
        let original = try #require(try ledger.appliedDrop(tenant: "acme", source: "erp", fingerprint: "erp-1"))
        let duplicate = DropClaim(tenant: "acme", source: "erp", name: "erp-1-again", fingerprint: "erp-1", size: 1, receivedAt: 0)
        try ledger.recordDuplicate(duplicate, of: original.id, storedAs: "archive/erp-1-again")
        let broken = DropClaim(tenant: "acme", source: "rip", name: "rip-2", fingerprint: "rip-2", size: 1, receivedAt: 0)
        let quarantined = try ledger.recordQuarantine(broken, error: "not a print log", storedAs: "quarantine/rip-2")
        try ledger.markRetried(quarantined, at: 500)
        #expect(throws: DropFailure.self) {
            try ledger.apply([TestEvents.erp("A-3", 1, .received, at: 100)], name: "erp-failing", failing: true)
        }

        let kept = try ledger.rows(Self.keptTotals)
        #expect(kept == (try ledger.rows(Self.countedTotals)))
        #expect(kept.contains("acme|erp|applied|3|0|3|1|2"), "\(kept)")
        #expect(kept.contains("acme|erp|duplicate|1|0|0|0|0"), "\(kept)")
        #expect(kept.contains("acme|rip|quarantined|1|0|0|0|0"), "\(kept)")
        #expect(!kept.contains { $0.contains("erp-failing") }, "a drop rolled back leaves no count")
        #expect(try ledger.dropTotals().map { "\($0.tenant)|\($0.source)|\($0.state)|\($0.drops)" }
                == kept.map { $0.split(separator: "|").prefix(4).joined(separator: "|") })

        let health = try ledger.sourceHealth(tenant: "acme", source: "erp", since: 0)
        #expect(health.rejectedTotal == 2 && health.rejectedSince == 2)
        #expect(health.lastDropName == "erp-1-again")
        #expect(try ledger.sourceHealth(tenant: "acme", source: "erp", since: 1).rejectedSince == 0, "received at 0: before the day asked for")
        #expect(try ledger.sourceHealth(tenant: "acme", source: "rip", since: 0).quarantined == 0, "retried")
    }

    @Test func exportTotalsCountFilesWithRowsWhateverWritesThem() throws {
        let folder = try LedgerFolder()
        let ledger = try folder.open()
        try ledger.database.execute("""
            INSERT INTO exports (tenant, storefront, seq, file, rows, created_at) VALUES
                ('acme', 'shopify-eu', 1, 'shopify-000001.csv', 0, 1),
                ('acme', 'shopify-eu', 2, 'shopify-000002.csv', 4, 2),
                ('acme', 'amazon-de', 1, 'amazon-000001.txt', 0, 3),
                ('northwind', 'woo', 1, 'woocommerce-000001.csv', 2, 4);
            UPDATE exports SET rows = 7 WHERE tenant = 'acme' AND storefront = 'shopify-eu' AND seq = 1;
            UPDATE exports SET rows = 9 WHERE tenant = 'acme' AND storefront = 'shopify-eu' AND seq = 2;
            UPDATE exports SET rows = 0 WHERE tenant = 'northwind';
            """)
        let counted = try ledger.rows("""
            SELECT tenant, storefront, count(*) FROM exports WHERE rows > 0 GROUP BY 1, 2 ORDER BY 1, 2
            """)
        #expect(counted == ["acme|shopify-eu|2"])
        #expect(try ledger.exportFileCounts().map { "\($0.tenant)|\($0.storefront)|\($0.files)" } == counted)
    }

    /// A ledger of schema 8 gets its totals counted once, from the drops and exports it has.
    @Test func theMigrationCountsWhatTheLedgerAlreadyHas() throws {
        let folder = try LedgerFolder()
        do {
            let old = try Database(path: folder.ledgerPath)
            try Migrations.migrate(old, upTo: 8)
            try old.execute("""
                INSERT INTO drops (tenant, source, name, fingerprint, size, state, received_at, records, events_new, rejected)
                VALUES ('acme', 'erp', 'a.csv', 'fa', 10, 'applied', 0, 5, 4, 1),
                       ('acme', 'erp', 'b.csv', 'fb', 10, 'applied', 0, 6, 6, 0),
                       ('acme', 'ups', 'c.csv', 'fc', 10, 'quarantined', 0, 0, 0, 0);
                INSERT INTO exports (tenant, storefront, seq, file, rows, created_at) VALUES ('acme', 'woo', 1, 'w1.csv', 3, 0);
                """)
        }
        let ledger = try folder.open()
        #expect(try ledger.rows(Self.keptTotals) == ["acme|erp|applied|2|11|10|0|1", "acme|ups|quarantined|1|0|0|0|0"])
        #expect(try ledger.exportFileCounts().map(\.files) == [1])
        try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100)], name: "d.csv")
        #expect(try ledger.rows(Self.keptTotals) == (try ledger.rows(Self.countedTotals)))
    }

    /// Every query a pass asks of the drops reads a range of an index, newest first where it
    /// wants the newest: no scan of a source's drops and nothing sorted.
    @Test(arguments: [Ledger.lastDropSQL, Ledger.quarantinedDropsSQL, Ledger.rejectedSinceSQL, Ledger.resumePointsSQL])
    func perPassDropQueriesReadAnIndexRange(sql: String) throws {
        let folder = try LedgerFolder()
        let ledger = try folder.open()
        var plan: [String] = []
        try ledger.database.cached("EXPLAIN QUERY PLAN " + sql).forEachRow { plan.append($0.text(3)) }
        #expect(plan.contains { $0.contains("SEARCH drops USING") && $0.contains("INDEX drops_") && $0.contains("(tenant=? AND source=?") },
                "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") || $0.contains("TEMP B-TREE") }, "\(plan)")
    }

    /// Resume points come from the source's latest drops only, however many it had before.
    @Test func resumePointsLookAtTheLatestDropsOnly() throws {
        let folder = try LedgerFolder()
        let ledger = try folder.open()
        try ledger.database.execute("""
            INSERT INTO drops (tenant, source, name, fingerprint, size, state, received_at, resumable)
            VALUES ('acme', 'rip', 'old.log', 'f-old', 10, 'applied', 0, 1);
            """)
        for day in 1...Ledger.resumeWindow {
            try ledger.database.cached("""
                INSERT INTO drops (tenant, source, name, fingerprint, size, state, received_at, resumable)
                VALUES ('acme', 'rip', ?, ?, 1000, 'applied', ?, 1)
                """).run(.text("day-\(day).log"), .text("f-\(day)"), .int(day))
        }
        #expect(try ledger.resumePoints(tenant: "acme", source: "rip", smallerThan: 2000, limit: 8).map(\.name)
                == (Ledger.resumeWindow - 7...Ledger.resumeWindow).reversed().map { "day-\($0).log" })
        #expect(try ledger.resumePoints(tenant: "acme", source: "rip", smallerThan: 500, limit: 8).isEmpty,
                "old.log is further back than the window")
    }
}
