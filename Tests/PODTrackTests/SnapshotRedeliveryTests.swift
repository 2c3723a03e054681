import Foundation
import Testing
@testable import PODTrack
import PODTrackCore
@testable import PODTrackLedger

/// A snapshot export repeats the rows of the last one: those are skipped unread (`RecordMemory`),
/// and the ledger ends up knowing exactly what it knows when every row is read.
@Suite struct SnapshotRedeliveryTests {
    static func row(_ order: String, _ status: String, _ changed: String) -> String {
        "\(order);1;TEE;1;SHOPIFY-EU;#\(order);;\(status);\(changed);;;Name\r\n"
    }

    static let first = BadInputTests.header + row("A-1", "RELEASED", "24.11.2026 08:15:00")
        + row("A-2", "RELEASED", "24.11.2026 08:20:00") + row("A-3", "NEW", "24.11.2026 08:25:00")
    static let second = BadInputTests.header + row("A-1", "RELEASED", "24.11.2026 08:15:00")
        + row("A-2", "RELEASED", "24.11.2026 08:20:00") + row("A-3", "RELEASED", "24.11.2026 11:00:00")
        + row("A-4", "NEW", "24.11.2026 11:05:00")

    @Test func rowsAsInTheLastDropAreSkippedAndCountAsKnown() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data(Self.first.utf8))
        try fixture.run()
        try fixture.drop("acme", "erp", "ORDERS_2.csv", Data(Self.second.utf8))
        let summary = try fixture.run()
        guard case .applied(let result) = try #require(summary.drops.first).outcome else {
            Issue.record("ORDERS_2.csv was not applied")
            return
        }
        #expect(result.counts.records == 4 && result.counts.unchanged == 2)
        #expect(result.stats.eventsNew == 2 && result.stats.eventsDuplicate == 2)
        #expect(try fixture.ledgerRows("SELECT rank FROM lines WHERE order_no = 'A-3'") == ["'\(LifecycleState.released.rank)'"],
                "A-3 moved on to released")
    }

    /// The second snapshot's rows and thousands more, then a byte Windows-1252 does not define:
    /// the file is quarantined after its first chunks were read, applied and remembered.
    static let brokenAtItsEnd = Data((second + (1...6000).map { row("F-\($0)", "NEW", "24.11.2026 08:00:00") }.joined()).utf8)
        + [0x81] + Data("\r\n".utf8)

    @Test func aQuarantinedDropLeavesTheMemoryOfTheLastApplied() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data(Self.first.utf8))
        try fixture.run()
        try fixture.drop("acme", "erp", "ORDERS_2.csv", Self.brokenAtItsEnd)
        #expect(try fixture.run().quarantined == 1)
        #expect(try fixture.ledgerRows("SELECT count(*) FROM record_memories") == ["'1'"], "the first drop's one chunk, nothing of the broken one")
        try fixture.drop("acme", "erp", "ORDERS_3.csv", Data(Self.second.utf8))
        guard case .applied(let result) = try #require(try fixture.run().drops.first).outcome else {
            Issue.record("ORDERS_3.csv was not applied")
            return
        }
        #expect(result.counts.unchanged == 2)
    }

    @Test func anEditedDefinitionReadsEveryRowAgain() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data(Self.first.utf8))
        try fixture.run()
        let definition = fixture.site.pipelines.appendingPathComponent("acme/sources/erp.json")
        let text = try String(contentsOf: definition, encoding: .utf8)
        try text.replacingOccurrences(of: "\"description\": \"", with: "\"description\": \"Edited. ").write(to: definition, atomically: true, encoding: .utf8)
        try fixture.drop("acme", "erp", "ORDERS_2.csv", Data(Self.second.utf8))
        guard case .applied(let result) = try #require(try fixture.run().drops.first).outcome else {
            Issue.record("ORDERS_2.csv was not applied")
            return
        }
        #expect(result.counts.unchanged == 0 && result.stats.eventsDuplicate == 2)
    }

    /// What the ledger knows, apart from the order it learnt it in: files of one round are taken
    /// oldest first, so event ids (and the histories that list them) follow the copies' times.
    static let knowledge = [
        "SELECT * FROM orders ORDER BY tenant, order_no",
        """
        SELECT tenant, order_no, line_no, sku, quantity, channel_line_ref, facts_at, rank, flag, terminal, last_event_at, flagged,
               tracking, carrier, shipped_at
        FROM lines ORDER BY tenant, order_no, line_no
        """,
        """
        SELECT tenant, tracking, carrier, reference, rank, flag, terminal, last_event_at, flagged, events, linked, orders
        FROM shipments ORDER BY tenant, tracking
        """,
        "SELECT DISTINCT tenant, order_no FROM journal ORDER BY tenant, order_no",
        "SELECT tenant, storefront, row_key, digest FROM told ORDER BY tenant, storefront, row_key",
    ]

    /// Every event the site's ledger holds, without its id: tenant, time, state, word, discriminator, line.
    private static func storedEvents(_ fixture: SiteFixture) throws -> [String] {
        var events: [String] = []
        try EventChunks(database: Database(path: fixture.site.ledgerPath)).forEachChunk(since: .min) { tenant, chunk in
            events += chunk.rows.map { "\(tenant) \($0.occurredAt) \($0.state.rawValue) \($0.rawWord) \($0.discriminator) \($0.line)" }
        }
        return events.sorted()
    }

    @Test(.enabled(if: TestPaths.hasBench, "needs ../shared/bench beside the checkout"))
    func aWorldFedWithAndWithoutTheMemoryEndsTheSame() throws {
        let world = try WorldFixture(["--orders", "300", "--sources", "erp,rip,ups", "--days", "6", "--seed", "5"])
        let remembering = try SiteFixture()
        let forgetting = try SiteFixture()
        var unchanged = 0
        for round in try world.rounds {
            try copyTree(round, into: remembering.site.inbox)
            unchanged += try remembering.run().drops.reduce(0) { sum, drop in
                if case .applied(let result) = drop.outcome { sum + result.counts.unchanged } else { sum }
            }
            try copyTree(round, into: forgetting.site.inbox)
            if FileManager.default.fileExists(atPath: forgetting.site.ledgerPath) {
                try Database(path: forgetting.site.ledgerPath).execute("DELETE FROM record_memories")
            }
            try forgetting.run()
        }
        #expect(unchanged > 1000, "the snapshots repeat most of their rows")
        for sql in Self.knowledge {
            #expect(try remembering.ledgerRows(sql) == forgetting.ledgerRows(sql), "\(sql)")
        }
        let remembered = try Self.storedEvents(remembering)
        #expect(remembered.count > 1000)
        #expect(try remembered == Self.storedEvents(forgetting))
        try world.check(outbox: remembering.site.outbox)
    }
}
