import Foundation
import Glibc
import Testing
import PODTrackCore
@testable import PODTrack

/// Publishing into the Outbox: whole files only, receipts, resends and snapshots.
@Suite struct ExportPublishingTests {
    static let header = BadInputTests.header

    private func shipped(_ order: String, line: Int = 1, channel: String = "SHOPIFY-EU", ref: String, sku: String = "TEE") -> String {
        "\(order);\(line);\(sku);1;\(channel);\(ref);1234567890123\(line);SHIPPED;24.11.2026 08:15:00;UPS;1Z\(order);Name\r\n"
    }

    private func files(_ fixture: SiteFixture, _ storefront: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.site.outbox(tenant: "acme", storefront: storefront).path)
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func filesArePublishedWithTheirModeAndPickupsAreRecorded() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((Self.header + shipped("A-1", ref: "#1")).utf8))
        let engine = try Engine(site: fixture.site)
        _ = try engine.runOnce()
        let published = fixture.site.outbox(tenant: "acme", storefront: "shopify-eu").appendingPathComponent("shopify-000001.csv")
        var info = stat()
        #expect(stat(published.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(try engine.ledger.exportsWaitingForPickup().map(\.file) == ["shopify-000001.csv"])

        try FileManager.default.removeItem(at: published)  // the storefront took it
        let summary = try engine.runOnce()
        #expect(summary.pickedUp == 1)
        #expect(try engine.ledger.exportsWaitingForPickup().isEmpty)
    }

    @Test func onlyTheFilesThatLeftTheOutboxArePickedUpAndAFolderGoneTakesAllOfIt() throws {
        let fixture = try SiteFixture()
        let engine = try Engine(site: fixture.site)
        for (number, name) in ["A-1", "A-2", "A-3"].enumerated() {
            try fixture.drop("acme", "erp", "ORDERS_\(number).csv", Data((Self.header + shipped(name, ref: "#\(number)")
                                                                            + shipped("A-9\(number)", channel: "AMAZON-DE", ref: "302-\(number)")).utf8))
            _ = try engine.runOnce()
        }
        #expect(try files(fixture, "shopify-eu") == ["shopify-000001.csv", "shopify-000002.csv", "shopify-000003.csv"])
        let shopify = fixture.site.outbox(tenant: "acme", storefront: "shopify-eu")
        try FileManager.default.removeItem(at: shopify.appendingPathComponent("shopify-000002.csv"))
        try FileManager.default.removeItem(at: fixture.site.outbox(tenant: "acme", storefront: "amazon-de"))
        #expect(try engine.runOnce().pickedUp == 4, "shopify's second file and amazon's three")
        #expect(try engine.ledger.exportsWaitingForPickup().map(\.file) == ["shopify-000001.csv", "shopify-000003.csv"])
        #expect(try engine.runOnce().pickedUp == 0, "a receipt is recorded once")
    }

    @Test func anOutboxFolderThatCannotBeListedIsAnErrorNotAPickup() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((Self.header + shipped("A-1", ref: "#1")).utf8))
        let engine = try Engine(site: fixture.site)
        _ = try engine.runOnce()
        let shopify = fixture.site.outbox(tenant: "acme", storefront: "shopify-eu")
        try FileManager.default.removeItem(at: shopify)
        try Data("not a folder".utf8).write(to: shopify)
        #expect(throws: (any Error).self) { try engine.runOnce() }
        #expect(try engine.ledger.exportsWaitingForPickup().map(\.file) == ["shopify-000001.csv"])
    }

    @Test func resendRepublishesTheSameRowsUnderANewNameButNotForAmazon() throws {
        let fixture = try SiteFixture()
        let rows = shipped("A-1", ref: "#1") + shipped("A-2", channel: "AMAZON-DE", ref: "302-1-2")
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((Self.header + rows).utf8))
        let engine = try Engine(site: fixture.site)
        _ = try engine.runOnce()
        let report = try engine.exportAgain(tenant: "acme", storefront: "shopify-eu", resend: 1, allowRepeats: false)
        #expect(report.file == "Outbox/acme/shopify-eu/shopify-000002-resend-000001.csv")
        let names = try files(fixture, "shopify-eu")
        #expect(names == ["shopify-000001.csv", "shopify-000002-resend-000001.csv"])
        let folder = fixture.site.outbox(tenant: "acme", storefront: "shopify-eu")
        #expect(try Data(contentsOf: folder.appendingPathComponent(names[0])) == Data(contentsOf: folder.appendingPathComponent(names[1])))

        #expect(throws: ExportError.self) { try engine.exportAgain(tenant: "acme", storefront: "amazon-de", resend: 1, allowRepeats: false) }
        #expect(try files(fixture, "amazon-de") == ["amazon-000001.txt"])
        let forced = try engine.exportAgain(tenant: "acme", storefront: "amazon-de", resend: 1, allowRepeats: true)
        #expect(forced.rows == 1)

        // A kept copy that no longer has the published bytes is never sent as if it were that file.
        let kept = fixture.site.state.appendingPathComponent("sent/acme/shopify-eu/shopify-000001.csv")
        try FileManager.default.removeItem(at: kept)
        try Data("order_name\n#tampered\n".utf8).write(to: kept)
        #expect(throws: ExportError.self) { try engine.exportAgain(tenant: "acme", storefront: "shopify-eu", resend: 1, allowRepeats: false) }
    }

    @Test func aSnapshotTellsEverythingAgainExceptAmazonsConfirmations() throws {
        let fixture = try SiteFixture()
        let rows = shipped("A-1", ref: "#1") + shipped("A-2", ref: "#2") + shipped("A-3", channel: "AMAZON-DE", ref: "302-1-2")
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((Self.header + rows).utf8))
        let engine = try Engine(site: fixture.site)
        _ = try engine.runOnce()
        let shopify = try engine.exportAgain(tenant: "acme", storefront: "shopify-eu", resend: nil, allowRepeats: false)
        #expect(shopify.rows == 2)
        #expect(shopify.file == "Outbox/acme/shopify-eu/shopify-000002.csv")
        let amazon = try engine.exportAgain(tenant: "acme", storefront: "amazon-de", resend: nil, allowRepeats: false)
        #expect(amazon.rows == 0 && amazon.file == nil)
        #expect(try engine.runOnce().exports.allSatisfy { $0.file == nil }, "a snapshot moves the cursor too")
    }

    @Test func cellsASpreadsheetWouldRunAreNeutralised() {
        #expect(ExportRowEncoder.neutralized("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(ExportRowEncoder.neutralized("@SUM(A1)") == "'@SUM(A1)")
        #expect(ExportRowEncoder.neutralized("+49 30 1234") == "'+49 30 1234")
        #expect(ExportRowEncoder.neutralized("-5") == "-5")
        #expect(ExportRowEncoder.neutralized("TEE-BLK") == "TEE-BLK")
        #expect(ExportRowEncoder.neutralized("\tcmd") == "'\tcmd" && ExportRowEncoder.neutralized("\rcmd") == "'\rcmd")
        #expect(ExportRowEncoder.neutralized("-") == "'-", "a sign alone is no number")
        #expect(ExportRowEncoder.neutralized("Ärger") == "Ärger" && ExportRowEncoder.neutralized("") == "")
    }

    /// Writes `rows` with the format's writer and returns the file's text.
    private func written(_ rows: [[String]], format: any ExportFormat, neutralize: Bool = true) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let encoder = ExportRowEncoder(format: format, neutralizeFormulas: neutralize)
        var writer = try ExportWriter(header: encoder.encode(format.header), path: path, mode: 0o644)
        for row in rows { try writer.append(encoder.encode(row)) }
        let fingerprint = try writer.close()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(fingerprint == SHA256.hex(SHA256.hash([UInt8](data))))
        return String(decoding: data, as: UTF8.self)
    }

    @Test func csvCellsAreQuotedOnlyWhenTheyMustBe() throws {
        let format = ShopifyFormat()
        let text = try written([["plain", "a,b", "say \"hi\"", "two\r\nlines", "Müller – ÄÖ", "=1+1", ""]], format: format)
        let header = format.header.joined(separator: ",") + "\n"
        #expect(text == header + "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",Müller – ÄÖ,'=1+1,\n")
        #expect(try written([["=1+1"]], format: format, neutralize: false) == header + "=1+1\n")
    }

    @Test func tabCellsLoseTheirTabsAndLineBreaks() throws {
        let format = AmazonFormat()
        let text = try written([["a\tb", "c\r\nd", "e\nf\rg", "Straße \"x\""]], format: format)
        #expect(text == format.header.joined(separator: "\t") + "\n" + "a b\tc d\te f g\tStraße \"x\"\n")
    }

    @Test func aFormulaInAnERPFieldReachesShopifyDefused() throws {
        let fixture = try SiteFixture()
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((Self.header + shipped("A-1", ref: "#1", sku: "=cmd|' /C calc'!A0")).utf8))
        try fixture.run()
        let text = try fixture.exports("acme", "shopify-eu").joined()
        #expect(text.contains("'=cmd|' /C calc'!A0:1"))
    }

    /// A reader polling the Outbox as fast as it can never sees a partial file.
    @Test(.enabled(if: TestPaths.hasBench, "needs ../shared/bench"))
    func aFastPollerNeverSeesAPartialFile() throws {
        let world = try WorldFixture(["--orders", "200", "--sources", "erp,rip,ups", "--days", "4"])
        let fixture = try SiteFixture()
        let poller = OutboxPoller(outbox: fixture.site.outbox)
        let thread = Thread { poller.run() }
        thread.start()
        for round in try world.rounds {
            try copyTree(round, into: fixture.site.inbox)
            try fixture.run()
        }
        poller.stop()
        #expect(poller.filesSeen > 10)
        #expect(poller.partial.isEmpty, "partial files seen: \(poller.partial)")
        try world.check(outbox: fixture.site.outbox)
    }
}

