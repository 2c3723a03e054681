import Foundation
import PODTrackCore
import PODTrackLedger

/// How one drop ended.
public enum DropOutcome: Sendable {
    case applied(DropResult)
    /// The same bytes were applied before (under `originalName`).
    case duplicate(originalName: String)
    /// Applied by a pass that was interrupted before it moved the file: only the move was left to do.
    case resumed
    /// The whole file was unusable: it sits in quarantine with the report.
    case quarantined(reason: String)
    /// Left in the inbox for the next pass (it changed while being read).
    case deferred(reason: String)
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
    /// The earlier drop this file began with, byte for byte: only what followed it was read.
    public var resumedFrom: ResumePoint?
}

/// Takes one file from the inbox into the ledger: fingerprint, dedupe, stream-parse and apply in
/// one transaction (a savepoint of the engine's batch), and say where it goes: to the archive, or
/// to quarantine when it cannot be used at all. The move (`settle`) follows the commit.
///
/// Cumulative files (a log copied every hour, a tracking file re-exported through the day) are
/// read on from where an earlier drop of the source ended when their first bytes are that drop's
/// bytes (checked by its SHA-256, never assumed), so their cost follows the new bytes.
///
/// Crash safety: the ledger commit comes first and records where the file goes; the move follows.
/// A file found again after a crash between the two is recognised by its bytes and only moved.
/// A crash before the commit leaves the file in the inbox and nothing of it in the ledger.
struct DropIngestor {
    static let rejectSamples = 5
    /// How many earlier drops of the source are tried as the start of a cumulative file.
    static let resumeCandidates = 8

    let site: Site
    let ledger: Ledger
    let now: () -> Int64
    /// Hashes the next file while this one is applied (`prefetch`).
    let fingerprints = FingerprintAhead()

    private var storage: DropStorage { DropStorage(site: site) }

    /// Takes `file`; `next`, the file after it, is hashed meanwhile on another thread.
    func ingest(_ file: PendingFile, next: PendingFile? = nil) throws -> TakenDrop {
        let definition = file.source.definition
        var report = DropReport(tenant: file.tenant, source: definition.name, name: file.name, size: file.size,
                                outcome: .deferred(reason: ""), sampleRejects: [])
        if let refusal = file.refusal {
            let (outcome, settlement) = try quarantine(file, fingerprint: "not read", failure: refusal)
            report.outcome = outcome
            return (report, settlement)
        }
        let candidates = try resumeCandidates(for: file)
        let taken = try fingerprints.fingerprint(path: file.url.path, prefixSizes: candidates.map(\.size))
        if let next { try prefetch(next, after: file) }
        let (fingerprint, size) = (taken.hex, taken.size)
        let resume = candidates.first { taken.prefixes[$0.size] == $0.fingerprint }
        report.size = size
        let claim = DropClaim(tenant: file.tenant, source: definition.name, name: file.name,
                              fingerprint: fingerprint, size: size, receivedAt: now())
        if let original = try ledger.appliedDrop(tenant: file.tenant, source: definition.name, fingerprint: fingerprint) {
            let interruptedMove = original.name == file.name && !FileManager.default.fileExists(atPath: site.root.appendingPathComponent(original.storedAs).path)
            if interruptedMove {
                report.outcome = .resumed
                return (report, DropSettlement(file: file, destination: site.root.appendingPathComponent(original.storedAs)))
            }
            let archived = storage.archivePath(for: file, fingerprint: fingerprint, at: claim.receivedAt)
            try ledger.recordDuplicate(claim, of: original.id, storedAs: site.relative(archived))
            report.outcome = .duplicate(originalName: original.name)
            return (report, DropSettlement(file: file, destination: archived))
        }
        let archived = storage.archivePath(for: file, fingerprint: fingerprint, at: claim.receivedAt)
        let previous = file.source.remembersRecords ? try ledger.recordMemory(tenant: file.tenant, source: definition.name) : nil
        do {
            let result = try ledger.applyDrop(claim, sourceKind: definition.kind, storedAs: site.relative(archived),
                                              resumedFrom: resume) { applier in
                let sink = SamplingOutput(applier: applier, limit: Self.rejectSamples)
                let counts = try ReadAhead.read(path: file.url.path, source: file.source, resume: resume, previous: previous, into: sink)
                guard FileIdentity(path: file.url.path) == file.identity else { throw FileChangedWhileRead() }
                report.sampleRejects = sink.samples
                return counts
            }
            report.outcome = .applied(result)
            report.resumedFrom = resume
            return (report, DropSettlement(file: file, destination: archived))
        } catch let failure as DropFailure {
            report.sampleRejects = []
            let (outcome, settlement) = try quarantine(file, fingerprint: fingerprint, failure: failure)
            report.outcome = outcome
            return (report, settlement)
        } catch is FileChangedWhileRead {
            report.sampleRejects = []
            report.outcome = .deferred(reason: "it changed while being read; nothing was applied, the next pass takes it")
            return (report, nil)
        }
    }

