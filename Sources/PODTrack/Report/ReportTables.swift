import PODTrackCore
import PODTrackLedger

/// The report's tables: stuck orders, quarantined drops, sources and storefronts, with times in
/// UTC and ages counted from when the health was gathered.
enum ReportTables {
    /// Orders stuck in one state longer than their tenant allows, oldest first per tenant.
    static func stuckOrders(_ health: SiteHealth) -> String {
        let now = health.generatedAt
        let rows = health.tenants.flatMap(\.stuck).map { order -> [TableCell] in
            [.text(order.tenant), .code(order.orderNo), .code(order.subject), .text(order.state),
             .text(UTCText.iso8601(order.since)), .text(DurationText.of(milliseconds: now - order.since))]
        }
        let table = HTMLTable(columns: [.text("tenant"), .text("order"), .text("subject"), .text("state"), .text("since"),
                                        .text("stuck for")], rows: rows)
        return table.render(empty: "No stuck orders.")
    }

    /// Drops that could not be read, waiting for a fix and `podtrack retry`.
    static func quarantinedDrops(_ drops: [DropRecord]) -> String {
        let rows = drops.map { drop -> [TableCell] in
            [.code(String(drop.id)), .text("\(drop.tenant)/\(drop.source)"), .code(drop.name), .text(UTCText.iso8601(drop.receivedAt)),
             drop.error.map(TableCell.code) ?? .text("(no error recorded)"), drop.storedAs.map(TableCell.code) ?? .text("(file pruned)")]
        }
        let table = HTMLTable(columns: [.text("id"), .text("tenant/source"), .text("file"), .text("received"), .text("error"),
                                        .text("stored as")], rows: rows)
        return table.render(empty: "No quarantined drops.")
    }

    /// Per source: the last drop and its age, files waiting, quarantined drops and rejected rows.
    static func sources(_ health: SiteHealth) -> String {
        let now = health.generatedAt
        let rows = health.tenants.flatMap { tenant in
            tenant.sources.map { status -> [TableCell] in
                let source = status.health
                return [.text(tenant.name), .text(source.source), source.lastDropName.map(TableCell.code) ?? .text("none"),
                        .text(DurationText.ago(source.lastDropAt, now: now)), .number(status.waitingFiles),
                        .number(source.quarantined, warnWhenPositive: true), .number(source.rejectedSince, warnWhenPositive: true),
                        .number(source.rejectedTotal)]
            }
        }
        let table = HTMLTable(columns: [.text("tenant"), .text("source"), .text("last drop"), .text("age"), .number("waiting"),
                                        .number("quarantined"), .number("rejected 24 h"), .number("rejected total")], rows: rows)
        return table.render(empty: "No sources defined.")
    }

    /// Per storefront: the last export and its age, files waiting for pickup and late ones.
    static func storefronts(_ health: SiteHealth) -> String {
        let now = health.generatedAt
        let rows = health.tenants.flatMap(\.storefronts).map { storefront -> [TableCell] in
            [.text(storefront.tenant), .text(storefront.storefront), storefront.lastExportFile.map(TableCell.code) ?? .text("none"),
             .text(DurationText.ago(storefront.lastExportAt, now: now)), .number(storefront.waiting),
             .text(storefront.oldestWaitingAt.map { DurationText.of(milliseconds: now - $0) } ?? "–"),
             .number(storefront.late, warnWhenPositive: true)]
        }
        let table = HTMLTable(columns: [.text("tenant"), .text("storefront"), .text("last export"), .text("age"), .number("waiting"),
                                        .text("oldest waiting"), .number("late")], rows: rows)
        return table.render(empty: "No storefronts defined.")
    }
}
