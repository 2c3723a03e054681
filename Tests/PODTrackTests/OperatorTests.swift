import Foundation
import Glibc
import Testing
@testable import PODTrack

/// What an operator sees: status with its exit code, explain, and the metrics file.
@Suite struct OperatorTests {
    /// A site with a quarantined file, an orphan and an export file nobody picked up in time.
    @Test func statusReportsQuarantineOrphanAndLatePickup() throws {
        var clock = Engine.wallClock()
        let fixture = try SiteFixture()
        var bad = Data((BadInputTests.header + BadInputTests.goodRow).utf8)
        bad.insert(0x81, at: 10)
        try fixture.drop("acme", "erp", "ORDERS_bad.csv", bad)
        try fixture.drop("acme", "erp", "ORDERS_1.csv", Data((BadInputTests.header + BadInputTests.goodRow
            .replacingOccurrences(of: ";;;Name", with: ";UPS;1ZLINKED;Name").replacingOccurrences(of: "RELEASED", with: "SHIPPED")).utf8))
        try fixture.drop("acme", "ups", "QVD_1.csv", Data("""
            TrackingNumber,ShipperReference,ActivityType,StatusDescription,ActivityDate,ActivityTime,City,StateProvince,CountryCode
            1ZORPHAN,A-77,M,LABEL,20261120,101500,LOUISVILLE,KY,US

            """.utf8))
        let engine = try Engine(site: fixture.site, now: { clock })
        _ = try engine.runOnce()
        clock += 7 * 3_600_000  // the shopify file is now 7 h old: over the 6 h pickup limit
        let health = try engine.health()
        let attention = health.attention.joined(separator: "\n")
        #expect(attention.contains("acme/erp: 1 quarantined drop(s)"), "\(attention)")
        #expect(attention.contains("acme: 1 orphan shipment(s) waiting too long for the ERP"), "\(attention)")
        #expect(attention.contains("acme/shopify-eu: 1 export file(s) not picked up in time"), "\(attention)")

        if PodtrackBinary.isBuilt {
            // The real binary runs on the real clock: a pickup limit of about a second makes the file late.
            let shopify = fixture.site.pipelines.appendingPathComponent("acme/storefronts/shopify-eu.json")
            try String(contentsOf: shopify, encoding: .utf8)
                .replacingOccurrences(of: "\"format\": \"shopify\",", with: "\"format\": \"shopify\", \"pickup_limit_hours\": 0.0003,")
                .write(to: shopify, atomically: true, encoding: .utf8)
            usleep(1_200_000)
            let status = try PodtrackBinary.run(["status", "--site", fixture.site.root.path])
            #expect(status.status == 1, "status exits 1 when something needs attention")
            #expect(status.output.contains("- acme/erp: 1 quarantined drop(s)"), "\(status.output)")
            #expect(status.output.contains("- acme: 1 orphan shipment(s) waiting too long for the ERP"), "\(status.output)")
            #expect(status.output.contains("- acme/shopify-eu: 1 export file(s) not picked up in time"), "\(status.output)")
        }
    }

    @Test func aHealthySiteExitsZero() throws {
        let fixture = try SiteFixture()
        try fixture.run()
        #expect(try Engine(site: fixture.site).health().attention.isEmpty)
        if PodtrackBinary.isBuilt {
            let status = try PodtrackBinary.run(["status", "--site", fixture.site.root.path])
            #expect(status.status == 0 && status.output.hasSuffix("healthy\n"), "\(status.output)")
        }
    }

    /// After a generated world, explain of a split-shipment order shows both tracking numbers,
    /// the files and lines of its events, and the export files that carried it.
    @Test(.enabled(if: TestPaths.hasBench && PodtrackBinary.isBuilt, "needs ../shared/bench and the binary"))
    func explainASplitShipmentOrder() throws {
        let world = try WorldFixture(["--orders", "300", "--sources", "erp,rip,ups", "--days", "8"])
        let fixture = try SiteFixture()
        for round in try world.rounds {
            try copyTree(round, into: fixture.site.inbox)
            try fixture.run()
        }
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: world.folder.path("expected.json"))) as? [String: Any]
        let shipments = ((expected?["acme"] as? [String: Any])?["shopify-eu"] as? [String: Any])?["shipments"] as? [String: String] ?? [:]
        var trackingsByOrder: [String: [String]] = [:]
        for key in shipments.keys {
            let parts = key.split(separator: "|").map(String.init)
            trackingsByOrder[parts[0], default: []].append(parts[1])
        }
        let split = try #require(trackingsByOrder.first { $0.value.count == 2 }, "the world has a split shipment")
        let ledger = try fixture.site.openLedgerForReading()
        let orders = try #require(try ledger.orderNumbers(tenant: "acme", channelRef: split.key))
        let explained = try PodtrackBinary.run(["explain", "--site", fixture.site.root.path, "acme", orders])
        #expect(explained.status == 0)
        for tracking in split.value {
            #expect(explained.output.contains("shipment \(tracking)"), "\(explained.output)")
        }
        #expect(explained.output.range(of: #"acme/erp ORDERS_\d{8}_\d{6}\.csv:\d+"#, options: .regularExpression) != nil)
        #expect(explained.output.range(of: #"acme/ups QVD_\d{8}_\d{4}\.csv:\d+"#, options: .regularExpression) != nil)
        #expect(explained.output.range(of: #"shopify-eu  shopify-\d{6}\.csv"#, options: .regularExpression) != nil)
    }

    /// The metrics file parses as Prometheus text exposition, line by line.
    @Test func metricsFileIsValidExposition() throws {
        let fixture = try SiteFixture()
        try DemoSite.copy(["Inbox"], into: fixture.site.root)
        try fixture.run()
        let text = try String(contentsOf: fixture.site.state.appendingPathComponent("metrics.prom"), encoding: .utf8)
        var declared: [String: String] = [:]
        var samples = 0
        let sample = try Regex(#"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*")(,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*")*\})? (-?[0-9.]+(e[+-]?[0-9]+)?|NaN|\+Inf|-Inf)$"#)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("# HELP ") { continue }
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                #expect(parts.count == 4 && ["counter", "gauge"].contains(parts[3]), "bad TYPE line: \(line)")
                declared[String(parts[2])] = String(parts[3])
                continue
            }
            let match = try #require(try sample.wholeMatch(in: String(line)), "not an exposition sample: \(line)")
            let name = String(match.output[1].substring ?? "")
            #expect(declared[name] != nil, "\(name) sampled before its TYPE")
            samples += 1
        }
        #expect(text.hasSuffix("\n"))
        #expect(samples > 20)
        #expect(text.contains("podtrack_events_total{kind=\"new\",source=\"erp\",tenant=\"acme\"} 11"))
        #expect(text.contains("podtrack_orphan_shipments{tenant=\"acme\"} 1"))
    }
}
