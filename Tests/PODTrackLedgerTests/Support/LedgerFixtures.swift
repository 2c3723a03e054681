import Foundation
import PODTrackCore
@testable import PODTrackLedger

/// A fresh folder for a test's ledger file, removed when the value goes away.
final class LedgerFolder {
    let url: URL
    /// Where the ledger file goes.
    var ledgerPath: String { url.appendingPathComponent("ledger.sqlite").path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The ledger in this folder (created on first open); `entityCapacity` as `Ledger` takes it.
    func open(entityCapacity: Int = EntityStore.defaultCapacity) throws -> Ledger {
        try Ledger(path: ledgerPath, entityCapacity: entityCapacity)
    }
}

extension Ledger {
    /// Applies `events` as one drop of `tenant`/`source` named `name` (its fingerprint too, so
    /// `appliedDrop` finds it by name); `failing` throws a `DropFailure` after the last event.
    @discardableResult
    func apply(_ events: [StatusEvent], tenant: String = "acme", source: String = "erp", kind: SourceKind = .erp,
               name: String = "drop-\(UUID().uuidString)", failing: Bool = false) throws -> ApplyStats {
        let claim = DropClaim(tenant: tenant, source: source, name: name, fingerprint: name, size: 1, receivedAt: 0)
        return try applyDrop(claim, sourceKind: kind, storedAs: "archive/\(name)") { applier in
            for event in events { try applier.accept(event) }
            if failing { throw DropFailure("\(name) is broken at its end", hint: "") }
            return DropCounts()
        }.stats
    }

    /// Rows inserted, updated or deleted on this connection so far (SQLite's `total_changes()`).
    func totalChanges() throws -> Int64 {
        try database.cached("SELECT total_changes()").first { $0.int(0) } ?? 0
    }

    /// The rows `sql` selects, each as its columns joined by `|`.
    func rows(_ sql: String) throws -> [String] {
        var rows: [String] = []
        try database.cached(sql).forEachRow { row in
            rows.append((0..<row.columnCount).map { row.text($0) }.joined(separator: "|"))
        }
        return rows
    }

    /// The order as the export formats see it.
    func view(_ tenant: String, _ number: String) throws -> OrderView? {
        try OrderViewLoader(database: database).load(tenant: tenant, orderNo: number)
    }
}

/// Events as the sources deliver them, for ledger tests.
enum TestEvents {
    /// An ERP row of `order`'s line `line`, with its facts (a shipment link when `tracking` is given).
    static func erp(_ order: String, _ line: Int, _ state: LifecycleState, at time: Int64,
                    tracking: String? = nil, channel: String = "SHOPIFY-EU") -> StatusEvent {
        StatusEvent(subject: .line(order: order, line: line), state: state, occurredAt: time, rawWord: state.rawValue, line: 2,
                    facts: OrderLineFacts(sku: "SKU-\(line)", quantity: 1, channel: channel, channelRef: "#\(order)",
                                          channelLineRef: "", carrier: tracking == nil ? nil : "ups", tracking: tracking))
    }

    /// A print log's state of the job printing line 1 of `order`.
    static func job(_ order: String, _ state: LifecycleState, at time: Int64) -> StatusEvent {
        StatusEvent(subject: .line(order: order, line: 1), state: state, occurredAt: time, discriminator: "J-\(order)",
                    rawWord: state.rawValue, line: 3)
    }

    /// A carrier's scan of `tracking`.
    static func scan(_ tracking: String, _ state: LifecycleState, at time: Int64) -> StatusEvent {
        StatusEvent(subject: .shipment(tracking: tracking), state: state, occurredAt: time, rawWord: state.rawValue, line: 2, carrier: "ups")
    }
}

extension StorefrontExport {
    /// The export's changed orders, with nothing prepared beside them.
    func forEachChangedOrder(_ body: (OrderView) throws -> Void) throws {
        try forEachChangedOrder(preparing: { _, _ in () }) { order, _ in try body(order) }
    }

    /// Tells `row` with its own digest.
    func tell(_ row: ExportRow, of order: String, once: Bool) throws -> Bool {
        try tell(row, digest: row.digest, of: order, once: once)
    }
}
