import Foundation
import PODTrackLedger

/// A quarantined drop put back into its inbox folder.
public struct RetriedDrop: Sendable {
    public var id: Int64
    public var from: String
    public var to: String
}

extension Engine {
    /// Quarantined drops waiting for a retry.
    public func quarantined() throws -> [DropRecord] { try ledger.quarantinedDrops() }

    /// Puts quarantined drops (`ids`, or all when nil) back into their inbox folders for the next
    /// pass, after a definition or the file was fixed; their error reports are removed.
    public func retry(ids: [Int64]?) throws -> [RetriedDrop] {
        let storage = DropStorage(site: site)
        var retried: [RetriedDrop] = []
        let quarantined = try ledger.quarantinedDrops()
        if let ids {
            let unknown = Set(ids).subtracting(quarantined.map(\.id))
            guard unknown.isEmpty else { throw MaintenanceError.notQuarantined(unknown.sorted()) }
        }
        for drop in quarantined where ids?.contains(drop.id) ?? true {
            guard let storedAs = drop.storedAs else { continue }
            let file = site.root.appendingPathComponent(storedAs)
            let inbox = site.inbox(tenant: drop.tenant, source: drop.source)
            var destination = inbox.appendingPathComponent(drop.name)
            var counter = 1
            while FileManager.default.fileExists(atPath: destination.path) {
                counter += 1
                destination = inbox.appendingPathComponent("retry\(counter)-\(drop.name)")
            }
            guard FileManager.default.fileExists(atPath: file.path) else { throw MaintenanceError.missing(storedAs) }
            try storage.move(file, to: destination)
            try? FileManager.default.removeItem(atPath: file.path + ".error.txt")
            try ledger.markRetried(drop.id, at: now())
            retried.append(RetriedDrop(id: drop.id, from: storedAs, to: site.relative(destination)))
        }
        return retried
    }

    /// Deletes archived drop files received more than `days` ago; the ledger keeps their records,
    /// events and rejects. Returns how many files and bytes went.
    public func pruneArchive(olderThanDays days: Double) throws -> (files: Int, bytes: Int) {
        let cutoff = now() - Int64(days * 86_400_000)
        var files = 0, bytes = 0
        for drop in try ledger.archivedDrops(receivedBefore: cutoff) {
            guard let storedAs = drop.storedAs else { continue }
            let path = site.root.appendingPathComponent(storedAs).path
            if let identity = FileIdentity(path: path), identity.isRegularFile {
                try FileManager.default.removeItem(atPath: path)
                files += 1
                bytes += identity.size
            }
            try ledger.markPruned(drop.id)
        }
        return (files, bytes)
    }
}

/// Why a maintenance command refused.
public enum MaintenanceError: Error, CustomStringConvertible {
    case notQuarantined([Int64])
    case missing(String)

    public var description: String {
        switch self {
        case .notQuarantined(let ids):
            "no quarantined drop waiting with id \(ids.map(String.init).joined(separator: ", ")) (`podtrack retry --list` shows them)"
        case .missing(let path):
            "the quarantined file \(path) is gone; nothing to retry"
        }
    }
}
