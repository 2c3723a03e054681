import Foundation
import Glibc

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
        let stamp = Self.stamp(time)
        let stem = "\(file.name)@\(stamp)-\(fingerprint.prefix(12))"
        var candidate = folder.appendingPathComponent(stem)
        var counter = 1
        while FileManager.default.fileExists(atPath: candidate.path) {
            counter += 1
            candidate = folder.appendingPathComponent("\(stem)-\(counter)")
        }
        return candidate
    }

    /// `20261124T101644Z` for an instant in epoch ms.
    static func stamp(_ time: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(time) / 1000)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))\(pad(parts.month, 2))\(pad(parts.day, 2))T\(pad(parts.hour, 2))\(pad(parts.minute, 2))\(pad(parts.second, 2))Z"
    }
}
