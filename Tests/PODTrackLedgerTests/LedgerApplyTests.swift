import Foundation
import Testing
import PODTrackCore
@testable import PODTrackLedger

/// The ledger's apply rules, on a fresh database per test.
@Suite struct LedgerApplyTests {
    let folder: LedgerFolder
    let ledger: Ledger

    init() throws {
        folder = try LedgerFolder()
        ledger = try folder.open()
    }

    @Test func theSameEventTwiceIsStoredOnce() throws {
        let first = try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 1000)])
        let again = try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 1000), TestEvents.erp("A-1", 1, .released, at: 2000)])
        #expect(first.eventsNew == 1)
        #expect(again.eventsNew == 1)
        #expect(again.eventsDuplicate == 1)
        #expect(try ledger.view("acme", "A-1")?.lines.first?.fold.progress == .released)
    }

    @Test func everyEventOfALargeDropIsFoundThroughItsLine() throws {
        // More events than a chunk holds (`EventChunks.eventsPerChunk`), over two drops.
        let count = EventChunks.eventsPerChunk * 2 + 7
        let orders = (0..<count).map { "A-\($0)" }
        try ledger.apply(orders.map { TestEvents.erp($0, 1, .received, at: 100) })
        try ledger.apply(orders.enumerated().map { TestEvents.job($1, .queued, at: 200 + Int64($0)) }, source: "rip", kind: .print)
        for (offset, order) in orders.enumerated() {
            let events = try ledger.events(tenant: "acme", orderNo: order, trackings: [])
            #expect(events.map(\.state) == ["received", "queued"], "\(order)")
            #expect(events.last?.occurredAt == 200 + Int64(offset) && events.last?.discriminator == "J-\(order)", "\(order)")
        }
        let rows = try ledger.database.cached("SELECT sum(events), min(first_id), max(first_id + events - 1) FROM event_chunks")
            .first { [$0.int(0), $0.int(1), $0.int(2)] }
        #expect(rows == [Int64(2 * count), 1, Int64(2 * count)])
    }

    /// The report's hourly counts decode the chunks holding events since its start, and only those events.
    @Test func eventsAreCountedPerTenantAndHourSinceATime() throws {
        let hour: Int64 = 3_600_000
        try ledger.apply([TestEvents.erp("A-0", 1, .received, at: 5)])                      // a chunk wholly before `since`
        try ledger.apply([TestEvents.erp("A-1", 1, .received, at: hour - 1), TestEvents.erp("A-1", 2, .received, at: hour + 5),
                          TestEvents.erp("A-2", 1, .received, at: hour + 10), TestEvents.erp("A-3", 1, .received, at: 2 * hour + 1)])
        try ledger.apply((0..<70).map { TestEvents.job("A-\(10 + $0)", .queued, at: 3 * hour + Int64($0)) }, source: "rip", kind: .print)
        try ledger.apply([TestEvents.job("N-1", .queued, at: 2 * hour + 3)], tenant: "northwind", source: "rip", kind: .print)
        let counts = try ledger.eventsPerHour(since: hour).map { "\($0.tenant) \($0.hour / hour) \($0.events)" }
        #expect(counts == ["acme 1 2", "acme 2 1", "acme 3 70", "northwind 2 1"])
        #expect(try ledger.latestEventTime() == 3 * hour + 69)
    }

    @Test func aDuplicateIsFoundAmongLaterEventsAndOnlyTheSameEventIsOne() throws {
        let printed = StatusEvent(subject: .line(order: "A-1", line: 1), state: .printed, occurredAt: 500, discriminator: "J1",
                                  rawWord: "PRINTED", line: 3)
        var otherJob = printed
        otherJob.discriminator = "J2"
        var shipment = TestEvents.scan("1Z1", .inTransit, at: 700)
        shipment.line = 9
        try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100, tracking: "1Z1"), TestEvents.erp("A-1", 1, .released, at: 900)])
        try ledger.apply([printed], source: "rip", kind: .print)
        try ledger.apply([TestEvents.scan("1Z1", .shipped, at: 600), shipment, TestEvents.scan("1Z1", .delivered, at: 800)],
                         source: "ups", kind: .carrier)

        let again = try ledger.apply([printed, otherJob], source: "rip2", kind: .print)
        #expect(again.eventsDuplicate == 1, "the same job's event from another print server, older than the line's newest")
        #expect(again.eventsNew == 1, "another job's event in the same millisecond is news")
        let scans = try ledger.apply([shipment], source: "ups", kind: .carrier)
        #expect(scans.eventsDuplicate == 1)
        let erpSays = try ledger.apply([StatusEvent(subject: .line(order: "A-1", line: 1), state: .printed, occurredAt: 500,
                                                    rawWord: "PRINTED", line: 4)])
        #expect(erpSays.eventsNew == 1, "the ERP saying printed at the same time is its own event")
        #expect(try ledger.events(tenant: "acme", orderNo: "A-1", trackings: ["1Z1"]).count == 8)
    }

    @Test func aDropOfDuplicatesWritesNoEntity() throws {
        let events = [TestEvents.erp("A-1", 1, .received, at: 100, tracking: "1Z1"), TestEvents.erp("A-2", 1, .released, at: 200)]
        try ledger.apply(events)
        try ledger.apply([TestEvents.scan("1Z1", .shipped, at: 300)], source: "ups", kind: .carrier)
        let before = try ledger.totalChanges()
        try ledger.apply(events)
        try ledger.apply([TestEvents.scan("1Z1", .shipped, at: 300)], source: "ups", kind: .carrier)
        #expect(try ledger.totalChanges() - before == 10, "per drop its row, its counts and the source's totals (three trigger changes), nothing else")
    }

    @Test func anOrdersLatestChangeIsItsNewestEventFromAnySource() throws {
        try ledger.apply([TestEvents.erp("A-1", 1, .shipped, at: 100, tracking: "1Z1")])
        #expect(try ledger.view("acme", "A-1")?.updatedAt == 100)
        try ledger.apply([StatusEvent(subject: .line(order: "A-1", line: 1), state: .printed, occurredAt: 500, discriminator: "J1",
                               rawWord: "PRINTED", line: 3)], source: "rip", kind: .print)
        #expect(try ledger.view("acme", "A-1")?.updatedAt == 500, "a print event dates the order though it changes no ERP fact")
        try ledger.apply([TestEvents.scan("1Z1", .inTransit, at: 900)], source: "ups", kind: .carrier)
        #expect(try ledger.view("acme", "A-1")?.updatedAt == 900)
    }

    @Test func aPrintJobForAnOrderTheERPHasNotSentIsExplainedButNotExported() throws {
        try ledger.apply([StatusEvent(subject: .line(order: "A-7", line: 2), state: .printing, occurredAt: 300, discriminator: "J7",
                               rawWord: "PRINTING", line: 4)], source: "rip", kind: .print)
        #expect(try ledger.orderExists(tenant: "acme", orderNo: "A-7"))
        #expect(try ledger.events(tenant: "acme", orderNo: "A-7", trackings: []).map(\.rawWord) == ["PRINTING"])
        #expect(try ledger.view("acme", "A-7") == nil, "no channel yet: no storefront is told")
        #expect(try !ledger.orderExists(tenant: "northwind", orderNo: "A-7"))
    }

    @Test func lateEventsRefoldTheShipmentFromItsHistory() throws {
        try ledger.apply([TestEvents.erp("A-1", 1, .shipped, at: 100, tracking: "1Z1")])
        try ledger.apply([TestEvents.scan("1Z1", .shipped, at: 200), TestEvents.scan("1Z1", .inTransit, at: 400)], source: "ups", kind: .carrier)
        try ledger.apply([TestEvents.scan("1Z1", .delayed, at: 300)], source: "ups", kind: .carrier)  // happened before in_transit
        #expect(try ledger.view("acme", "A-1")?.shipments.first?.visibleState == .inTransit)
        try ledger.apply([TestEvents.scan("1Z1", .delayed, at: 500)], source: "ups", kind: .carrier)
        #expect(try ledger.view("acme", "A-1")?.shipments.first?.visibleState == .delayed)
    }

    @Test func carrierEventsWaitAsOrphansUntilTheERPLinksThem() throws {
        let held = try ledger.apply([TestEvents.scan("1Z9", .shipped, at: 100), TestEvents.scan("1Z9", .pickedUp, at: 200)],
                                    source: "ups", kind: .carrier)
        #expect(held.orphansHeld == 2)
        let linked = try ledger.apply([TestEvents.erp("A-9", 1, .shipped, at: 150, tracking: "1Z9")])
        #expect(linked.orphansLinked == 1)
        let view = try #require(try ledger.view("acme", "A-9"))
        #expect(view.shipments.map(\.tracking) == ["1Z9"])
        #expect(view.shipments.first?.visibleState == .pickedUp)
        #expect(view.rollup == .shipped)
    }

    @Test func anERPRowThatKeepsTheShipmentUpdatesTheItemAndKeepsTheShipment() throws {
        try ledger.apply([TestEvents.erp("A-1", 1, .shipped, at: 300, tracking: "1Z1")])
        var recount = TestEvents.erp("A-1", 1, .shipped, at: 400, tracking: "1Z1")
        recount.facts?.quantity = 3
        recount.facts?.sku = "SKU-1-XL"
        try ledger.apply([recount])
        let view = try #require(try ledger.view("acme", "A-1"))
        #expect(view.lines.first?.quantity == 3 && view.lines.first?.sku == "SKU-1-XL")
        #expect(view.lines.first?.tracking == "1Z1")
        #expect(view.shipments.map(\.tracking) == ["1Z1"])
        #expect(try ledger.rows("SELECT order_no, shipped_at FROM lines INDEXED BY lines_tracking WHERE tenant = 'acme' AND tracking = '1Z1'")
                == ["A-1|300"], "the tracking index still finds the line, shipped when it was first")
    }

    @Test func aStoredLineTakesNewERPFactsAndKeepsThemThroughPrintEvents() throws {
        try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100)])
        let printed = StatusEvent(subject: .line(order: "A-1", line: 1), state: .printed, occurredAt: 200, discriminator: "J1",
                                  rawWord: "PRINTED", line: 3)
        try ledger.apply([printed], source: "rip", kind: .print)
        try ledger.apply([TestEvents.erp("A-1", 1, .shipped, at: 300, tracking: "1Z1")])
        var view = try #require(try ledger.view("acme", "A-1"))
        #expect(view.lines.first?.tracking == "1Z1", "facts that changed on a stored line are written")
        #expect(view.shipments.map(\.tracking) == ["1Z1"])
        let late = StatusEvent(subject: .line(order: "A-1", line: 1), state: .printing, occurredAt: 150, discriminator: "J1",
                               rawWord: "PRINTING", line: 2)
        try ledger.apply([late], source: "rip", kind: .print)
        view = try #require(try ledger.view("acme", "A-1"))
        #expect(view.lines.first?.tracking == "1Z1", "a print event writes the fold and history, and the facts stay")
        #expect(view.lines.first?.sku == "SKU-1")
        #expect(view.lines.first?.fold.progress == .shipped)
        #expect(try ledger.events(tenant: "acme", orderNo: "A-1", trackings: []).map(\.state) == ["received", "printing", "printed", "shipped"])
    }

    @Test func tenantsNeverShareAnOrder() throws {
        try ledger.apply([TestEvents.erp("A-1", 1, .shipped, at: 100, tracking: "1Z1")], tenant: "acme")
        try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100, channel: "WOO")], tenant: "northwind")
        #expect(try ledger.view("acme", "A-1")?.rollup == .shipped)
        #expect(try ledger.view("northwind", "A-1")?.rollup == .open)
        #expect(try ledger.view("northwind", "A-1")?.channel == "WOO")
    }

    @Test func aDropThatFailsLeavesNothingBehind() throws {
        #expect(throws: DropFailure.self) {
            try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 1)], name: "broken.csv", failing: true)
        }
        #expect(try ledger.view("acme", "A-1") == nil)
        #expect(try ledger.appliedDrop(tenant: "acme", source: "erp", fingerprint: "broken.csv") == nil)
    }

    @Test func cancellationIsTerminalWhateverArrivesLater() throws {
        try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100), TestEvents.erp("A-1", 1, .cancelled, at: 200)])
        try ledger.apply([TestEvents.erp("A-1", 1, .released, at: 300)])
        #expect(try ledger.view("acme", "A-1")?.rollup == .cancelled)
    }

    @Test func anExportTellsOnlyWhatChangedAndOnceRowsOnlyOnce() throws {
        try ledger.apply([TestEvents.erp("A-1", 1, .shipped, at: 100, tracking: "1Z1")])
        func export(once: Bool) throws -> Int {
            try ledger.export(tenant: "acme", storefront: "s", channel: "SHOPIFY-EU", createdAt: 0, fileName: { "f-\($0)" }) { export in
                try export.forEachChangedOrder { order in
                    let row = ExportRow(key: order.orderNo, cells: [order.shipments.first?.visibleState.rawValue ?? ""])
                    _ = try export.tell(row, of: order.orderNo, once: once)
                }
                return "fingerprint"
            }.rows
        }
        #expect(try export(once: false) == 1)
        #expect(try export(once: false) == 0, "nothing journaled since")
        try ledger.apply([TestEvents.erp("A-1", 1, .shipped, at: 150, tracking: "1Z1")])
        #expect(try export(once: false) == 0, "journaled again, but its row reads as it was told")
        try ledger.apply([TestEvents.scan("1Z1", .inTransit, at: 200)], source: "ups", kind: .carrier)
        #expect(try export(once: true) == 0, "a once-only row is never told again")
        try ledger.apply([TestEvents.scan("1Z1", .delivered, at: 300)], source: "ups", kind: .carrier)
        #expect(try export(once: false) == 1)
    }

    @Test func anExportReadsItsOrdersByNumberEachOnceWithTheirLinesInOrder() throws {
        try ledger.apply([TestEvents.erp("A-3", 2, .received, at: 100), TestEvents.erp("A-1", 10, .received, at: 100),
                          TestEvents.erp("A-9", 1, .received, at: 100, channel: "AMAZON-DE"), TestEvents.erp("A-1", 2, .received, at: 100)])
        try ledger.apply([TestEvents.erp("A-3", 1, .released, at: 200, tracking: "1Z3"), TestEvents.erp("A-2", 1, .received, at: 200)])
        var read: [String] = []
        _ = try ledger.export(tenant: "acme", storefront: "s", channel: "SHOPIFY-EU", createdAt: 0, fileName: { "f-\($0)" }) { export in
            try export.forEachChangedOrder { order in
                read.append("\(order.orderNo):" + order.lines.map { "\($0.lineNo)" }.joined(separator: ",")
                            + (order.shipments.isEmpty ? "" : ":" + order.shipments.map(\.tracking).joined(separator: ",")))
            }
            return nil
        }
        #expect(read == ["A-1:2,10", "A-2:1", "A-3:1,2:1Z3"], "journaled A-3, A-1, A-3 again, A-2; A-9 is another channel's")
    }

    @Test func anOrderIsJournaledOnceUntilAnExportReadsIt() throws {
        func entries(_ order: String) throws -> Int64 {
            try ledger.database.cached("SELECT count(*) FROM journal WHERE order_no = ?").first([.text(order)]) { $0.int(0) } ?? -1
        }
        func exportedStates() throws -> [String] {
            var states: [String] = []
            _ = try ledger.export(tenant: "acme", storefront: "s", channel: "SHOPIFY-EU", createdAt: 0, fileName: { "f-\($0)" }) { export in
                try export.forEachChangedOrder { states.append("\($0.orderNo) \($0.lines.first?.fold.progress?.rawValue ?? "")") }
                return nil
            }
            return states
        }
        try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100)])
        _ = try? ledger.apply([TestEvents.erp("A-2", 1, .received, at: 100)], name: "broken.csv", failing: true)
        try ledger.apply([StatusEvent(subject: .line(order: "A-1", line: 1), state: .printed, occurredAt: 500, discriminator: "J1",
                               rawWord: "PRINTED", line: 3), TestEvents.erp("A-2", 1, .received, at: 100)], source: "rip", kind: .print)
        #expect(try entries("A-1") == 1, "journaled by the first drop, not yet exported")
        #expect(try entries("A-2") == 1, "the failed drop's entry was rolled back, so the next drop journals it")
        #expect(try exportedStates() == ["A-1 printed", "A-2 received"], "the export reads the orders as they are now")
        try ledger.apply([TestEvents.erp("A-1", 1, .shipped, at: 900, tracking: "1Z1")])
        #expect(try entries("A-1") == 2, "after an export, a change is journaled again")
        #expect(try exportedStates() == ["A-1 shipped"])
    }

    /// What a drop remembers of the orders it journaled is bounded as the pass's memory is: a
    /// drop of more orders than that holds no more, and still journals every order.
    @Test func aDropOfMoreOrdersThanTheJournalMemoryHoldsJournalsEachAndKeepsNoMore() throws {
        ledger.journaledOrders = JournaledOrders(capacity: 3)
        let orders = (1...10).map { "A-\($0)" }
        let claim = DropClaim(tenant: "acme", source: "erp", name: "orders.csv", fingerprint: "orders.csv", size: 1, receivedAt: 0)
        var mostRemembered = 0
        _ = try ledger.applyDrop(claim, sourceKind: .erp, storedAs: "archive/orders.csv") { applier in
            for order in orders {
                for line in 1...2 { try applier.accept(TestEvents.erp(order, line, .received, at: 100)) }
                mostRemembered = max(mostRemembered, applier.journaled.orders.count)
            }
            return DropCounts()
        }
        #expect(mostRemembered == 3)
        #expect(try ledger.rows("SELECT DISTINCT order_no FROM journal ORDER BY order_no") == orders.sorted())
        #expect(try ledger.rows("SELECT count(*) FROM journal") == ["10"], "an order's lines come together: one row each")
    }
}

