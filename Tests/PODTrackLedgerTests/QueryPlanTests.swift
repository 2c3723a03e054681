import Foundation
import Testing
@testable import PODTrackLedger

/// The status queries that run on every pass (the metrics file) look lines up by tracking number,
/// never by scanning a tenant's lines once per shipment: on a ledger with 100k shipped lines and
/// no carrier scans yet that scan took minutes.
@Suite struct QueryPlanTests {
    @Test(arguments: [Ledger.stuckShipmentsSQL, Ledger.shippedWithoutScanSQL])
    func stuckShipmentLookupsUseTheTrackingIndex(sql: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try Ledger(path: folder.appendingPathComponent("ledger.sqlite").path)
        var plan: [String] = []
        try ledger.database.cached("EXPLAIN QUERY PLAN " + sql).forEachRow { plan.append($0.text(3)) }
        let lineLookups = plan.filter { $0.contains(" l ") }
        #expect(!lineLookups.isEmpty)
        #expect(lineLookups.allSatisfy { $0.contains("INDEX lines_tracking (tenant=? AND tracking=?)") }, "\(plan)")
    }
}
