import Foundation
import PODTrackCore
import PODTrackLedger

/// How one drop ended.
public enum DropOutcome: Sendable {
    case applied(DropResult)
    /// The same bytes were applied before (under `originalName`).
    case duplicate(originalName: String)
    /// The whole file was unusable: it sits in quarantine with the report.
    case quarantined(reason: String)
}

/// What happened to one file of the inbox.
public struct DropReport: Sendable {
    public var tenant: String
    public var source: String
    public var name: String
    public var size: Int
    public var outcome: DropOutcome
    /// The first rejected rows, for the summary (all of them are in the ledger).
    public var sampleRejects: [RejectedRow]
}

/// Takes one file from the inbox into the ledger: fingerprint, dedupe, stream-parse and apply in
/// one transaction, then move it to the archive, or to quarantine when it cannot be used at all.
struct DropIngestor {
    static let rejectSamples = 5

    let site: Site
    let ledger: Ledger
    let now: () -> Int64

    func ingest(_ file: PendingFile) throws -> DropReport {
        let storage = DropStorage(site: site)
        let (fingerprint, size) = try FileChunks.fingerprint(file.url.path)
        let definition = file.source.definition
        let claim = DropClaim(tenant: file.tenant, source: definition.name, name: file.name,
                              fingerprint: fingerprint, size: size, receivedAt: now())
        var report = DropReport(tenant: file.tenant, source: definition.name, name: file.name, size: size,
                                outcome: .quarantined(reason: ""), sampleRejects: [])
        if let original = try ledger.appliedDrop(tenant: file.tenant, source: definition.name, fingerprint: fingerprint) {
            let archived = storage.archivePath(for: file, fingerprint: fingerprint, at: claim.receivedAt)
            try ledger.recordDuplicate(claim, of: original.id, storedAs: site.relative(archived))
            try storage.move(file.url, to: archived)
            report.outcome = .duplicate(originalName: original.name)
            return report
        }
        let archived = storage.archivePath(for: file, fingerprint: fingerprint, at: claim.receivedAt)
        do {
            let result = try ledger.applyDrop(claim, sourceKind: definition.kind, storedAs: site.relative(archived)) { applier in
                let sink = SamplingOutput(applier: applier, limit: Self.rejectSamples)
                let counts = try DropFileReader.read(path: file.url.path, source: file.source, into: sink)
                report.sampleRejects = sink.samples
                return counts
            }
            try storage.move(file.url, to: archived)
            report.outcome = .applied(result)
        } catch let failure as DropFailure {
            let quarantined = storage.quarantinePath(for: file, fingerprint: fingerprint, at: claim.receivedAt)
            let reason = "\(site.relative(file.url)): \(failure.message)"
            try ledger.recordQuarantine(claim, error: reason, storedAs: site.relative(quarantined))
            try storage.move(file.url, to: quarantined)
            try storage.writeReport(QuarantineReport.text(file: file, site: site, fingerprint: fingerprint, failure: failure), beside: quarantined)
            report.outcome = .quarantined(reason: failure.message)
            report.sampleRejects = []
        }
        return report
    }
}

/// Passes a drop's output to the ledger, keeping the first few rejected rows for the summary.
private final class SamplingOutput: DropOutput {
    let applier: DropApplier
    let limit: Int
    var samples: [RejectedRow] = []

    init(applier: DropApplier, limit: Int) {
        self.applier = applier
        self.limit = limit
    }

    func accept(_ event: StatusEvent) throws { try applier.accept(event) }

    func reject(_ row: RejectedRow) throws {
        if samples.count < limit { samples.append(row) }
        try applier.reject(row)
    }
}

/// The `.error.txt` written beside a quarantined drop: what, where, and how to fix it.
enum QuarantineReport {
    static func text(file: PendingFile, site: Site, fingerprint: String, failure: DropFailure) -> String {
        """
        podtrack could not use this file, so it was moved here. Nothing of it was applied.

        file:        \(site.relative(file.url))
        source:      \(file.tenant)/\(file.source.definition.name) (\(site.relative(site.pipelines))/\(file.tenant)/sources/\(file.source.definition.name).json)
        size:        \(file.size) bytes
        sha-256:     \(fingerprint)
        problem:     \(failure.message)
        how to fix:  \(failure.hint)

        Once fixed, put the corrected file into the inbox folder again (or fix the definition and
        move this file back into \(site.relative(site.inbox(tenant: file.tenant, source: file.source.definition.name)))).

        """
    }
}
