import Foundation
import PODTrack
import PODTrackLedger

/// The text `podtrack run` prints: a line per drop (with its first rejected rows), a line per
/// storefront export, then the totals.
struct SummaryText {
    let summary: PassSummary
    let site: Site
    let quiet: Bool

    func render() -> String {
        if summary.isIdle && summary.skipped.isEmpty {
            let waiting = summary.waiting.isEmpty ? "no files waiting" : "\(summary.waiting.count) files not complete yet"
            let pickups = summary.pickedUp > 0 ? "; \(summary.pickedUp) export files picked up" : ""
            return "nothing new: \(waiting), no storefront changes\(pickups) (\(seconds))"
        }
        var lines: [String] = []
        if !quiet {
            lines += dropLines()
            lines += summary.skipped.map { "  left in the inbox: \($0.path): \($0.reason)" }
            lines += summary.waiting.map { "  not complete yet: \($0.path): \($0.reason)" }
            lines += summary.recoveredExports.map { "  finished an interrupted export: \($0)" }
            if summary.pickedUp > 0 { lines.append("  \(summary.pickedUp) export files picked up since the last pass") }
            lines += exportLines()
        }
        lines.append(totals())
        return lines.joined(separator: "\n")
    }

    private var seconds: String { String(format: "%.2f s", summary.seconds) }

    private func dropLines() -> [String] {
        guard !summary.drops.isEmpty else { return [] }
        var lines = ["drops:"]
        for drop in summary.drops {
            let label = "  \(drop.tenant)/\(drop.source)  \(drop.name)"
            switch drop.outcome {
            case .applied(let result):
                let resumed = drop.resumedFrom.map { " (read on from byte \($0.size): the bytes before were \($0.name))" } ?? ""
                let unchanged = result.counts.unchanged > 0 ? " (\(result.counts.unchanged) rows as in the last drop, skipped unread)" : ""
                lines.append("\(label)  applied: \(result.counts.records) rows, \(result.stats.eventsNew) new events, "
                             + "\(result.stats.eventsDuplicate) already known\(unchanged), \(result.stats.rejected) rejected\(resumed)")
                lines += drop.sampleRejects.map { "      rejected \($0)" }
                if result.stats.rejected > drop.sampleRejects.count {
                    lines.append("      … \(result.stats.rejected - drop.sampleRejects.count) more rejected rows in the ledger")
                }
            case .duplicate(let original):
                lines.append("\(label)  duplicate of \(original): same bytes, nothing changed")
            case .quarantined(let reason):
                lines.append("\(label)  QUARANTINED: \(reason) (see State/quarantine/\(drop.tenant)/\(drop.source)/)")
            case .resumed:
                lines.append("\(label)  applied by an interrupted pass: moved to the archive now")
            case .deferred(let reason):
                lines.append("\(label)  left for the next pass: \(reason)")
            }
        }
        return lines
    }

    private func exportLines() -> [String] {
        guard !summary.exports.isEmpty else { return [] }
        return ["exports:"] + summary.exports.map { export in
            let label = "  \(export.tenant)/\(export.storefront)"
            guard let file = export.file else { return "\(label)  nothing new" }
            return "\(label)  \(file) (\(export.rows) rows)"
        }
    }

    private func totals() -> String {
        let stats = summary.stats
        let files = summary.exports.filter { $0.file != nil }.count
        return "totals: \(summary.drops.count) files (\(summary.applied) applied, \(summary.duplicates) duplicate, "
            + "\(summary.quarantined) quarantined), \(summary.records) rows, \(stats.eventsNew) new events, "
            + "\(stats.eventsDuplicate) already known, \(stats.rejected) rejected rows; "
            + "orphans: \(stats.orphansHeld) held, \(stats.orphansLinked) linked; \(files) export files; \(seconds)"
    }
}
