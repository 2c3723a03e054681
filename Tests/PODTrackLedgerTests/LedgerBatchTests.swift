import Foundation
import Testing
import PODTrackCore
@testable import PODTrackLedger

/// Drops applied in one batch: one transaction, entities written once, and a drop that fails
/// inside it undone alone.
@Suite struct LedgerBatchTests {
    let folder: LedgerFolder

    init() throws {
        folder = try LedgerFolder()
    }

    private func progress(_ ledger: Ledger, _ order: String) throws -> LifecycleState? {
        try ledger.view("acme", order)?.lines.first?.fold.progress
    }

    /// Applies `events` as drop `name` of the print source.
    @discardableResult
    private func printLog(_ ledger: Ledger, _ name: String, _ events: [StatusEvent], failing: Bool = false) throws -> ApplyStats {
        try ledger.apply(events, source: "print", kind: .print, name: name, failing: failing)
    }

    @Test func aCommitIsOnDiskBeforeItReturns() throws {
        for ledger in [try folder.open(), try folder.open()] {
            #expect(try ledger.rows("PRAGMA synchronous") == ["2"], "FULL: the WAL is synced at every commit")
        }
    }

    @Test func freedSpaceIsNotZeroedWhateverTheSQLiteBuild() throws {
        #expect(try folder.open().rows("PRAGMA secure_delete") == ["0"])
    }

    /// Capacity 2 and 12: the store is past half of it when the failing drop begins, and writes
    /// back before it; 40 000: it holds everything.
    @Test(arguments: [2, 12, 40_000])
    func aDropThatFailsInsideABatchIsUndoneAloneAndTheOthersCommit(capacity: Int) throws {
        let ledger = try folder.open(entityCapacity: capacity)
        let orders = ["A-1", "A-2", "A-3", "A-4"]
        try ledger.batch {
            try ledger.apply(orders.map { TestEvents.erp($0, 1, .received, at: 100) }, name: "orders.csv")
            try printLog(ledger, "day1.log", orders.map { TestEvents.job($0, .queued, at: 200) })
            #expect(throws: DropFailure.self, "it changed lines the batch holds, and (capacity 2) wrote some back") {
                try printLog(ledger, "day2.log", orders.map { TestEvents.job($0, .printed, at: 300) }, failing: true)
            }
            let day3 = try printLog(ledger, "day3.log",
                                    orders.map { TestEvents.job($0, .printing, at: 250) } + [TestEvents.job("A-1", .printed, at: 300)])
            #expect(day3.eventsNew == 5, "the failed drop's events are not there to be duplicates of")
        }
        for order in orders.dropFirst() { #expect(try progress(ledger, order) == .printing) }
        #expect(try progress(ledger, "A-1") == .printed)
        #expect(try ledger.events(tenant: "acme", orderNo: "A-2", trackings: []).map(\.state) == ["received", "queued", "printing"])
        #expect(try ledger.appliedDrop(tenant: "acme", source: "print", fingerprint: "day2.log") == nil)
        let events = try ledger.database.cached("SELECT sum(c.events), sum(CASE WHEN d.id IS NULL THEN 0 ELSE c.events END) FROM event_chunks c LEFT JOIN drops d ON d.id = c.drop_id")
            .first { [$0.int(0), $0.int(1)] }
        #expect(events == [13, 13], "the events of the three drops that committed (4 + 4 + 5), none of the failed one's")
        #expect(try ledger.appliedDrop(tenant: "acme", source: "print", fingerprint: "day3.log") != nil)

        let reopened = try Ledger(path: folder.ledgerPath)
        #expect(try progress(reopened, "A-1") == .printed, "committed: another connection sees it")
    }

