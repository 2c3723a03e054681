import Foundation
import Dispatch
import Glibc
import PODTrack
import Synchronization

/// Set by SIGTERM or SIGINT: the watch loop ends after the drop in hand.
private let stopRequested = Atomic<Bool>(false)

/// `podtrack watch`: the long-running pass loop.
enum WatchCommand: Command {
    static let name = "watch"
    static let summary = "run passes as files arrive (inotify + periodic full scan) until stopped"
    static let help = """
        usage: podtrack watch [--site DIR] [--wait] [--settle SECONDS] [--scan-every SECONDS]
                              [--log] [--log-format logfmt|json] [--metrics FILE]

        Watches Inbox/ with inotify (files closed after writing or moved in; new tenant and source
        folders are picked up) and runs a pass when something arrives, plus a full scan every
        --scan-every seconds (default 30) as a backstop. A file is taken once it is complete: no
        process has it open for writing, its marker exists (marker mode), and its size and time
        have not changed for the source's intake.settle_seconds (default --settle, 2 s).
        Exports and the metrics file (--metrics, default State/metrics.prom) are written after each
        pass; log lines as for `run`. SIGTERM or SIGINT finish the drop in hand and exit 0.
        exit codes: 0 stopped by a signal; 2 usage; 3 invalid definitions; 4 failure; 5 site busy
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        let wait = arguments.flag("--wait")
        var watcher = Watcher()
        if let text = try arguments.option("--settle") {
            guard let seconds = Double(text), seconds >= 0 else { throw UsageError("--settle takes seconds, not '\(text)'") }
            watcher.settleSeconds = seconds
        }
        if let text = try arguments.option("--scan-every") {
            guard let seconds = Double(text), seconds > 0 else { throw UsageError("--scan-every takes seconds, not '\(text)'") }
            watcher.fullScanSeconds = seconds
        }
        let log = try PassLog.from(&arguments)
        let metrics = try arguments.option("--metrics")
        _ = try arguments.positionals(count: 0, names: "")
        let engine = try Engine(site: site, waitForLock: wait)
        if let metrics { engine.metricsFile = URL(fileURLWithPath: metrics) }
        let signals = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopRequested.store(true, ordering: .relaxed) }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        print("watching \(site.inbox.path) (settle \(watcher.settleSeconds) s, full scan every \(watcher.fullScanSeconds) s)")
        fflush(nil)
        try watcher.run(engine, observer: log.observer, shouldStop: { stopRequested.load(ordering: .relaxed) }) { summary in
            guard !summary.isIdle else { return }
            print(SummaryText(summary: summary, site: site, quiet: false).render())
            fflush(nil)  // a log file or pipe sees each pass as it ends
        }
        print("stopped")
        return .success
    }
}
