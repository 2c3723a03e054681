import Foundation
import Testing
@testable import PODTrack

/// End to end over a generated world: every round's drops into the Inbox, one pass of the real
/// engine per round, then the Outbox held against the generator's expected.json.
@Suite(.enabled(if: TestPaths.hasBench, "needs ../shared/bench beside the checkout"))
struct WorldTests {
    /// `ORDERS_1.csv` → `ORDERS_1-again.csv`: another name the source still takes.
    static func otherName(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return name + "-again" }
        return name[..<dot] + "-again" + name[dot...]
    }

    /// Every round in order, then every round again (every other one under other names).
    @Test func roundsInOrderThenRedeliveredChangeNothing() throws {
        let world = try WorldFixture(["--orders", "300", "--sources", "erp,rip,ups", "--days", "8"])
        let fixture = try SiteFixture()
        let rounds = try world.rounds
        for round in rounds {
            try copyTree(round, into: fixture.site.inbox)
            try fixture.run()
        }
        try world.check(outbox: fixture.site.outbox)

        let exportsBefore = try fixture.exports("acme", "amazon-de") + fixture.exports("acme", "shopify-eu") + fixture.exports("northwind", "woo")
        for (index, round) in rounds.enumerated() {
            try copyTree(round, into: fixture.site.inbox, renaming: index % 2 == 0 ? { $0 } : Self.otherName)
            let summary = try fixture.run()
            #expect(summary.stats.eventsNew == 0)
            #expect(summary.duplicates == summary.drops.count)
        }
        let exportsAfter = try fixture.exports("acme", "amazon-de") + fixture.exports("acme", "shopify-eu") + fixture.exports("northwind", "woo")
        #expect(exportsAfter == exportsBefore, "re-delivered rounds must publish nothing")
        try world.check(outbox: fixture.site.outbox)
        #expect(try fixture.brokenReferences() == [])
    }

    /// Rounds newest first, and odd rounds before even ones: out of order both ways, deterministically.
    @Test(arguments: ["newest first", "odd then even"])
    func shuffledRoundsGiveTheSameAnswer(order: String) throws {
        let world = try WorldFixture(["--orders", "300", "--sources", "erp,rip,ups", "--days", "8", "--seed", "11"])
        let fixture = try SiteFixture()
        let rounds = try world.rounds
        let shuffled = order == "newest first"
            ? Array(rounds.reversed())
            : rounds.enumerated().sorted { ($0.offset % 2, $0.offset) > ($1.offset % 2, $1.offset) }.map(\.element)
        for round in shuffled {
            try copyTree(round, into: fixture.site.inbox)
            try fixture.run()
        }
        try world.check(outbox: fixture.site.outbox)
    }

    /// All five sources: ERP, print log, JMF press, UPS CSV and DHL X12 214, across both DST changes.
    @Test(arguments: [false, true])
    func everySourceKind(finalOnly: Bool) throws {
        let world = try WorldFixture(["--orders", "400", "--days", "16"] + (finalOnly ? ["--final-only"] : []))
        let fixture = try SiteFixture()
        for round in try world.rounds {
            try copyTree(round, into: fixture.site.inbox)
            let summary = try fixture.run()
            #expect(summary.quarantined == 0 && summary.stats.rejected == 0)
        }
        try world.check(outbox: fixture.site.outbox)
        #expect(try fixture.brokenReferences() == [])
    }

    @Test func finalOnlyWorldInOnePass() throws {
        let world = try WorldFixture(["--orders", "400", "--sources", "erp,rip,ups", "--final-only"])
        let fixture = try SiteFixture()
        for round in try world.rounds { try copyTree(round, into: fixture.site.inbox) }
        let summary = try fixture.run()
        #expect(summary.quarantined == 0)
        #expect(summary.stats.rejected == 0)
        try world.check(outbox: fixture.site.outbox)
    }
}
