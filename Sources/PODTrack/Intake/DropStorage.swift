import Foundation
import Glibc
import PODTrackCore

/// Where settled drops go: the archive (applied and duplicate drops) and quarantine (unusable
/// drops, each with a readable `.error.txt` beside it). Names carry the time and fingerprint, and
/// nothing is ever overwritten.
struct DropStorage {
    let site: Site

    /// The archive path a drop will be moved to.
    func archivePath(for file: PendingFile, fingerprint: String, at time: Int64) -> URL {
        uniquePath(in: site.archive, file: file, fingerprint: fingerprint, at: time)
    }

    /// The quarantine path a drop will be moved to.
    func quarantinePath(for file: PendingFile, fingerprint: String, at time: Int64) -> URL {
        uniquePath(in: site.quarantine, file: file, fingerprint: fingerprint, at: time)
    }

    /// Moves `file` to `destination` (same file system: an atomic rename), creating folders.
    func move(_ file: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard rename(file.path, destination.path) == 0 else {
            throw FileSystemError.cannotMove(site.relative(file), site.relative(destination), String(cString: strerror(errno)))
        }
    }

    /// Writes the quarantine report beside a quarantined drop.
    func writeReport(_ text: String, beside quarantined: URL) throws {
        let report = URL(fileURLWithPath: quarantined.path + ".error.txt")
        try Data(text.utf8).write(to: report, options: .atomic)
    }

    private func uniquePath(in base: URL, file: PendingFile, fingerprint: String, at time: Int64) -> URL {
        let folder = base.appendingPathComponent(file.tenant, isDirectory: true)
            .appendingPathComponent(file.source.definition.name, isDirectory: true)
        let stamp = UTCText.compact(time)
        let stem = "\(file.name)@\(stamp)-\(fingerprint.prefix(12))"
        var candidate = folder.appendingPathComponent(stem)
        var counter = 1
        while FileManager.default.fileExists(atPath: candidate.path) {
            counter += 1
            candidate = folder.appendingPathComponent("\(stem)-\(counter)")
        }
        return candidate
    }
}
