import Foundation
import Testing
@testable import PODTrackLedger

/// Lines are looked up by tracking number through the tracking index, never by scanning a
/// tenant's lines: once per carrier event while applying, or once per shipment in the status
/// queries every pass runs (the metrics file). Either scan turned seconds into hours at 200k orders.
@Suite struct QueryPlanTests {
    @Test(arguments: [Ledger.stuckShipmentsSQL, Ledger.shippedWithoutScanSQL, ApplyStatements.ordersOfTrackingSQL])
    func lookupsByTrackingUseTheTrackingIndex(sql: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try Ledger(path: folder.appendingPathComponent("ledger.sqlite").path)
        var plan: [String] = []
        try ledger.database.cached("EXPLAIN QUERY PLAN " + sql).forEachRow { plan.append($0.text(3)) }
        let lineLookups = plan.filter { $0.contains(" l ") || $0.contains(" lines ") }
        #expect(!lineLookups.isEmpty)
        #expect(lineLookups.allSatisfy { $0.contains("INDEX lines_tracking (tenant=? AND tracking=?)") }, "\(plan)")
    }
}
