import Foundation
import Testing
@testable import PODTrackLedger

/// The status queries every pass runs (the metrics file) read shipments by rank through the
/// progress index and look lines up by tracking number through the tracking index, never by
/// scanning a tenant's rows: on a ledger of 100k shipped lines that no carrier had scanned yet,
/// the scan of lines per shipment took many minutes; the scan of shipments doubled an idle run.
@Suite struct QueryPlanTests {
    @Test(arguments: [Ledger.stuckShipmentsSQL, Ledger.shippedWithoutScanSQL])
    func stuckShipmentQueriesUseTheirIndexes(sql: String) throws {
        let folder = try LedgerFolder()
        let ledger = try folder.open()
        var plan: [String] = []
        try ledger.database.cached("EXPLAIN QUERY PLAN " + sql).forEachRow { plan.append($0.text(3)) }
        let lineLookups = plan.filter { $0.contains(" l ") }
        #expect(!lineLookups.isEmpty)
        #expect(lineLookups.allSatisfy { $0.contains("INDEX lines_tracking (tenant=? AND tracking=?)") }, "\(plan)")
        let shipmentReads = plan.filter { $0.contains(" s ") }
        #expect(shipmentReads.count == 1)
        #expect(shipmentReads.allSatisfy { $0.contains("INDEX shipments_progress (tenant=? AND rank=?") }, "\(plan)")
    }

    @Test func anExportReadsOnlyTheJournalAfterItsCursorAndItsOrdersByKey() throws {
        let folder = try LedgerFolder()
        let ledger = try folder.open()
        var plan: [String] = []
        try ledger.database.cached("EXPLAIN QUERY PLAN " + ChangedOrdersQuery.sql).forEachRow { plan.append($0.text(3)) }
        #expect(plan.contains { $0.contains("SEARCH journal USING INTEGER PRIMARY KEY (rowid>?)") }, "\(plan)")
        #expect(plan.contains { $0.contains("SEARCH o USING PRIMARY KEY (tenant=? AND order_no=?)") }, "\(plan)")
        #expect(plan.contains { $0.contains("SEARCH l USING PRIMARY KEY (tenant=? AND order_no=?)") }, "\(plan)")
        #expect(plan.contains { $0.contains("SEARCH s USING PRIMARY KEY (tenant=? AND tracking=?)") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "orders come in key order, nothing is sorted: \(plan)")
    }
}
