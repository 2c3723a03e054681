import Foundation
import Glibc
import Testing
@testable import PODTrack

/// Bad input gets a clear refusal and costs no other data.
@Suite struct BadInputTests {
    static let header = "OrderNo;Line;SKU;Qty;Channel;ChannelRef;ChannelLineRef;Status;Changed;Carrier;TrackingNo;ShipTo\r\n"
    static let goodRow = "A-1;1;TEE;1;SHOPIFY-EU;#1;;RELEASED;24.11.2026 08:15:00;;;Name\r\n"

    private func quarantined(_ fixture: SiteFixture, source: String = "erp") throws -> [String] {
        let folder = fixture.site.quarantine.appendingPathComponent("acme/\(source)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func undecodableBytesQuarantineTheFileAndTheRunGoesOn() throws {
        let fixture = try SiteFixture()
        var bytes = Data((Self.header + Self.goodRow).utf8)
        bytes.insert(0x81, at: Self.header.utf8.count + 3)  // 0x81 is undefined in Windows-1252
        try fixture.drop("acme", "erp", "ORDERS_1.csv", bytes)
        try fixture.drop("acme", "erp", "ORDERS_2.csv", Data((Self.header + Self.goodRow.replacingOccurrences(of: "A-1;", with: "A-2;")).utf8))

        let summary = try fixture.run()
        #expect(summary.quarantined == 1)
        #expect(summary.applied == 1)
        let files = try quarantined(fixture)
        #expect(files.count == 2)
        let report = try #require(files.first { $0.hasSuffix(".error.txt") })
        let text = try String(contentsOf: fixture.site.quarantine.appendingPathComponent("acme/erp/\(report)"), encoding: .utf8)
        #expect(text.contains("file:        Inbox/acme/erp/ORDERS_1.csv"))
        #expect(text.contains("problem:     byte offset \(Self.header.utf8.count + 3):"), "\(text)")
        #expect(text.contains("decoding as windows-1252"))
        #expect(text.contains("how to fix:"))
    }

    @Test func aHeaderWithoutAMappedColumnIsQuarantinedNamingTheColumn() throws {
        let fixture = try SiteFixture()
        let header = Self.header.replacingOccurrences(of: "Changed;", with: "LastChange;")
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((header + Self.goodRow).utf8))
        let summary = try fixture.run()
        guard case .quarantined(let reason) = summary.drops.first?.outcome else {
            Issue.record("expected quarantine, got \(String(describing: summary.drops.first?.outcome))")
            return
        }
        #expect(reason.hasPrefix("the file has no field 'Changed' (the definition's fields.time names it)"))
    }