/// Reads every file in the Outbox over and over, noting any that is not whole: each must end in a
/// line break, and every line must have as many cells as the header.
final class OutboxPoller: @unchecked Sendable {
    private let outbox: URL
    private let lock = NSLock()
    private var stopped = false
    private var seen: Set<String> = []
    private var partialFiles: [String] = []

    init(outbox: URL) { self.outbox = outbox }

    var filesSeen: Int { lock.withLock { seen.count } }
    var partial: [String] { lock.withLock { partialFiles } }

    func stop() { lock.withLock { stopped = true } }

    func run() {
        while !lock.withLock({ stopped }) {
            let files = (FileManager.default.subpaths(atPath: outbox.path) ?? []).filter { !$0.hasSuffix(".gitkeep") && $0.contains(".") }
            for file in files {
                guard let data = FileManager.default.contents(atPath: outbox.appendingPathComponent(file).path) else { continue }
                let whole = Self.isWhole(data, tab: file.hasSuffix(".txt"))
                lock.withLock {
                    seen.insert(file)
                    if !whole { partialFiles.append(file) }
                }
            }
        }
    }

    private static func isWhole(_ data: Data, tab: Bool) -> Bool {
        guard data.last == UInt8(ascii: "\n") else { return false }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        let separator: Character = tab ? "\t" : ","
        let width = lines.first?.split(separator: separator, omittingEmptySubsequences: false).count ?? 0
        return lines.allSatisfy { $0.split(separator: separator, omittingEmptySubsequences: false).count == width }
    }
}

