import Foundation
import PODTrackCore
import PODTrackLedger

/// Runs podtrack over one site: a pass takes every pending drop into the ledger, then publishes
/// each storefront's changes.
public final class Engine {
    public let site: Site
    public let definitions: SiteDefinitions
    let ledger: Ledger
    let now: () -> Int64

    /// Loads the site's definitions and opens its ledger (creating the state folder).
    public init(site: Site, now: @escaping () -> Int64 = Engine.wallClock) throws {
        self.site = site
        self.definitions = try SiteDefinitions.load(site)
        try FileManager.default.createDirectory(at: site.state, withIntermediateDirectories: true)
        self.ledger = try Ledger(path: site.ledgerPath)
        self.now = now
    }

    /// The current time in epoch milliseconds.
    public static func wallClock() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    /// One pass: ingest everything pending (oldest first within a source), then export.
    public func runOnce(progress: (DropReport) -> Void = { _ in }) throws -> PassSummary {
        let started = Date()
        var summary = PassSummary()
        summary.recoveredExports = try OutgoingRecovery(site: site, ledger: ledger).finishInterruptedExports()
        let scan = InboxScanner(site: site, definitions: definitions).scan()
        summary.skipped = scan.skipped
        let ingestor = DropIngestor(site: site, ledger: ledger, now: now)
        for file in scan.pending {
            let report = try ingestor.ingest(file)
            summary.drops.append(report)
            progress(report)
        }
        let publisher = StorefrontPublisher(site: site, ledger: ledger, now: now)
        for tenant in definitions.tenants {
            for storefront in tenant.storefronts {
                summary.exports.append(try publisher.publish(storefront))
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