@Suite struct DedupeKeyTests {
    @Test func aKeyBuiltFromAPrefixEqualsOneBuiltWhole() {
        let prefix = DedupeKey().adding("acme").adding("erp")
        #expect(prefix.adding("A-1/1").value == DedupeKey().adding("acme").adding("erp").adding("A-1/1").value)
        #expect(prefix.adding("A-1/1").value != DedupeKey().adding("northwind").adding("erp").adding("A-1/1").value,
                "tenants never share a key")
        #expect(DedupeKey().adding("ab").adding("c").value != DedupeKey().adding("a").adding("bc").value,
                "parts are separated, not concatenated")
    }

    /// Histories keep the tags of keys built from `EventSubject.key`, so the subject's own
    /// hashing must give the very same key.
    @Test(arguments: [EventSubject.line(order: "A-1", line: 1), .line(order: "A-100023", line: 0), .line(order: "", line: 7),
                      .line(order: "Ö-12", line: 10), .line(order: "A-9", line: 9), .line(order: "A-9", line: 99),
                      .line(order: "A-9", line: 100), .line(order: "A-9", line: 9_999), .line(order: "A-9", line: 10_000),
                      .line(order: "A-9", line: 1_000_000_007), .line(order: "A-9", line: -42), .line(order: "A-9", line: -1),
                      .line(order: "A-9", line: .min), .line(order: "A-9", line: .max), .shipment(tracking: "1Z999AA10123456784")])
    func aSubjectHashesAsItsKey(subject: EventSubject) {
        let prefix = DedupeKey().adding("acme").adding("erp")
        #expect(prefix.adding(subject).value == prefix.adding(subject.key).value, "\(subject.key)")
    }

    /// The keys histories keep were made by earlier processes and versions: FNV-1a over the parts
    /// and their separators, then MurmurHash3's finalizer (the value worked out by hand, in Python).
    @Test func aKeyIsTheSameInEveryProcessAndVersion() {
        let key = DedupeKey().adding("acme").adding("erp").adding(EventSubject.line(order: "A-100023", line: 12)).adding("shipped").adding("J-7")
        #expect(key.value == 7_952_014_956_599_303_450)
    }
}

