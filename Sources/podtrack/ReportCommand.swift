import Foundation
import PODTrack

/// `podtrack report`: the site's state as one self-contained HTML page.
enum ReportCommand: Command {
    static let name = "report"
    static let summary = "write an HTML page: health, status funnel, events per hour, stuck and quarantined"
    static let help = """
        usage: podtrack report [--site DIR] --html FILE [--days N]

        Writes one self-contained HTML page (inline CSS and SVG, no scripts, nothing loaded from
        elsewhere): the health banner `status` would give, the status funnel (item lines per state,
        per tenant and storefront channel), events per hour over the N days up to the newest event,
        and tables of stuck orders, quarantined drops, sources and storefronts. FILE is written whole
        (FILE.tmp, then renamed over it); its path is printed. Reads the ledger only.

          --html FILE  where to write the page
          --days N     days of events to chart (default 7, at most 366)
        exit codes: 0 written; 2 usage; 3 invalid definitions; 4 failure (e.g. no ledger yet)
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        guard let file = try arguments.option("--html") else { throw UsageError("--html FILE is required") }
        let daysText = try arguments.option("--days") ?? "7"
        _ = try arguments.positionals(count: 0, names: "")
        guard let days = Int(daysText), (1...366).contains(days) else {
            throw UsageError("--days takes a number of days from 1 to 366, not '\(daysText)'")
        }
        let data = try ReportData.gather(site: site, definitions: try SiteDefinitions.load(site), ledger: try site.openLedgerForReading(),
                                         now: Engine.wallClock(), days: days)
        let destination = URL(fileURLWithPath: file)
        try writeWhole(HTMLReport.render(data), to: destination)
        print(destination.path)
        return .success
    }

    /// Writes `text` beside `destination` as `<name>.tmp`, then renames it over `destination`, so
    /// a reader sees the old page or the new one, never half of one.
    private static func writeWhole(_ text: String, to destination: URL) throws {
        let temporary = URL(fileURLWithPath: destination.path + ".tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ReportWriteError(path: destination.path, reason: reason)
        }
    }
}

/// The report page could not be renamed into place.
struct ReportWriteError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write \(path): \(reason)" }
}