    @Test func anEmptyFileIsQuarantined() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "ORDERS_empty.csv", Data())
        let summary = try fixture.run()
        #expect(summary.quarantined == 1)
    }

    @Test func raggedRowsAndBadValuesAreRejectedAloneAndKept() throws {
        let fixture = try SiteFixture()
        let rows = Self.goodRow
            + "A-2;1;TEE;1;SHOPIFY-EU;#2;;RELEASED;24.11.2026 08:15:00\r\n"          // ragged: 9 fields
            + "A-3;x;TEE;1;SHOPIFY-EU;#3;;RELEASED;24.11.2026 08:15:00;;;Name\r\n"    // bad line number
            + ";1;TEE;1;SHOPIFY-EU;#4;;RELEASED;24.11.2026 08:15:00;;;Name\r\n"        // missing order
            + "A-5;1;TEE;one;SHOPIFY-EU;#5;;RELEASED;24.11.2026 08:15:00;;;Name\r\n"  // bad quantity
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((Self.header + rows).utf8))
        let summary = try fixture.run()
        #expect(summary.stats.eventsNew == 1)
        #expect(summary.stats.rejected == 4)
        let reasons = summary.drops.first?.sampleRejects.map(\.description) ?? []
        #expect(reasons == [
            "line 3: the row has 9 fields, the header has 12",
            "line 4, field Line: 'x' is not an item line number (1, 2, …)",
            "line 5, field OrderNo: the order number is empty",
            "line 6, field Qty: 'one' is not a whole quantity",
        ])
    }

    @Test func theSameBytesUnderAnotherNameAreADuplicate() throws {
        let fixture = try SiteFixture()
        let bytes = Data((Self.header + Self.goodRow).utf8)
        try fixture.drop("acme", "erp", "ORDERS_1.csv", bytes)
        try fixture.run()
        try fixture.drop("acme", "erp", "ORDERS_1 (copy).csv", bytes)
        let summary = try fixture.run()
        #expect(summary.duplicates == 1)
        #expect(summary.stats.eventsNew == 0)
        #expect(summary.exports.allSatisfy { $0.file == nil })
    }

    @Test func unmatchedNamesSymlinksAndFIFOsAreLeftAloneAndReported() throws {
        let fixture = try SiteFixture()
        let folder = fixture.site.inbox(tenant: "acme", source: "erp")
        try fixture.drop("acme", "erp", "notes.txt", Data("hello".utf8))
        try fixture.drop("acme", "erp", "ORDERS_2.csv.part", Data("half".utf8))
        let outside = fixture.folder.path("secret.csv")
        try Data((Self.header + Self.goodRow).utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("ORDERS_link.csv"), withDestinationURL: outside)
        #expect(mkfifo(folder.appendingPathComponent("ORDERS_fifo.csv").path, 0o600) == 0)

        let summary = try fixture.run()
        #expect(summary.drops.isEmpty)
        let reasons = Dictionary(summary.skipped.map { ($0.path, $0.reason) }, uniquingKeysWith: { first, _ in first })
        #expect(reasons["Inbox/acme/erp/notes.txt"]?.hasPrefix("name matches none of ORDERS_*.csv") == true)
        #expect(reasons["Inbox/acme/erp/ORDERS_link.csv"]?.hasPrefix("not a regular file") == true)
        #expect(reasons["Inbox/acme/erp/ORDERS_fifo.csv"]?.hasPrefix("not a regular file") == true)
        #expect(reasons["Inbox/acme/erp/ORDERS_2.csv.part"] == nil, "files being written are not even mentioned")
        #expect(FileManager.default.fileExists(atPath: outside.path), "the link's target is untouched")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ORDERS_2.csv.part").path))
    }

    /// Files of one pass share a transaction (a batch); one that breaks after thousands of good
    /// rows, on a line the files before and after it also change, is undone alone.
    @Test func aFileThatBreaksMidwayCostsOnlyItselfThoughItsPassSharesATransaction() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((Self.header + Self.goodRow).utf8))
        var broken = Data(Self.header.utf8)
        broken.append(Data("A-1;1;TEE;1;SHOPIFY-EU;#1;;SHIPPED;24.11.2026 09:00:00;UPS;1Z1;Name\r\n".utf8))
        for order in 1...3000 { broken.append(Data("B-\(order);1;TEE;1;SHOPIFY-EU;#B\(order);;RELEASED;24.11.2026 08:20:00;;;Name\r\n".utf8)) }
        broken.append(0x81)  // undefined in Windows-1252: the file is unusable, found after 3001 good rows
        try fixture.drop("acme", "erp", "ORDERS_2.csv", broken)
        try fixture.drop("acme", "erp", "ORDERS_3.csv", Data((Self.header + "A-1;2;MUG;1;SHOPIFY-EU;#1;;RELEASED;24.11.2026 10:00:00;;;Name\r\n").utf8))

        let engine = try Engine(site: fixture.site)
        let summary = try engine.runOnce()
        #expect(summary.drops.map(\.name) == ["ORDERS_1.csv", "ORDERS_2.csv", "ORDERS_3.csv"])
        guard case .quarantined = summary.drops[1].outcome else {
            Issue.record("expected quarantine, got \(summary.drops[1].outcome)")
            return
        }
        let order = try #require(try engine.ledger.orderView(tenant: "acme", orderNo: "A-1"))
        #expect(order.lines.map(\.fold.progress) == [.released, .released], "the broken file's SHIPPED is gone, the next file's line is there")
        #expect(order.shipments.isEmpty)
        #expect(try !engine.ledger.orderExists(tenant: "acme", orderNo: "B-1"))
        #expect(try !engine.ledger.orderExists(tenant: "acme", orderNo: "B-3000"))
        #expect(try quarantined(fixture).count == 2, "the file and its report")
        let archived = try FileManager.default.subpathsOfDirectory(atPath: fixture.site.state.appendingPathComponent("archive").path)
        #expect(archived.filter { $0.contains("ORDERS_1.csv") || $0.contains("ORDERS_3.csv") }.count == 2)
        let inbox = try FileManager.default.contentsOfDirectory(atPath: fixture.site.inbox(tenant: "acme", source: "erp").path)
        #expect(inbox.isEmpty)
    }

    /// A JMF file that breaks after good job phases is quarantined whole: the phases read before
    /// the fault were applied inside the drop's transaction and roll back with it.
    @Test func aJMFFileBrokenAfterGoodRecordsLeavesNothingInTheLedger() throws {
        let fixture = try SiteFixture()
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <JMF xmlns="http://www.CIP4.org/JDFSchema_1_1" SenderID="Indigo-7" Version="1.4">
              <Signal Type="Status" ID="S1"><DeviceInfo DeviceID="Indigo-7">
                <JobPhase JobID="A-1-1" JobPartID="A-1-1_front.pdf" Status="InProgress" StartTime="2026-11-24T10:41:00+01:00"/>
              </DeviceInfo></Signal>
            </JFM>

            """
        try fixture.drop("acme", "jmf", "indigo7-00001.jmf", Data(document.utf8))
        let engine = try Engine(site: fixture.site)
        let summary = try engine.runOnce()
        guard case .quarantined(let reason) = summary.drops.first?.outcome else {
            Issue.record("expected quarantine, got \(String(describing: summary.drops.first?.outcome))")
            return
        }
        #expect(reason.hasPrefix("malformed XML at line 6"))
        #expect(try !engine.ledger.orderExists(tenant: "acme", orderNo: "A-1"), "the job phase before the fault rolled back")
    }
}
