import Foundation
import Glibc
import PODTrack
import PODTrackCore

/// What `run` and `watch` write on standard error as a pass goes: one line per drop and per
/// export (logfmt, or JSON with `--log-format json`) when stderr is not a terminal or with
/// `--log`, and on a terminal a progress line (files, MB/s, events/s, ETA) during long passes.
final class PassLog {
    enum Format: String { case logfmt, json }

    private let format: Format
    private let writesLines: Bool
    private let showsProgress: Bool
    private var started = Date()
    private var totalFiles = 0
    private var totalBytes = 0
    private var doneFiles = 0
    private var doneBytes = 0
    private var events = 0
    private var progressShown = false

    init(format: Format, forceLines: Bool) {
        let terminal = isatty(STDERR_FILENO) == 1
        self.format = format
        self.writesLines = forceLines || !terminal
        self.showsProgress = terminal
    }

    /// Reads `--log-format logfmt|json` and `--log`.
    static func from(_ arguments: inout Arguments) throws(UsageError) -> PassLog {
        let text = try arguments.option("--log-format") ?? "logfmt"
        guard let format = Format(rawValue: text) else { throw UsageError("--log-format is logfmt or json, not '\(text)'") }
        return PassLog(format: format, forceLines: arguments.flag("--log"))
    }

    var observer: PassObserver {
        PassObserver(started: { [self] in passStarted(files: $0, bytes: $1) },
                     dropFinished: { [self] in dropFinished($0) },
                     exportFinished: { [self] in exportFinished($0) })
    }

    private func passStarted(files: Int, bytes: Int) {
        started = Date()
        (totalFiles, totalBytes, doneFiles, doneBytes, events) = (files, bytes, 0, 0, 0)
    }

    private func dropFinished(_ drop: DropReport) {
        doneFiles += 1
        doneBytes += drop.size
        var fields: [(String, String)] = [("tenant", drop.tenant), ("source", drop.source), ("file", drop.name), ("bytes", String(drop.size))]
        switch drop.outcome {
        case .applied(let result):
            events += result.stats.eventsNew + result.stats.eventsDuplicate
            fields = [("msg", "drop applied")] + fields + [("rows", String(result.counts.records)), ("new", String(result.stats.eventsNew)),
                                                           ("known", String(result.stats.eventsDuplicate)), ("rejected", String(result.stats.rejected))]
            if result.counts.unchanged > 0 { fields.append(("unchanged", String(result.counts.unchanged))) }
            if let resume = drop.resumedFrom { fields.append(("resumed_at_byte", String(resume.size))) }
        case .duplicate(let original): fields = [("msg", "drop duplicate")] + fields + [("same_as", original)]
        case .resumed: fields = [("msg", "drop resumed")] + fields
        case .quarantined(let reason): fields = [("msg", "drop quarantined"), ("level", "warn")] + fields + [("error", reason)]
        case .deferred(let reason): fields = [("msg", "drop deferred")] + fields + [("reason", reason)]
        }
        line(fields)
        progress()
    }

    private func exportFinished(_ export: ExportReport) {
        guard let file = export.file else { return }
        line([("msg", "export published"), ("tenant", export.tenant), ("storefront", export.storefront), ("file", file), ("rows", String(export.rows))])
    }

    private func line(_ fields: [(String, String)]) {
        guard writesLines else { return }
        var all = [("ts", UTCText.iso8601(Engine.wallClock()))] + fields
        if !all.contains(where: { $0.0 == "level" }) { all.insert(("level", "info"), at: 1) }
        let text: String
        switch format {
        case .logfmt: text = all.map { "\($0.0)=\($0.1.logfmtValue)" }.joined(separator: " ")
        case .json: text = "{" + all.map { "\($0.0.jsonQuoted):\($0.1.jsonQuoted)" }.joined(separator: ",") + "}"
        }
        clearProgress()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Redraws the progress line on a terminal once a pass has run for a second.
    private func progress() {
        let seconds = Date().timeIntervalSince(started)
        guard showsProgress, seconds >= 1, totalBytes > 0 else { return }
        let rate = Double(doneBytes) / seconds
        let eta = rate > 0 ? Double(totalBytes - doneBytes) / rate : 0
        let text = String(format: "\r%d/%d files  %.1f MB/s  %.0f events/s  ETA %.0f s ", doneFiles, totalFiles,
                          rate / 1_048_576, Double(events) / seconds, eta)
        FileHandle.standardError.write(Data(text.utf8))
        progressShown = true
        if doneFiles == totalFiles { clearProgress() }
    }

    private func clearProgress() {
        guard progressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        progressShown = false
    }
}
