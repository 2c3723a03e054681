import Foundation
import PODTrackCore
import PODTrackLedger

/// Runs podtrack over one site: a pass takes every complete drop into the ledger, then publishes
/// each storefront's changes. Holds the site's lock for as long as it lives.
public final class Engine {
    public let site: Site
    public let definitions: SiteDefinitions
    let ledger: Ledger
    let now: () -> Int64
    private let lock: SiteLock
    /// Where each pass writes its Prometheus metrics (whole, renamed in); nil writes none.
    public var metricsFile: URL?

    /// Loads the site's definitions, takes the site's lock (waiting for it with `waitForLock`) and
    /// opens its ledger. Interrupted exports of an earlier process are finished first.
    public init(site: Site, waitForLock: Bool = false, now: @escaping () -> Int64 = Engine.wallClock) throws {
        self.site = site
        self.definitions = try SiteDefinitions.load(site)
        self.lock = try SiteLock(site: site, wait: waitForLock)
        self.ledger = try Ledger(path: site.ledgerPath)
        self.now = now
        self.metricsFile = site.state.appendingPathComponent("metrics.prom")
    }

    /// The current time in epoch milliseconds.
    public static func wallClock() -> Int64 { Date().epochMilliseconds }

    /// One pass: ingest every complete file (oldest first within a source), in batches of one
    /// transaction each (`batchBytes`), then export. `settleSeconds` applies to sources that set
    /// none; `shouldStop` is asked between drops.
    public func runOnce(settleSeconds: Double = 0, shouldStop: () -> Bool = { false },
                        observer: PassObserver = PassObserver()) throws -> PassSummary {
        let started = Date()
        var summary = PassSummary()
        summary.recoveredExports = try OutgoingRecovery(site: site, ledger: ledger).finishInterruptedExports()
        summary.pickedUp = try PickupTracker(site: site, ledger: ledger).recordPickups(at: now())
        let scan = InboxScanner(site: site, definitions: definitions, defaultSettleSeconds: settleSeconds, now: now()).scan()
        summary.skipped = try ledger.newInboxNotices(scan.skipped, at: now())
        summary.waiting = scan.waiting
        let ingestor = DropIngestor(site: site, ledger: ledger, now: now)
        defer { ingestor.fingerprints.finish() }
        observer.started(scan.pending.count, scan.pending.reduce(0) { $0 + $1.size })
        var queue = scan.pending[...]
        while !queue.isEmpty {
            if shouldStop() {
                summary.stopped = true
                break
            }
            let taken = try ledger.batch { try Self.takeBatch(from: &queue, ingestor: ingestor, shouldStop: shouldStop) }
            for (report, settlement) in taken {
                if let settlement { try ingestor.settle(settlement) }
                summary.drops.append(report)
                observer.dropFinished(report)
            }
        }
        let publisher = StorefrontPublisher(site: site, ledger: ledger, now: now)
        for tenant in definitions.tenants {
            for storefront in tenant.storefronts {
                let report = try publisher.publish(storefront)
                summary.exports.append(report)
                observer.exportFinished(report)
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        if let metricsFile { try writeMetrics(to: metricsFile, passSeconds: summary.seconds) }
        return summary
    }

    /// How many bytes of files one transaction takes at most (one file more if it is larger). The
    /// entities its drops change are written once, at its commit, so a line's print log and the
    /// next day's, or a shipment's carrier files, cost one write, not one per drop.
    static let batchBytes = 64 << 20

    /// Ingests files from the front of `queue` inside the ledger's batch, until `batchBytes` of
    /// them, the queue's end, or a stop; their moves wait for the commit.
    private static func takeBatch(from queue: inout ArraySlice<PendingFile>, ingestor: DropIngestor,
                                  shouldStop: () -> Bool) throws -> [TakenDrop] {
        var taken: [TakenDrop] = []
        var bytes = 0
        while let file = queue.first, taken.isEmpty || (bytes < batchBytes && !shouldStop()) {
            queue.removeFirst()
            taken.append(try ingestor.ingest(file, next: queue.first))
            bytes += file.size
        }
        return taken
    }

    /// The site's health now (what `status` shows).
    public func health(tenant: String? = nil) throws -> SiteHealth {
        try SiteHealth.gather(site: site, definitions: definitions, ledger: ledger, tenant: tenant, now: now())
    }

    private func writeMetrics(to file: URL, passSeconds: Double) throws {
        let text = MetricsText.render(health: try health(), totals: try ledger.dropTotals(),
                                      exportFiles: try ledger.exportFileCounts(), passSeconds: passSeconds)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file, options: .atomic)
    }

    /// Publishes a storefront's whole current state (`snapshot`), or export `resend` again as it was.
    public func exportAgain(tenant: String, storefront name: String, resend: Int?, allowRepeats: Bool) throws -> ExportReport {
        guard let storefront = definitions.tenants.first(where: { $0.name == tenant })?.storefronts.first(where: { $0.name == name }) else {
            throw ExportError.noSuchStorefront("\(tenant)/\(name)")
        }
        let publisher = StorefrontPublisher(site: site, ledger: ledger, now: now)
        if let resend {
            return try publisher.resend(storefront, seq: resend, allowRepeats: allowRepeats)
        }
        return try publisher.publish(storefront, scope: .snapshot)
    }
}