/// An order Shopify was told is on hold, released before anything printed, must be told it is
/// unfulfilled again (Shopify would otherwise keep showing on_hold).
@Suite struct HoldReleaseTests {
    @Test func aReleasedHoldIsToldEvenThoughUnfulfilledIsShopifysDefault() throws {
        let fixture = try SiteFixture()
        let row = { (status: String, time: String) in "A-1;1;TEE;1;SHOPIFY-EU;#1;;\(status);\(time);;;Name\r\n" }
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((BadInputTests.header + row("NEW", "24.11.2026 08:00:00") + row("NEW", "24.11.2026 08:00:00")
            .replacingOccurrences(of: "A-1;", with: "A-2;").replacingOccurrences(of: "#1", with: "#2")).utf8))
        try fixture.run()
        #expect(try fixture.exports("acme", "shopify-eu").isEmpty, "new unfulfilled orders are nothing to tell")
        try fixture.drop("acme", "erp", "ORDERS_2.csv", Data((BadInputTests.header + row("HOLD", "24.11.2026 08:05:00")).utf8))
        try fixture.run()
        try fixture.drop("acme", "erp", "ORDERS_3.csv", Data((BadInputTests.header + row("RELEASED", "24.11.2026 12:00:00")).utf8))
        try fixture.run()
        // A later row of the same state: the order changes, its row reads as it was told.
        try fixture.drop("acme", "erp", "ORDERS_4.csv", Data((BadInputTests.header + row("RELEASED", "24.11.2026 12:30:00")).utf8))
        try fixture.run()
        let told = try fixture.exports("acme", "shopify-eu").map { $0.split(separator: "\n")[1].split(separator: ",")[1] }
        #expect(told == ["on_hold", "unfulfilled"], "the default row told once is not told again unchanged")
    }
}
