import Foundation
import Testing
import PODTrackCore
@testable import PODTrackLedger

/// Drops applied in one batch: one transaction, entities written once, and a drop that fails
/// inside it undone alone.
@Suite struct LedgerBatchTests {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-batch-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("ledger.sqlite").path
    }

    private func apply(_ ledger: Ledger, _ name: String, kind: SourceKind = .print, _ events: [StatusEvent],
                       failing: Bool = false) throws -> ApplyStats {
        let claim = DropClaim(tenant: "acme", source: kind.rawValue, name: name, fingerprint: name, size: 1, receivedAt: 0)
        return try ledger.applyDrop(claim, sourceKind: kind, storedAs: "archive/\(name)") { applier in
            for event in events { try applier.accept(event) }
            if failing { throw DropFailure("\(name) is broken at its end", hint: "") }
            return DropCounts()
        }.stats
    }

    private func erp(_ order: String, _ line: Int, _ state: LifecycleState, at time: Int64) -> StatusEvent {
        StatusEvent(subject: .line(order: order, line: line), state: state, occurredAt: time, rawWord: state.rawValue, line: 2,
                    facts: OrderLineFacts(sku: "SKU", quantity: 1, channel: "SHOPIFY-EU", channelRef: "#\(order)", channelLineRef: ""))
    }

    private func job(_ order: String, _ state: LifecycleState, at time: Int64) -> StatusEvent {
        StatusEvent(subject: .line(order: order, line: 1), state: state, occurredAt: time, discriminator: "J-\(order)",
                    rawWord: state.rawValue, line: 3)
    }

    private func progress(_ ledger: Ledger, _ order: String) throws -> LifecycleState? {
        try OrderViewLoader(database: ledger.database).load(tenant: "acme", orderNo: order)?.lines.first?.fold.progress
    }

    @Test(arguments: [2, 40_000])
    func aDropThatFailsInsideABatchIsUndoneAloneAndTheOthersCommit(capacity: Int) throws {
        let ledger = try Ledger(path: path, entityCapacity: capacity)
        let orders = ["A-1", "A-2", "A-3", "A-4"]
        try ledger.batch {
            _ = try apply(ledger, "orders.csv", kind: .erp, orders.map { erp($0, 1, .received, at: 100) })
            _ = try apply(ledger, "day1.log", orders.map { job($0, .queued, at: 200) })
            #expect(throws: DropFailure.self, "it changed lines the batch holds, and (capacity 2) wrote some back") {
                try apply(ledger, "day2.log", orders.map { job($0, .printed, at: 300) }, failing: true)
            }
            let day3 = try apply(ledger, "day3.log", orders.map { job($0, .printing, at: 250) } + [job("A-1", .printed, at: 300)])
            #expect(day3.eventsNew == 5, "the failed drop's events are not there to be duplicates of")
        }
        for order in orders.dropFirst() { #expect(try progress(ledger, order) == .printing) }
        #expect(try progress(ledger, "A-1") == .printed)
        #expect(try ledger.events(tenant: "acme", orderNo: "A-2", trackings: []).map(\.state) == ["received", "queued", "printing"])
        #expect(try ledger.appliedDrop(tenant: "acme", source: "print", fingerprint: "day2.log") == nil)
        #expect(try ledger.appliedDrop(tenant: "acme", source: "print", fingerprint: "day3.log") != nil)

        let reopened = try Ledger(path: path)
        #expect(try progress(reopened, "A-1") == .printed, "committed: another connection sees it")
    }

    @Test func aBatchThatThrowsLeavesNothingAndTheNextStartsClean() throws {
        let ledger = try Ledger(path: path, entityCapacity: 2)
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) {
            try ledger.batch {
                _ = try apply(ledger, "orders.csv", kind: .erp, [erp("A-1", 1, .received, at: 100), erp("A-2", 1, .received, at: 100),
                                                                  erp("A-3", 1, .received, at: 100)])
                throw DiskFull()
            }
        }
        #expect(try progress(ledger, "A-1") == nil)
        #expect(try ledger.appliedDrop(tenant: "acme", source: "erp", fingerprint: "orders.csv") == nil)

        let again = try ledger.batch { try apply(ledger, "orders.csv", kind: .erp, [erp("A-1", 1, .received, at: 100)]) }
        #expect(again.eventsNew == 1, "nothing of the rolled-back batch is held or remembered")
        #expect(try progress(ledger, "A-1") == .received)
        let journal = try ledger.database.cached("SELECT count(*) FROM journal WHERE order_no = 'A-1'").first { $0.int(0) }
        #expect(journal == 1, "the order is journaled again: the rolled-back journal row is gone")
    }

    @Test func aBatchWritesALineOnceWhateverItsDropsDid() throws {
        let ledger = try Ledger(path: path)
        let totalChanges = { try ledger.database.cached("SELECT total_changes()").first { $0.int(0) } ?? 0 }
        _ = try ledger.batch { try apply(ledger, "orders.csv", kind: .erp, [erp("A-1", 1, .received, at: 100)]) }
        let before = try totalChanges()
        try ledger.batch {
            for (day, state) in [LifecycleState.queued, .printing, .printed].enumerated() {
                _ = try apply(ledger, "day\(day).log", [job("A-1", state, at: 200 + Int64(day))])
            }
        }
        // Per drop: its row, its counts and its event (3 × 3); the line once (the order was
        // journaled by the first batch, and no export has read it since).
        let changes = try totalChanges() - before
        #expect(changes == 10)
        #expect(try progress(ledger, "A-1") == .printed)
    }
}
