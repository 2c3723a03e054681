import Foundation
import Glibc
import Testing
import PODTrackCore
@testable import PODTrackLedger

/// An export reads its orders ahead on connections of its own (`ChangedOrdersAhead`): it sees
/// what was committed, a caller's open transaction is read on the caller's connection, and a
/// failing export stops its readers and leaves the ledger as it was.
@Suite struct ExportReadAheadTests {
    let folder: LedgerFolder
    let ledger: Ledger

    init() throws {
        folder = try LedgerFolder()
        ledger = try folder.open()
    }

    /// More orders than its two threads hold ahead (the query's batches ahead of the preparing
    /// thread, and the preparing thread's ahead of the export), so they are still reading when
    /// the export fails.
    private static let orderCount = ChangedOrdersAhead.batchSize * (2 * ChangedOrdersAhead.batchesAhead + 4)

    private func exportedOrders(failingAt failure: Int? = nil) throws -> [String] {
        var read: [String] = []
        _ = try ledger.export(tenant: "acme", storefront: "s", channel: "SHOPIFY-EU", createdAt: 0, fileName: { "f-\($0)" }) { export in
            try export.forEachChangedOrder { order in
                if read.count == failure { throw DropFailure("the file system is full", hint: "") }
                read.append(order.orderNo)
                let row = ExportRow(key: order.orderNo, cells: [order.orderNo])
                _ = try export.tell(row, of: order.orderNo, once: false)
            }
            return "fingerprint"
        }
        return read
    }

    @Test func everyCommittedOrderIsReadOnceInOrderAcrossBatches() throws {
        let numbers = (1...Self.orderCount).map { String(format: "A-%05d", $0) }
        try ledger.apply(numbers.reversed().map { TestEvents.erp($0, 1, .received, at: 100) })
        #expect(try exportedOrders() == numbers)
        #expect(try exportedOrders().isEmpty, "the cursor moved past them all")
    }

    /// What the export prepares of each order (the publisher: its rows) comes with that order,
    /// made on the preparing thread when the export reads ahead, on the caller's inside its transaction.
    @Test(arguments: [false, true])
    func whatIsPreparedOfAnOrderComesWithItFromTheThreadThatReadIt(insideATransaction: Bool) throws {
        try ledger.apply((1...Self.orderCount).map { TestEvents.erp("A-\($0)", $0 % 3, .received, at: 100) })
        var checked = 0
        func exportAll() throws {
            _ = try ledger.export(tenant: "acme", storefront: "s", channel: "SHOPIFY-EU", createdAt: 0, fileName: { "f-\($0)" }) { export in
                try export.forEachChangedOrder(preparing: { order, _ in (order.orderNo, order.lines.map(\.lineNo), pthread_self()) }) { order, prepared in
                    #expect(prepared.0 == order.orderNo && prepared.1 == order.lines.map(\.lineNo))
                    #expect((prepared.2 == pthread_self()) == insideATransaction, "prepared on thread \(prepared.2), used on \(pthread_self())")
                    checked += 1
                }
                return nil
            }
        }
        if insideATransaction { try ledger.database.transaction { try exportAll() } } else { try exportAll() }
        #expect(checked == Self.orderCount)
    }

    @Test func anExportInsideACallersTransactionReadsWhatItChanged() throws {
        var read: [String] = []
        try ledger.database.transaction {
            try ledger.database.execute("""
                INSERT INTO orders (tenant, order_no, channel, channel_ref) VALUES ('acme', 'A-1', 'SHOPIFY-EU', '#1');
                INSERT INTO journal (tenant, order_no, drop_id) VALUES ('acme', 'A-1', 0);
                """)
            read = try exportedOrders()
        }
        #expect(read == ["A-1"], "the uncommitted order is read on the caller's connection")
    }

    @Test func aFailingExportStopsItsReadersAndLeavesNothingBehind() throws {
        try ledger.apply((1...Self.orderCount).map { TestEvents.erp("A-\($0)", 1, .received, at: 100) })
        #expect(throws: DropFailure.self) { try exportedOrders(failingAt: 10) }
        #expect(try ledger.rows("SELECT count(*) FROM told") == ["0"])
        #expect(try exportedOrders().count == Self.orderCount, "the cursor did not move; the next export reads them all")
    }
}