    @Test func aDropThatFailsAfterWritingTheStoreBackPutsBackWhatTheBatchHeld() throws {
        let ledger = try folder.open(entityCapacity: 12)
        let held = ["A-1", "A-2", "A-3"]
        let failed = (1...8).map { "B-\($0)" }
        try ledger.batch {
            // An order and a line each: 6 entities, not past half the capacity, so they are
            // still held when the next drop begins.
            try ledger.apply(held.map { TestEvents.erp($0, 1, .received, at: 100) }, name: "orders-1.csv")
            #expect(throws: DropFailure.self, "16 entities more: written back inside its savepoint, and more than once") {
                try ledger.apply(failed.map { TestEvents.erp($0, 1, .received, at: 200) }, name: "orders-2.csv", failing: true)
            }
            try ledger.apply([TestEvents.erp("C-1", 1, .received, at: 300)], name: "orders-3.csv")
        }
        for order in held + ["C-1"] { #expect(try progress(ledger, order) == .received, "\(order): held, put back, written") }
        for order in failed { #expect(try ledger.view("acme", order) == nil, "\(order): its drop was undone") }
        #expect(try ledger.rows("SELECT count(*) FROM orders") == ["4"])
        #expect(try ledger.rows("SELECT count(*) FROM lines") == ["4"])
    }

    /// The store is full (12 of 12) when the second drop begins: it writes back all but the
    /// quarter changed last (3), so the drop's 11 entities outgrow it once, and the drop writes
    /// back only its own 10 held by then. B-1's order, which each of its rows changes, is then
    /// read and written once more: one change more than an unbounded store makes, never a
    /// write-back per event, and no copy of what the store held for the drop's undo.
    @Test func aDropThatBeginsWithAFullStoreWritesBackOnlyItsOwnEntitiesAndNoneTwiceButOneItKeepsChanging() throws {
        let batch = { (ledger: Ledger) in
            try ledger.apply((1...6).map { TestEvents.erp("A-\($0)", 1, .received, at: 100) }, name: "orders-1.csv")
            try ledger.apply((1...10).map { TestEvents.erp("B-1", $0, .received, at: 200) }, name: "orders-2.csv")
        }
        let unbounded = try changes(in: LedgerFolder(), capacity: EntityStore.defaultCapacity, batch)
        #expect(try changes(in: folder, capacity: 12, batch) == unbounded + 1)
        #expect(try folder.open().rows("SELECT count(*) FROM lines") == ["16"])
    }

    /// Three orders and their lines fill a store of 8 past half when the next drop begins: it
    /// writes back the two orders and lines changed first and keeps the last two entities (A-3's
    /// order and line), which the print drops change next, so A-3's line is still written once,
    /// as an unbounded store would write it. Writing everything back would write it twice.
    @Test func aDropKeepsWhatTheDropsBeforeItChangedLastAndWritesBackTheRest() throws {
        let batch = { (ledger: Ledger) in
            try ledger.apply((1...3).map { TestEvents.erp("A-\($0)", 1, .received, at: 100) }, name: "orders.csv")
            try printLog(ledger, "day1.log", [TestEvents.job("A-3", .queued, at: 200)])
            try printLog(ledger, "day2.log", [TestEvents.job("A-3", .printing, at: 300)])
        }
        let unbounded = try changes(in: LedgerFolder(), capacity: EntityStore.defaultCapacity, batch)
        #expect(try changes(in: folder, capacity: 8, batch) == unbounded)
        let ledger = try folder.open()
        #expect(try progress(ledger, "A-1") == .received)
        #expect(try progress(ledger, "A-3") == .printing)
    }

    /// The rows a batch of `body`'s drops changes, on a ledger in `folder` whose store holds `capacity` entities.
    private func changes(in folder: LedgerFolder, capacity: Int, _ body: (Ledger) throws -> Void) throws -> Int64 {
        let ledger = try folder.open(entityCapacity: capacity)
        let before = try ledger.totalChanges()
        try ledger.batch { try body(ledger) }
        return try ledger.totalChanges() - before
    }

    @Test func aBatchThatThrowsLeavesNothingAndTheNextStartsClean() throws {
        let ledger = try folder.open(entityCapacity: 2)
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) {
            try ledger.batch {
                try ledger.apply(["A-1", "A-2", "A-3"].map { TestEvents.erp($0, 1, .received, at: 100) }, name: "orders.csv")
                throw DiskFull()
            }
        }
        #expect(try progress(ledger, "A-1") == nil)
        #expect(try ledger.appliedDrop(tenant: "acme", source: "erp", fingerprint: "orders.csv") == nil)

        let again = try ledger.batch { try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100)], name: "orders.csv") }
        #expect(again.eventsNew == 1, "nothing of the rolled-back batch is held or remembered")
        #expect(try progress(ledger, "A-1") == .received)
        let journal = try ledger.database.cached("SELECT count(*) FROM journal WHERE order_no = 'A-1'").first { $0.int(0) }
        #expect(journal == 1, "the order is journaled again: the rolled-back journal row is gone")
    }

    @Test func aBatchWritesALineOnceWhateverItsDropsDid() throws {
        let ledger = try folder.open()
        _ = try ledger.batch { try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100)], name: "orders.csv") }
        let before = try ledger.totalChanges()
        try ledger.batch {
            for (day, state) in [LifecycleState.queued, .printing, .printed].enumerated() {
                try printLog(ledger, "day\(day).log", [TestEvents.job("A-1", state, at: 200 + Int64(day))])
            }
        }
        // Per drop: its row, its counts, the source's totals (three trigger changes) and its
        // event (3 × 6); the line once (the order was journaled by the first batch, and no
        // export has read it since).
        let changes = try ledger.totalChanges() - before
        #expect(changes == 19)
        #expect(try progress(ledger, "A-1") == .printed)
    }

    /// The store hashes its keys without the tenant (`LineKey.hash(into:)`): two tenants' orders,
    /// lines and shipments of the same numbers, held side by side, must still stay apart.
    @Test func twoTenantsOfTheSameOrderAndTrackingNumbersStayApartInOneBatch() throws {
        let ledger = try folder.open()
        try ledger.batch {
            try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100, tracking: "1Z1")], tenant: "acme")
            try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100, tracking: "1Z1", channel: "WOO")], tenant: "northwind")
            let delivered = try ledger.apply([TestEvents.scan("1Z1", .delivered, at: 300)], tenant: "northwind", source: "ups", kind: .carrier)
            #expect(delivered.eventsNew == 1 && delivered.orphansHeld == 0, "northwind's shipment, linked by northwind's line")
            let again = try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100, tracking: "1Z1")], tenant: "acme")
            #expect(again.eventsDuplicate == 1, "acme's line holds acme's event")
            let printed = try ledger.apply([TestEvents.job("A-1", .printed, at: 200)], tenant: "acme", source: "print", kind: .print)
            #expect(printed.eventsNew == 1)
        }
        #expect(try ledger.view("acme", "A-1")?.channel == "SHOPIFY-EU")
        #expect(try ledger.view("acme", "A-1")?.lines.first?.fold.progress == .printed)
        #expect(try ledger.view("acme", "A-1")?.shipments.first?.visibleState != .delivered, "northwind's delivery is not acme's")
        #expect(try ledger.view("northwind", "A-1")?.channel == "WOO")
        #expect(try ledger.view("northwind", "A-1")?.lines.first?.fold.progress == .received)
        #expect(try ledger.view("northwind", "A-1")?.shipments.first?.visibleState == .delivered)
        #expect(try ledger.rows("SELECT tenant, orders FROM shipments ORDER BY tenant") == ["acme|A-1", "northwind|A-1"])
    }
}
