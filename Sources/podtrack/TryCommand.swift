import Foundation
import PODTrack
import PODTrackCore

/// `podtrack try`: what a file would produce, without touching the ledger.
enum TryCommand: Command {
    static let name = "try"
    static let summary = "show the events and rejected rows a file would give, ledger untouched"
    static let help = """
        usage: podtrack try [--site DIR] [--limit N] TENANT/SOURCE FILE

        Reads FILE as the source TENANT/SOURCE would (decode, parse, map, normalize, validate) and
        prints every event (time in UTC, subject, canonical state, the source's word, line) and every
        rejected row with its reason. Nothing is written: use it before turning on a new source.

          --limit N   print at most N events (default 50; 0 prints all); counts are always complete
        exit codes: 0 the file is usable; 1 the file would be quarantined; 2 usage; 3 invalid definitions
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        let limitText = try arguments.option("--limit") ?? "50"
        guard let limit = Int(limitText), limit >= 0 else { throw UsageError("--limit takes a whole number, not '\(limitText)'") }
        let positionals = try arguments.positionals(count: 2, names: "TENANT/SOURCE and FILE")
        let parts = positionals[0].split(separator: "/").map(String.init)
        guard parts.count == 2 else { throw UsageError("'\(positionals[0])' is not TENANT/SOURCE") }
        let definitions = try SiteDefinitions.load(site)
        guard let source = definitions.source(tenant: parts[0], name: parts[1]) else {
            throw UsageError("no source \(positionals[0]) in \(site.relative(site.pipelines))")
        }
        let printer = TryPrinter(limit: limit)
        do {
            let counts = try DropFileReader.read(path: positionals[1], source: source, into: printer)
            print("\(counts.records) records: \(printer.events) events, \(printer.rejects) rejected, "
                  + "\(counts.ignored) ignored by status word, \(counts.noise) noise lines")
            return .success
        } catch let failure as DropFailure {
            print("the file would be QUARANTINED: \(failure.message)\nhow to fix: \(failure.hint)")
            return .attention
        }
    }
}

/// Prints a dry run's events and rejected rows as they come.
final class TryPrinter: DropOutput {
    let limit: Int
    private(set) var events = 0
    private(set) var rejects = 0

    init(limit: Int) { self.limit = limit }

    func accept(_ event: StatusEvent) throws {
        events += 1
        guard limit == 0 || events <= limit else { return }
        var text = "line \(event.line)  \(UTCText.iso8601(event.occurredAt))  \(event.subject.kind) \(event.subject.key)  "
            + "\(event.state.rawValue) (\(event.rawWord))"
        if let tracking = event.facts?.tracking { text += "  shipment \(event.facts?.carrier ?? "?") \(tracking)" }
        if let reference = event.reference { text += "  reference \(reference)" }
        if !event.discriminator.isEmpty { text += "  job \(event.discriminator)" }
        print(text)
        if events == limit { print("… (--limit \(limit) reached; counting the rest)") }
    }

    func reject(_ row: RejectedRow) throws {
        rejects += 1
        print("REJECTED \(row)\n    \(row.rawText)")
    }
}
