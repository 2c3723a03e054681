import Foundation
import Testing
@testable import PODTrack

/// End to end over a generated world: every round's drops into the Inbox, one pass of the real
/// engine per round, then the Outbox held against the generator's expected.json.
@Suite(.enabled(if: TestPaths.hasBench, "needs ../shared/bench beside the checkout"))
struct WorldTests {
    private func generate(_ arguments: [String]) throws -> TemporaryFolder {
        let world = try TemporaryFolder()
        let result = try runProcess("/usr/bin/env", ["python3", TestPaths.bench.appendingPathComponent("gen_drops.py").path, world.url.path] + arguments)
        try #require(result.status == 0, "gen_drops.py failed: \(result.output)")
        return world
    }

    private func rounds(of world: TemporaryFolder) throws -> [URL] {
        let folder = world.path("rounds")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0) }
    }

    private func check(_ fixture: SiteFixture, against world: TemporaryFolder) throws {
        let result = try runProcess("/usr/bin/env", ["python3", TestPaths.bench.appendingPathComponent("check_outbox.py").path,
                                                      fixture.site.outbox.path, world.path("expected.json").path])
        let verdict = result.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(result.status == 0 && verdict.hasSuffix(" 0 failed"), "check_outbox.py:\n\(result.output)")
    }

    @Test func roundsInOrderThenRedeliveredChangeNothing() throws {
        let world = try generate(["--orders", "300", "--sources", "erp,rip,ups", "--days", "8"])
        let fixture = try SiteFixture()
        let rounds = try rounds(of: world)
        for round in rounds {
            try copyTree(round, into: fixture.site.inbox)
            try fixture.run()
        }
        try check(fixture, against: world)

        let exportsBefore = try fixture.exports("acme", "amazon-de") + fixture.exports("acme", "shopify-eu") + fixture.exports("northwind", "woo")
        for round in rounds {
            try copyTree(round, into: fixture.site.inbox)
            let summary = try fixture.run()
            #expect(summary.stats.eventsNew == 0)
            #expect(summary.duplicates == summary.drops.count)
        }
        let exportsAfter = try fixture.exports("acme", "amazon-de") + fixture.exports("acme", "shopify-eu") + fixture.exports("northwind", "woo")
        #expect(exportsAfter == exportsBefore, "re-delivered rounds must publish nothing")
        try check(fixture, against: world)
    }

    /// Rounds newest first, and odd rounds before even ones: out of order both ways, deterministically.
    @Test(arguments: ["newest first", "odd then even"])
    func shuffledRoundsGiveTheSameAnswer(order: String) throws {
        let world = try generate(["--orders", "300", "--sources", "erp,rip,ups", "--days", "8", "--seed", "11"])
        let fixture = try SiteFixture()
        let rounds = try rounds(of: world)
        let shuffled = order == "newest first"
            ? Array(rounds.reversed())
            : rounds.enumerated().sorted { ($0.offset % 2, $0.offset) > ($1.offset % 2, $1.offset) }.map(\.element)
        for round in shuffled {
            try copyTree(round, into: fixture.site.inbox)
            try fixture.run()
        }
        try check(fixture, against: world)
    }

    @Test func finalOnlyWorldInOnePass() throws {
        let world = try generate(["--orders", "400", "--sources", "erp,rip,ups", "--final-only"])
        let fixture = try SiteFixture()
        for round in try rounds(of: world) { try copyTree(round, into: fixture.site.inbox) }
        let summary = try fixture.run()
        #expect(summary.quarantined == 0)
        #expect(summary.stats.rejected == 0)
        try check(fixture, against: world)
    }
}
