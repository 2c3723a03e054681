import Foundation
import Testing
@testable import PODTrack
@testable import PODTrackLedger

/// The HTML report: what the page of the demo site says, that nothing in it runs or loads from
/// elsewhere, that hostile values stay text, and that an empty ledger still gives a sensible page.
struct ReportTests {
    static let lifecycleOrder = ["received", "released", "queued", "printing", "printed", "shipped", "picked_up", "in_transit",
                                 "out_for_delivery", "available_for_pickup", "delivered", "cancelled", "returning", "returned"]

    @Test(.enabled(if: PodtrackBinary.isBuilt, "needs the podtrack executable"))
    func theDemoReportShowsTenantsChannelsTheFunnelAndCharts() throws {
        let fixture = try DemoReportFixture()
        let html = fixture.html
        #expect(fixture.reportOutput.trimmingCharacters(in: .whitespacesAndNewlines) == fixture.page.path)
        #expect(!FileManager.default.fileExists(atPath: fixture.page.path + ".tmp"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for text in [">acme<", ">northwind<", ">SHOPIFY-EU<", ">AMAZON-DE<", ">WOO<", "Status funnel", "Events per hour",
                     "Stuck orders", "Quarantined drops", "Sources", "Storefronts", "⚠ Needs attention",
                     "<li>acme/erp: 1 quarantined drop(s)</li>", "<figcaption><strong>acme</strong>"] {
            #expect(html.contains(text), "the page should contain \(text)")
        }
        let rows = Self.lifecycleOrder.map { html.range(of: "<th scope=\"row\">\($0)<")?.lowerBound }
        #expect(!rows.contains(nil), "every lifecycle state has a funnel row")
        let found = rows.compactMap { $0 }
        #expect(found == found.sorted(), "funnel rows in lifecycle order")
        #expect(html.contains("<svg"))
    }

    @Test(.enabled(if: PodtrackBinary.isBuilt, "needs the podtrack executable"))
    func thePageRunsNothingAndLoadsNothingFromElsewhere() throws {
        let html = try DemoReportFixture().html.lowercased()
        for forbidden in ["<script", "javascript:", "http://", "https://", "<link", "<img", "<iframe", "<object", "<embed",
                          "url(", "@import", "src=\"", "href=\""] {
            #expect(!html.contains(forbidden), "the page should not contain \(forbidden)")
        }
        #expect(html.contains("content-security-policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\""))
    }

    @Test(.enabled(if: PodtrackBinary.isBuilt, "needs the podtrack executable"))
    func aHostileFileNameStaysText() throws {
        let html = try DemoReportFixture().html
        let escaped = #"ORDERS_&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;amp.csv"#
        #expect(!html.contains(DemoReportFixture.hostileName))
        let quarantine = try #require(html.range(of: "<section id=\"quarantine\">").map { html[$0.lowerBound...] })
        #expect(quarantine.contains("<td class=\"code\">\(escaped)</td>"), "the file column")
        #expect(quarantine.contains("<td class=\"code\">State/quarantine/acme/erp/\(escaped)@"), "where the file is stored")
        #expect(quarantine.contains("decoding as windows-1252"), "the error")
    }

    @Test func anEmptyLedgerGivesAHealthyPageWithoutCharts() throws {
        let fixture = try SiteFixture()
        try fixture.run()
        let data = try ReportData.gather(site: fixture.site, definitions: try SiteDefinitions.load(fixture.site),
                                         ledger: try fixture.site.openLedgerForReading(), now: Engine.wallClock())
        let html = HTMLReport.render(data)
        for text in ["✓ Healthy", "No order lines in the ledger yet.", "No events in this window.", "No stuck orders.",
                     "No quarantined drops.", ">acme<", "over 7 day(s)"] {
            #expect(html.contains(text), "the page should contain \(text)")
        }
        #expect(!html.contains("<figure"))
        #expect(try Regex("\\b-?(nan|inf)\\b").firstMatch(in: html) == nil, "no number went wrong dividing by zero")
    }

    @Test func chartsCountEmptyHoursAsZeroAndLabelTheDays() throws {
        let midnight: Int64 = 1_795_478_400_000  // 2026-11-24T00:00:00Z
        let hour: Int64 = 3_600_000
        let data = ReportData(site: "/s", health: SiteHealth(generatedAt: midnight, tenants: [], ledgerBytes: 0), funnel: [],
                              eventsPerHour: [HourlyEvents(tenant: "t<1>", hour: midnight + 5 * hour, events: 3),
                                              HourlyEvents(tenant: "t<1>", hour: midnight + 30 * hour, events: 1),
                                              HourlyEvents(tenant: "t<1>", hour: midnight - hour, events: 99)],
                              chartStart: midnight, chartEnd: midnight + 48 * hour, quarantined: [])
        let svg = SVGChart.render(data)
        #expect(svg.contains("<strong>t&lt;1&gt;</strong> 4 events, peak 3 an hour (2026-11-24T05:00:00Z)"), "an hour outside the window is left out")
        #expect(svg.contains("d=\"M48.0 164.0H"), "the line starts at zero: the first hours had no events")
        #expect(svg.contains(">2026-11-24</text>") && svg.contains(">2026-11-25</text>"))
        #expect((0...3).allSatisfy { svg.contains("text-anchor=\"end\">\($0)</text>") }, "y ticks 0 to 3")
    }

    @Test func tickStepsAreRound() {
        #expect([1, 3, 4, 13, 41, 312, 4000].map { SVGChart.tickStep(peak: $0) } == [1, 1, 1, 5, 20, 100, 1000])
    }

    @Test func escapingCoversTextAndAttributes() {
        #expect(HTMLEscaping.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        // A quote or bracket with a combining mark after it is one Character; still escaped.
        #expect(HTMLEscaping.escape("x\"\u{301} onmouseover=y <\u{338}b>") == "x&quot;\u{301} onmouseover=y &lt;\u{338}b&gt;")
    }

    @Test(.enabled(if: PodtrackBinary.isBuilt, "needs the podtrack executable"))
    func theCommandNeedsAFileAndReplacesAnOlderPageWhole() throws {
        let fixture = try SiteFixture()
        let site = fixture.site.root.path
        let page = fixture.folder.path("out.html")
        #expect(try PodtrackBinary.run(["report", "--site", site, "--html", page.path]).status == 4, "no ledger yet")
        try fixture.run()
        let missing = try PodtrackBinary.run(["report", "--site", site])
        #expect(missing.status == 2 && missing.output.contains("--html FILE is required"))
        #expect(try PodtrackBinary.run(["report", "--site", site, "--html", page.path, "--days", "0"]).status == 2)

        try Data("old page".utf8).write(to: page)
        let result = try PodtrackBinary.run(["report", "--site", site, "--html", page.path, "--days", "30"])
        #expect(result.status == 0, "\(result.output)")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("over 30 day(s)"))
        #expect(!FileManager.default.fileExists(atPath: page.path + ".tmp"))
    }
}
