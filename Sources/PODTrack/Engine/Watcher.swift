import Foundation
import PODTrackCore

/// `podtrack watch`: passes in a loop. A pass runs when inotify reports a finished file, when a
/// file that was not complete is due to be looked at again, and at least every `fullScanSeconds`
/// as a backstop. Between drops it asks `shouldStop`, so a stop finishes the drop in hand.
public struct Watcher {
    public var settleSeconds: Double
    public var fullScanSeconds: Double

    public init(settleSeconds: Double = 2, fullScanSeconds: Double = 30) {
        self.settleSeconds = settleSeconds
        self.fullScanSeconds = fullScanSeconds
    }

    /// Runs passes until `shouldStop` says so; `report` gets every pass's summary.
    public func run(_ engine: Engine, observer: PassObserver = PassObserver(), shouldStop: () -> Bool,
                    report: (PassSummary) -> Void) throws {
        let notifier = try InboxNotifier()
        while !shouldStop() {
            notifier.watch(folders(of: engine.site))
            let summary = try engine.runOnce(settleSeconds: settleSeconds, shouldStop: shouldStop, observer: observer)
            report(summary)
            if summary.stopped { return }
            var wait = fullScanSeconds
            for file in summary.waiting { wait = min(wait, file.retryAfter ?? fullScanSeconds) }
            if summary.deferred > 0 { wait = min(wait, max(settleSeconds, 1)) }
            let deadline = Date().addingTimeInterval(wait)
            while !shouldStop() {
                let left = deadline.timeIntervalSinceNow
                if left <= 0 || notifier.wait(seconds: min(left, 0.25)) { break }
            }
        }
    }

    /// The inbox and every tenant and source folder in it, existing now.
    private func folders(of site: Site) -> [URL] {
        var folders = [site.inbox]
        for tenant in SiteDefinitions.directories(in: site.inbox) {
            let tenantFolder = site.inbox.appendingPathComponent(tenant, isDirectory: true)
            folders.append(tenantFolder)
            folders += SiteDefinitions.directories(in: tenantFolder).map { tenantFolder.appendingPathComponent($0, isDirectory: true) }
        }
        return folders
    }
}
