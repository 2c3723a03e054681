import Foundation
import Testing
@testable import PODTrack

/// Which files a pass takes, and the operator commands around quarantine and the archive.
@Suite struct IntakeRulesTests {
    static let erp = BadInputTests.header + BadInputTests.goodRow

    /// Adds an `intake` block to acme's ERP source.
    private func setIntake(_ fixture: SiteFixture, _ intake: String) throws {
        let file = fixture.site.pipelines.appendingPathComponent("acme/sources/erp.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"kind\": \"erp\",", with: "\"kind\": \"erp\", \"intake\": \(intake),")
            .write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func markerModeTakesAFileOnlyOnceItsMarkerExistsAndRemovesBoth() throws {
        let fixture = try SiteFixture()
        try setIntake(fixture, "{\"marker\": \".done\"}")
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data(Self.erp.utf8))
        let before = try fixture.run()
        #expect(before.drops.isEmpty)
        #expect(before.waiting.map(\.reason) == ["waiting for its marker ORDERS_1.csv.done"])

        try fixture.drop("acme", "erp", "ORDERS_1.csv.done", Data())
        let after = try fixture.run()
        #expect(after.applied == 1)
        #expect(after.skipped.isEmpty, "the marker is not a drop of its own")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.site.inbox(tenant: "acme", source: "erp").path).isEmpty)
    }

    @Test func aFileYoungerThanTheSettleTimeWaitsForTheNextPass() throws {
        let fixture = try SiteFixture()
        try setIntake(fixture, "{\"settle_seconds\": 30}")
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data(Self.erp.utf8))
        let summary = try fixture.run()
        #expect(summary.drops.isEmpty)
        #expect(summary.waiting.first?.reason.hasPrefix("settling: changed") == true)
        #expect((summary.waiting.first?.retryAfter ?? 0) > 25)
    }

    @Test func aFileOverTheSizeLimitIsQuarantined() throws {
        let fixture = try SiteFixture()
        try setIntake(fixture, "{\"max_megabytes\": 0.0001}")
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data(Self.erp.utf8))
        guard case .quarantined(let reason) = try fixture.run().drops.first?.outcome else {
            Issue.record("expected quarantine")
            return
        }
        #expect(reason.contains("over the source's limit of 104 bytes"))
    }

    @Test func aFileStillOpenForWritingIsLeftAlone() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data(Self.erp.utf8))
        let path = fixture.site.inbox(tenant: "acme", source: "erp").appendingPathComponent("ORDERS_1.csv").path
        let writer = try #require(FileHandle(forWritingAtPath: path))
        let whileOpen = try fixture.run()
        #expect(whileOpen.drops.isEmpty)
        #expect(whileOpen.waiting.map(\.reason) == ["still open for writing"])
        try writer.close()
        #expect(try fixture.run().applied == 1)
    }

    @Test func unmatchedNamesAreReportedOnceUntilTheyGoAway() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "notes.txt", Data("x".utf8))
        #expect(try fixture.run().skipped.count == 1)
        #expect(try fixture.run().skipped.isEmpty)
        try FileManager.default.removeItem(at: fixture.site.inbox(tenant: "acme", source: "erp").appendingPathComponent("notes.txt"))
        try fixture.run()
        try fixture.drop("acme", "erp", "notes.txt", Data("x".utf8))
        #expect(try fixture.run().skipped.count == 1, "back again: reported again")
    }

    @Test func retryPutsAQuarantinedDropBackAndTheNextPassAppliesIt() throws {
        let fixture = try SiteFixture()
        let header = BadInputTests.header.replacingOccurrences(of: "Changed;", with: "LastChange;")
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((header + BadInputTests.goodRow).utf8))
        #expect(try fixture.run().quarantined == 1)

        // The operator teaches the definition the ERP's new column name, then retries.
        let definition = fixture.site.pipelines.appendingPathComponent("acme/sources/erp.json")
        try String(contentsOf: definition, encoding: .utf8).replacingOccurrences(of: "\"Changed\"", with: "\"LastChange\"")
            .write(to: definition, atomically: true, encoding: .utf8)
        let engine = try Engine(site: fixture.site)
        let retried = try engine.retry(ids: nil)
        #expect(retried.map(\.to) == ["Inbox/acme/erp/ORDERS_1.csv"])
        #expect(try engine.quarantined().isEmpty)
        let summary = try engine.runOnce()
        #expect(summary.applied == 1)
        #expect(summary.stats.eventsNew == 1)
        #expect(throws: MaintenanceError.self) { try engine.retry(ids: [999]) }
    }

    @Test func pruneDeletesOldArchivedFilesAndKeepsTheLedger() throws {
        var clock: Int64 = 1_800_000_000_000
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data(Self.erp.utf8))
        let engine = try Engine(site: fixture.site, now: { clock })
        _ = try engine.runOnce()
        clock += 10 * 86_400_000
        #expect(try engine.pruneArchive(olderThanDays: 30).files == 0)
        let pruned = try engine.pruneArchive(olderThanDays: 7)
        #expect(pruned.files == 1 && pruned.bytes == Self.erp.utf8.count)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: fixture.site.archive.path).filter { $0.hasSuffix(".csv") || $0.contains("@") }.isEmpty)
        // the same bytes again are still known: a duplicate, not new events
        try fixture.drop("acme", "erp", "ORDERS_1 (again).csv", Data(Self.erp.utf8))
        #expect(try engine.runOnce().duplicates == 1)
    }
}