    /// Starts hashing `next` while `current` is ingested, with the prefixes its resume
    /// candidates will have then: the ledger's now, and `current` if it is of the same source.
    private func prefetch(_ next: PendingFile, after current: PendingFile) throws {
        guard next.refusal == nil else { return }
        var sizes = Set(try resumeCandidates(for: next).map(\.size))
        if current.tenant == next.tenant, current.source.definition.name == next.source.definition.name, current.size < next.size {
            sizes.insert(current.size)
        }
        fingerprints.prefetch(path: next.url.path, prefixSizes: sizes)
    }

    /// Earlier drops of the file's source that it may continue (`Ledger.resumePoints`).
    private func resumeCandidates(for file: PendingFile) throws -> [ResumePoint] {
        guard DropFileReader.canResume(file.source) else { return [] }
        return try ledger.resumePoints(tenant: file.tenant, source: file.source.definition.name, smallerThan: file.size,
                                       limit: Self.resumeCandidates)
    }

    private func quarantine(_ file: PendingFile, fingerprint: String, failure: DropFailure) throws -> (DropOutcome, DropSettlement) {
        let time = now()
        let claim = DropClaim(tenant: file.tenant, source: file.source.definition.name, name: file.name,
                              fingerprint: fingerprint, size: file.size, receivedAt: time)
        let quarantined = storage.quarantinePath(for: file, fingerprint: fingerprint, at: time)
        try ledger.recordQuarantine(claim, error: "\(site.relative(file.url)): \(failure.message)", storedAs: site.relative(quarantined))
        let report = QuarantineReport.text(file: file, site: site, fingerprint: fingerprint, failure: failure)
        return (.quarantined(reason: failure.message), DropSettlement(file: file, destination: quarantined, quarantineReport: report))
    }

    /// Moves the file to its place once the ledger has committed what it recorded of it; its
    /// marker file, if any, goes away with it, and a quarantined file gets its report beside it.
    func settle(_ settlement: DropSettlement) throws {
        try storage.move(settlement.file.url, to: settlement.destination)
        if let marker = settlement.file.marker { try? FileManager.default.removeItem(at: marker) }
        if let report = settlement.quarantineReport { try storage.writeReport(report, beside: settlement.destination) }
    }
}

/// What happened to a file the ingestor took, and where the file goes after the commit (nil: it
/// stays in the inbox).
typealias TakenDrop = (report: DropReport, settlement: DropSettlement?)

/// Where a taken file goes once the ledger has committed what it recorded of it.
struct DropSettlement {
    var file: PendingFile
    var destination: URL
    /// The report written beside a quarantined file.
    var quarantineReport: String?
}

/// The file's size or times changed between the scan and the end of reading it.
private struct FileChangedWhileRead: Error {}

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

    func remember(_ digest: RecordDigest) throws { try applier.remember(digest) }

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

        Once the cause is fixed (the definition, or the file itself), `podtrack retry` puts this
        file back into \(site.relative(site.inbox(tenant: file.tenant, source: file.source.definition.name)))/ for the next pass.

        """
    }
}