@Suite struct JournaledOrdersTests {
    @Test func pastItsCapacityItForgetsEveryOrder() {
        var journaled = JournaledOrders(capacity: 3)
        journaled.add(["A-1", "A-2"], tenant: "acme")
        journaled.add(["A-1"], tenant: "northwind")
        #expect(journaled.journal(forDropOf: "acme").contains("A-2") && !journaled.journal(forDropOf: "acme").contains("A-3"))
        #expect(journaled.journal(forDropOf: "northwind").contains("A-1") && !journaled.journal(forDropOf: "northwind").contains("A-2"))
        journaled.add(["A-3"], tenant: "acme")
        #expect(!journaled.journal(forDropOf: "acme").contains("A-1"), "four orders would pass the capacity of three")
        #expect(!journaled.journal(forDropOf: "northwind").contains("A-1"))
        journaled.add(["A-4"], tenant: "acme")
        #expect(journaled.journal(forDropOf: "acme").contains("A-4"))
        journaled.removeAll()
        #expect(!journaled.journal(forDropOf: "acme").contains("A-4"))
    }

    @Test func aDropsOwnOrdersStartOverPastTheCapacityAndAnOrderItStillHoldsNeedsNoSecondEntry() {
        var journaled = JournaledOrders(capacity: 2)
        journaled.add(["A-1"], tenant: "acme")
        var drop = journaled.journal(forDropOf: "acme")
        let needed = ["A-1", "A-2", "A-3", "A-3"].map { drop.add($0) }
        #expect(needed == [false, true, true, false], "A-1 was journaled by an earlier drop, A-3 by this one")
        #expect(drop.orders == ["A-2", "A-3"])
        let third = drop.add("A-4")
        #expect(third, "a third order of its own")
        #expect(drop.orders == ["A-4"], "past the capacity of two, the drop's set started over with it")
        let again = drop.add("A-2")
        #expect(again, "forgotten: a second entry, never none")
        #expect(drop.contains("A-1") && drop.contains("A-4") && !drop.contains("A-3"))
    }

    @Test func aBatchThatRollsBackTakesOnlyItsOwnOrdersAway() {
        var journaled = JournaledOrders()
        journaled.add(["A-1"], tenant: "acme")
        journaled.commitBatch()
        journaled.add(["A-2"], tenant: "acme")
        #expect(journaled.journal(forDropOf: "acme").contains("A-2"), "a later drop of the same batch sees it")
        journaled.forgetBatch()
        #expect(journaled.journal(forDropOf: "acme").contains("A-1"))
        #expect(!journaled.journal(forDropOf: "acme").contains("A-2"), "its journal row was rolled back: journal it again")
    }
}