/// Cumulative files are read on from where the earlier copy ended, with real line numbers.
@Suite struct CumulativeFileTests {
    static let lines = [
        "# rip log opened 2026-11-24",
        #"2026-11-24T09:01:10.120+01:00 [Atlas-01] job=1 name="A-1-1_front.pdf" state=RECEIVED copies=1/1"#,
        #"2026-11-24T09:20:47.310+01:00 [Atlas-01] job=1 name="A-1-1_front.pdf" state=PRINTING copies=1/1"#,
        #"2026-11-24T09:41:33.000+01:00 [Atlas-01] job=1 name="A-1-1_front.pdf" state=PRINTED copies=1/1"#,
        #"2026-11-24T10:00:00.000+01:00 [Atlas-01] job=2 name="A-2-1_front.pdf" state=SMUDGED copies=1/1"#,
    ]

    private func log(_ count: Int) -> Data { Data((Self.lines.prefix(count).joined(separator: "\n") + "\n").utf8) }

    @Test func aGrownLogIsReadFromWhereItsEarlierCopyEnded() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "rip", "rip-atlas01-20261124.log", log(3))
        let first = try fixture.run()
        #expect(first.stats.eventsNew == 2)
        try fixture.drop("acme", "rip", "rip-atlas01-20261124.log", log(5))
        let second = try fixture.run()
        let drop = try #require(second.drops.first)
        #expect(drop.resumedFrom?.size == log(3).count)
        #expect(second.stats.eventsNew == 1 && second.stats.eventsDuplicate == 0, "only the new lines are read")
        #expect(drop.sampleRejects.map(\.line) == [5], "line numbers count from the start of the file")
    }

    @Test func aLogWhoseBeginningChangedIsReadWhole() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "rip", "rip-atlas01-20261124.log", log(3))
        try fixture.run()
        var rewritten = log(4)
        rewritten[rewritten.startIndex + 2] = UInt8(ascii: "R")  // "# Rip log …": same size prefix, other bytes
        try fixture.drop("acme", "rip", "rip-atlas01-20261124.log", rewritten)
        let second = try fixture.run()
        #expect(second.drops.first?.resumedFrom == nil)
        #expect(second.stats.eventsDuplicate == 2 && second.stats.eventsNew == 1)
    }

    @Test func aGrownCSVKeepsItsHeader() throws {
        let fixture = try SiteFixture()
        let header = "TrackingNumber,ShipperReference,ActivityType,StatusDescription,ActivityDate,ActivityTime,City,StateProvince,CountryCode\n"
        let scans = ["1ZA,A-1,M,LABEL,20261124,101500,X,KY,US\n", "1ZA,A-1,P,PICKUP,20261124,141500,X,KY,US\n", "1ZA,A-1,Q,HUH,20261124,151500,X,KY,US\n"]
        try fixture.drop("acme", "ups", "QVD_20261124_1200.csv", Data((header + scans[0]).utf8))
        try fixture.run()
        try fixture.drop("acme", "ups", "QVD_20261124_1800.csv", Data((header + scans.joined()).utf8))
        let second = try fixture.run()
        #expect(second.drops.first?.resumedFrom?.name == "QVD_20261124_1200.csv")
        #expect(second.stats.eventsNew == 1 && second.stats.eventsDuplicate == 0, "only the rows after the earlier copy are read")
        #expect(second.drops.first?.sampleRejects.map(\.line) == [4])
    }
}
