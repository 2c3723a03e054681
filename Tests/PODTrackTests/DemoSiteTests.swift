import Foundation
import Testing
@testable import PODTrack

/// The demo site that ships in the repository, run through the real binary in a temporary copy.
@Suite(.enabled(if: PodtrackBinary.isBuilt, "needs the podtrack executable beside the test bundle"))
struct DemoSiteTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try DemoSite.copy(into: folder.url)
    }

    private func outbox(_ relative: String) throws -> [[String]] {
        let folder = folder.path("Outbox/\(relative)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        try #require(names.count == 1, "one export file in \(relative), found \(names)")
        let text = try String(contentsOf: folder.appendingPathComponent(names[0]), encoding: .utf8)
        let delimiter: Character = names[0].hasSuffix(".txt") ? "\t" : ","
        return text.split(separator: "\n").map { $0.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func theDemoRunsThenHasNothingNew() throws {
        let first = try PodtrackBinary.run(["run", "--site", folder.url.path])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("totals: 8 files (8 applied, 0 duplicate, 0 quarantined)"), "\(first.output)")
        #expect(first.output.contains("3 rejected rows; orphans: 4 held, 1 linked; 3 export files"), "\(first.output)")
        #expect(first.output.contains("rejected line 20, field Changed: '31.02.2026 10:00:00' is not a time"), "\(first.output)")
        #expect(first.output.contains("rejected line 14, field state: unknown status word 'SMUDGED'"), "\(first.output)")

        let shopify = try outbox("acme/shopify-eu")
        #expect(shopify.first == ["order_name", "fulfillment_status", "shipment_status", "tracking_company", "tracking_number",
                                  "tracking_url", "line_items", "updated_at"])
        let byOrder = Dictionary(shopify.dropFirst().map { ($0[0], $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byOrder["#1001"]?[1...2] == ["fulfilled", "in_transit"])
        #expect(byOrder["#1003"]?[1] == "in_progress")
        #expect(byOrder["#1004"]?[1] == "on_hold")
        #expect(byOrder["#1005"]?[1...2] == ["partially_fulfilled", "label_purchased"])
        #expect(byOrder["#1006"]?[1] == "cancelled")
        #expect(byOrder["#1009"]?[1] == "in_progress", "the JDF press's JMF says it is printing")
        #expect(byOrder["#1008"] == nil, "an order with only a rejected row is not told")

        let amazon = try outbox("acme/amazon-de")
        #expect(amazon.dropFirst().map { $0[0] } == ["302-1234567-7654321", "303-1111111-2222222"])
        #expect(amazon.dropFirst().map { $0[4] } == ["UPS", "DHL"])
        #expect(amazon.last?[6] == "JD0000000000000010", "the DHL shipment the X12 214 reported before the ERP linked it")

        let woo = try outbox("northwind/woo")
        #expect(woo.dropFirst().map { [$0[0], $0[4]] } == [["5001", "1"], ["5002", "2"]], "northwind's A-100001 is not acme's")

        #expect(FileManager.default.fileExists(atPath: folder.path("State/ledger.sqlite").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("Inbox/acme/erp").path).isEmpty)

        let second = try PodtrackBinary.run(["run", "--site", folder.url.path])
        #expect(second.status == 0)
        #expect(second.output.hasPrefix("nothing new: no files waiting, no storefront changes"), "\(second.output)")
    }

    @Test func checkAcceptsTheDemoDefinitions() throws {
        let result = try PodtrackBinary.run(["check", "--site", folder.url.path])
        #expect(result.status == 0)
        #expect(result.output.contains("all definitions are valid"))
    }

    @Test func tryShowsEventsAndRejectsWithoutTouchingTheLedger() throws {
        let file = folder.path("Inbox/acme/rip/rip-atlas01-20261124.log").path
        let result = try PodtrackBinary.run(["try", "--site", folder.url.path, "acme/rip", file])
        #expect(result.status == 0)
        #expect(result.output.contains("line 2  2026-11-24T08:01:10Z  line A-100003/1  queued (RECEIVED)  job 88412"), "\(result.output)")
        #expect(result.output.contains("REJECTED line 14, field state: unknown status word 'SMUDGED'"))
        #expect(result.output.contains("12 records: 11 events, 1 rejected, 0 ignored by status word, 2 noise lines"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("State").path))
        #expect(FileManager.default.fileExists(atPath: file))
    }
}
