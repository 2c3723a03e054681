import Foundation
import PODTrackCore
import PODTrackLedger

/// A source's health with the files waiting in its inbox folder.
public struct SourceStatus: Sendable {
    public var health: SourceHealth
    /// Complete files not taken yet, plus files still being written.
    public var waitingFiles: Int
}

/// Everything `status`, the metrics and the report say about one tenant.
public struct TenantStatus: Sendable {
    public var name: String
    public var sources: [SourceStatus]
    public var orphans: OrphanSummary
    public var orphansOverdue: Bool
    public var stuck: [StuckOrder]
    public var storefronts: [StorefrontHealth]
}

/// The state of a site at one moment, with what needs an operator's attention.
public struct SiteHealth: Sendable {
    public static let stuckListLimit = 20

    public var generatedAt: Int64
    public var tenants: [TenantStatus]
    public var ledgerBytes: Int

    /// One line per thing that needs attention; empty when the site is healthy.
    public var attention: [String] {
        var reasons: [String] = []
        for tenant in tenants {
            for source in tenant.sources {
                let label = "\(tenant.name)/\(source.health.source)"
                if source.health.quarantined > 0 { reasons.append("\(label): \(source.health.quarantined) quarantined drop(s)") }
                if source.health.rejectedSince > 0 { reasons.append("\(label): \(source.health.rejectedSince) rejected row(s) in the last 24 h") }
            }
            if tenant.orphansOverdue { reasons.append("\(tenant.name): \(tenant.orphans.shipments) orphan shipment(s) waiting too long for the ERP") }
            if !tenant.stuck.isEmpty { reasons.append("\(tenant.name): \(tenant.stuck.count)\(tenant.stuck.count >= Self.stuckListLimit ? "+" : "") stuck order(s)") }
            for storefront in tenant.storefronts where storefront.late > 0 {
                reasons.append("\(tenant.name)/\(storefront.storefront): \(storefront.late) export file(s) not picked up in time")
            }
        }
        return reasons
    }

    /// Reads the site's health from its ledger and inbox (no lock: it only reads).
    public static func gather(site: Site, definitions: SiteDefinitions, ledger: Ledger, tenant filter: String?,
                              now: Int64) throws -> SiteHealth {
        let scan = InboxScanner(site: site, definitions: definitions, defaultSettleSeconds: 0, now: now).scan()
        var waiting: [String: Int] = [:]
        for file in scan.pending { waiting["\(file.tenant)/\(file.source.definition.name)", default: 0] += 1 }
        for file in scan.waiting {
            let parts = file.path.split(separator: "/")
            if parts.count >= 3 { waiting["\(parts[1])/\(parts[2])", default: 0] += 1 }
        }
        let hour: Int64 = 3_600_000
        var tenants: [TenantStatus] = []
        for tenant in definitions.tenants where filter == nil || tenant.name == filter {
            let sources = try tenant.sources.map { source in
                SourceStatus(health: try ledger.sourceHealth(tenant: tenant.name, source: source.definition.name, since: now - 24 * hour),
                             waitingFiles: waiting["\(tenant.name)/\(source.definition.name)"] ?? 0)
            }
            let orphans = try ledger.orphans(tenant: tenant.name)
            let overdue = orphans.shipments > 0
                && (orphans.oldestEventAt ?? now) < now - Int64(tenant.settings.orphanAfterHours * Double(hour))
            let storefronts = try tenant.storefronts.map { storefront in
                try ledger.storefrontHealth(tenant: tenant.name, storefront: storefront.name,
                                            lateBefore: now - Int64(storefront.pickupLimitHours * Double(hour)))
            }
            tenants.append(TenantStatus(name: tenant.name, sources: sources, orphans: orphans, orphansOverdue: overdue,
                                        stuck: try stuckOrders(tenant, ledger: ledger, now: now), storefronts: storefronts))
        }
        return SiteHealth(generatedAt: now, tenants: tenants, ledgerBytes: try ledger.sizeInBytes())
    }

    private static func stuckOrders(_ tenant: TenantDefinitions, ledger: Ledger, now: Int64) throws -> [StuckOrder] {
        var stuck: [StuckOrder] = []
        for (state, hours) in tenant.settings.stuckAfterHours.sorted(by: { $0.key.rank < $1.key.rank }) {
            let before = now - Int64(hours * 3_600_000)
            if state.rank < LifecycleState.shipped.rank {
                stuck += try ledger.stuckLines(tenant: tenant.name, state: state, before: before, limit: stuckListLimit)
            } else {
                stuck += try ledger.stuckShipments(tenant: tenant.name, state: state, before: before, limit: stuckListLimit)
            }
        }
        var seen: Set<String> = []
        return Array(stuck.sorted { $0.since < $1.since }.filter { seen.insert($0.orderNo).inserted }.prefix(stuckListLimit))
    }
}
