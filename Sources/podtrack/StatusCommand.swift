import Foundation
import PODTrack
import PODTrackCore
import PODTrackLedger

/// `podtrack status`: is it running, what is stuck, what needs attention.
enum StatusCommand: Command {
    static let name = "status"
    static let summary = "sources, orphans, stuck orders and storefront pickups; exit 1 when something needs attention"
    static let help = """
        usage: podtrack status [--site DIR] [--tenant T]

        Per source: the last drop and its age, files waiting in the inbox, quarantined drops,
        rejected rows (last 24 h and total). Per tenant: orphan shipments (carrier events no ERP line
        links yet) and orders stuck in a state longer than Pipelines/<tenant>/tenant.json allows.
        Per storefront: the last export, files waiting for pickup and late ones. Reads only.
        exit codes: 0 healthy; 1 something needs attention (listed last); 2 usage; 4 failure
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        let tenant = try arguments.option("--tenant")
        _ = try arguments.positionals(count: 0, names: "")
        let definitions = try SiteDefinitions.load(site)
        if let tenant, !definitions.tenants.contains(where: { $0.name == tenant }) { throw UsageError("no tenant \(tenant)") }
        let health = try SiteHealth.gather(site: site, definitions: definitions, ledger: try site.openLedgerForReading(),
                                           tenant: tenant, now: Engine.wallClock())
        print(render(health))
        return health.attention.isEmpty ? .success : .attention
    }

    static func render(_ health: SiteHealth) -> String {
        let now = health.generatedAt
        var lines = ["ledger \(health.ledgerBytes / 1024) KiB, \(UTCText.iso8601(now))"]
        for tenant in health.tenants {
            lines.append("\(tenant.name):")
            for source in tenant.sources {
                let h = source.health
                lines.append("  source \(h.source): last drop \(h.lastDropName ?? "none") \(DurationText.ago(h.lastDropAt, now: now)); "
                             + "\(source.waitingFiles) waiting, \(h.quarantined) quarantined, "
                             + "rejected rows \(h.rejectedSince) in 24 h / \(h.rejectedTotal) total")
            }
            let oldest = tenant.orphans.oldestEventAt.map { ", oldest event \(DurationText.ago($0, now: now))" } ?? ""
            lines.append("  orphans: \(tenant.orphans.shipments) shipment(s)\(oldest)")
            lines.append("  stuck orders: \(tenant.stuck.count)")
            for order in tenant.stuck {
                lines.append("    \(order.orderNo)  \(order.subject) \(order.state) since \(UTCText.iso8601(order.since)) (\(DurationText.of(milliseconds: now - order.since)))")
            }
            for storefront in tenant.storefronts {
                lines.append("  storefront \(storefront.storefront): last export \(storefront.lastExportFile ?? "none") "
                             + "\(DurationText.ago(storefront.lastExportAt, now: now)); \(storefront.waiting) waiting for pickup, \(storefront.late) late")
            }
        }
        let attention = health.attention
        lines.append(attention.isEmpty ? "healthy" : "needs attention:\n" + attention.map { "  - \($0)" }.joined(separator: "\n"))
        return lines.joined(separator: "\n")
    }
}
