import Foundation
import Testing
import PODTrackCore
@testable import PODTrackLedger

/// What the storefront was told of an export's rows, read on the export's reading thread
/// (`ToldLookup`), makes `tell` decide what is news exactly as reading it on the export's own
/// connection does.
@Suite struct ToldLookupTests {
    /// A row the test's export tells, with whether it is once-only, and what the reading thread knew of it.
    private struct Told: Sendable {
        var row: ExportRow
        var once = false
        var before: ToldState?
    }

    /// Two exports of: each row never told, told alike, told otherwise, the
    /// storefront's default, once-only, and one key met twice within an export.
    private static func rows(inExport export: Int, of order: String) -> [Told] {
        switch (export, order) {
        case (1, "A-1"): [Told(row: ExportRow(key: "A-1", cells: ["received"])),
                          Told(row: ExportRow(key: "A-1|default", cells: ["open"], isStorefrontDefault: true)),
                          Told(row: ExportRow(key: "A-1|once", cells: ["confirmed"]), once: true)]
        case (1, _): [Told(row: ExportRow(key: "A-2", cells: ["received"])),
                      Told(row: ExportRow(key: "A-2", cells: ["received"])),
                      Told(row: ExportRow(key: "A-2|default", cells: ["open"]))]
        case (2, "A-1"): [Told(row: ExportRow(key: "A-1", cells: ["received"])),
                          Told(row: ExportRow(key: "A-1|default", cells: ["on hold"], isStorefrontDefault: true)),
                          Told(row: ExportRow(key: "A-1|once", cells: ["shipped"]), once: true)]
        default: [Told(row: ExportRow(key: "A-2", cells: ["printed"])),
                  Told(row: ExportRow(key: "A-2|default", cells: ["open"], isStorefrontDefault: true)),
                  Told(row: ExportRow(key: "A-2|default", cells: ["closed"], isStorefrontDefault: true))]
        }
    }

    /// The keys each of the two exports told as news, and what the reading thread knew of each row.
    private func runExports(insideATransaction: Bool) throws -> (news: [[String]], before: [[ToldState?]]) {
        let folder = try LedgerFolder()
        let ledger = try folder.open()
        var news: [[String]] = []
        var before: [[ToldState?]] = []
        for export in 1...2 {
            try ledger.apply(["A-1", "A-2"].map { TestEvents.erp($0, 1, .received, at: Int64(100 * export)) })
            var told: [String] = []
            var known: [ToldState?] = []
            let run = {
                _ = try ledger.export(tenant: "acme", storefront: "s", channel: "SHOPIFY-EU", createdAt: 0, fileName: { "f-\($0)" }) { storefront in
                    try storefront.forEachChangedOrder(preparing: { order, lookup in
                        Self.rows(inExport: export, of: order.orderNo).map { row in
                            var row = row
                            row.before = lookup?.toldBefore(row.row.key)
                            return row
                        }
                    }) { order, rows in
                        for row in rows {
                            known.append(row.before)
                            if try storefront.tell(row.row, digest: row.row.digest, toldBefore: row.before, of: order.orderNo, once: row.once) {
                                told.append(row.row.key)
                            }
                        }
                    }
                    return nil
                }
            }
            if insideATransaction { try ledger.database.transaction(run) } else { try run() }
            news.append(told)
            before.append(known)
        }
        return (news, before)
    }

    @Test func whatTheReadingThreadKnewDecidesAsTheExportsOwnConnectionDoes() throws {
        let expected = [["A-1", "A-1|once", "A-2", "A-2|default"], ["A-2", "A-2|default"]]
        let asked = try runExports(insideATransaction: true)
        #expect(asked.before.joined().allSatisfy { $0 == nil }, "inside a transaction there is no reading thread to ask")
        #expect(asked.news == expected)
        let readAhead = try runExports(insideATransaction: false)
        #expect(readAhead.news == expected)
        let received = ExportRow(key: "A-2", cells: ["received"]).digest
        #expect(readAhead.before == [
            [.never, .never, .never, .never, nil, .never],
            [.told(ExportRow(key: "A-1", cells: ["received"]).digest), .never,
             .told(ExportRow(key: "A-1|once", cells: ["confirmed"]).digest),
             .told(received), .told(ExportRow(key: "A-2|default", cells: ["open"]).digest), nil],
        ], "a key met a second time in one export is left to the ledger")
    }

    /// A digest the ledger cannot read (not 16 bytes) is one every row differs from, both ways.
    @Test(arguments: [false, true])
    func aRowWhoseToldDigestCannotBeReadIsNews(insideATransaction: Bool) throws {
        let folder = try LedgerFolder()
        let ledger = try folder.open()
        try ledger.apply([TestEvents.erp("A-1", 1, .received, at: 100)])
        try ledger.database.execute("INSERT INTO told (tenant, storefront, row_key, digest) VALUES ('acme', 's', 'A-1', x'0102')")
        var told: [(ToldState?, Bool)] = []
        let run = {
            _ = try ledger.export(tenant: "acme", storefront: "s", channel: "SHOPIFY-EU", createdAt: 0, fileName: { "f-\($0)" }) { export in
                try export.forEachChangedOrder(preparing: { order, lookup in lookup?.toldBefore(order.orderNo) }) { order, before in
                    let row = ExportRow(key: order.orderNo, cells: ["received"])
                    told.append((before, try export.tell(row, digest: row.digest, toldBefore: before, of: order.orderNo, once: false)))
                }
                return nil
            }
        }
        if insideATransaction { try ledger.database.transaction(run) } else { try run() }
        #expect(told.map(\.0) == [insideATransaction ? nil : .told(nil)])
        #expect(told.map(\.1) == [true])
        #expect(try ledger.rows("SELECT hex(digest) FROM told") == [RecordDigestCoding.bytes(ExportRow(key: "A-1", cells: ["received"]).digest)
            .map { String(format: "%02X", $0) }.joined()], "the row is told and remembered as it is now")
    }

    @Test func aKeyIsNewOnlyTheFirstTimeItIsSeen() {
        var sightings = KeySightings()
        let keys = (0..<50_000).map { "A-\($0)/1|1Z\($0)" }
        let firsts = keys.filter { sightings.firstSighting(of: $0) }.count
        #expect(firsts > 49_000, "a new key is taken for one seen before only rarely (\(50_000 - firsts) of 50 000)")
        #expect(keys.allSatisfy { !sightings.firstSighting(of: $0) }, "a key seen before is never taken for a new one")
    }
}
