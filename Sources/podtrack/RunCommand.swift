import Foundation
import PODTrack
import PODTrackLedger

/// `podtrack run`: one pass over the site.
enum RunCommand: Command {
    static let name = "run"
    static let summary = "one pass: take every pending drop into the ledger, then export"
    static let help = """
        usage: podtrack run [--site DIR] [--wait] [--quiet] [--log] [--log-format logfmt|json] [--metrics FILE]

        Takes every complete file waiting in Inbox/<tenant>/<source>/ into the ledger (oldest first
        within a source), moves it to the archive (or to quarantine with an .error.txt when it
        cannot be used at all), then writes one export file per storefront with what changed.
        Prints what it did; a second run with nothing new says so.

          --site DIR   the site folder (Pipelines/, Inbox/, Outbox/, State/); default: current folder
          --wait       if another podtrack is working on the site, wait for it (default: exit 5)
          --quiet      print only the totals line
          --log        write a log line per drop and export on stderr even on a terminal (always
                       written when stderr is not a terminal; a terminal shows a progress line)
          --log-format logfmt (default) or json
          --metrics FILE  write the Prometheus metrics there (default State/metrics.prom), e.g. into
                       node_exporter's textfile collector folder

        A file counts as complete when no process has it open for writing, its marker exists (for
        sources with intake.marker) and it is older than the source's intake.settle_seconds (if set).
        Anything else stays for the next pass.
        exit codes: 0 done (rejected rows and quarantined files are reported, not failures);
                    2 usage; 3 invalid definitions; 4 failure (file system, ledger); 5 site busy
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        let quiet = arguments.flag("--quiet")
        let wait = arguments.flag("--wait")
        let log = try PassLog.from(&arguments)
        let metrics = try arguments.option("--metrics")
        _ = try arguments.positionals(count: 0, names: "")
        let engine = try Engine(site: site, waitForLock: wait)
        if let metrics { engine.metricsFile = URL(fileURLWithPath: metrics) }
        let summary = try engine.runOnce(observer: log.observer)
        print(SummaryText(summary: summary, site: site, quiet: quiet).render())
        return .success
    }
}
