import Foundation
import Glibc
import PODTrackCore
import PODTrackLedger

/// A complete file in a source's inbox folder, ready to be taken.
public struct PendingFile: Sendable {
    public var tenant: String
    public var source: CompiledSource
    public var url: URL
    public var name: String { url.lastPathComponent }
    public var size: Int
    public var identity: FileIdentity
    /// The marker file that announced it (removed with it), in marker mode.
    public var marker: URL?
    /// Set when the file must be refused whole (too large, unreadable): it goes to quarantine.
    public var refusal: DropFailure?
}

/// What a scan found.
public struct InboxScan: Sendable {
    public var pending: [PendingFile] = []
    /// Files not complete yet (being written, settling, waiting for a marker): left for a later pass.
    public var waiting: [(path: String, reason: String, retryAfter: Double?)] = []
    /// Entries no definition takes (name does not match, not a regular file), with why.
    public var skipped: [InboxNotice] = []
}

/// Lists what is waiting in `Inbox/<tenant>/<source>/`, oldest first within a source, and tells
/// complete files from files still being written. Dot files and names writers use while writing
/// are never taken; only regular files are (symbolic links, FIFOs and devices are never opened).
struct InboxScanner {
    /// Suffixes of files still being written.
    static let partialSuffixes = [".tmp", ".part", ".filepart", ".partial", ".crdownload"]

    let site: Site
    let definitions: SiteDefinitions
    /// Settle time for sources that do not set one.
    let defaultSettleSeconds: Double
    let now: Int64

    func scan() -> InboxScan {
        var scan = InboxScan()
        for tenant in definitions.tenants {
            for source in tenant.sources {
                scanFolder(tenant: tenant.name, source: source, into: &scan)
            }
        }
        return scan
    }

    private func scanFolder(tenant: String, source: CompiledSource, into scan: inout InboxScan) {
        let folder = site.inbox(tenant: tenant, source: source.definition.name)
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        let marker = source.definition.intake.marker
        var files: [PendingFile] = []
        for name in names.sorted() {
            if name.hasPrefix(".") || Self.partialSuffixes.contains(where: name.hasSuffix) { continue }
            if let marker, name.hasSuffix(marker), names.contains(String(name.dropLast(marker.count))) { continue }
            let url = folder.appendingPathComponent(name)
            guard let identity = FileIdentity(path: url.path) else {
                scan.skipped.append(InboxNotice(path: site.relative(url), reason: "cannot be examined: \(String(cString: strerror(errno)))"))
                continue
            }
            guard identity.isRegularFile else {
                if !identity.isDirectory {
                    scan.skipped.append(InboxNotice(path: site.relative(url), reason: "not a regular file (symbolic link, FIFO or device): never read"))
                }
                continue
            }
            guard source.matches(fileName: name) else {
                if !(marker.map(name.hasSuffix) ?? false) {
                    scan.skipped.append(InboxNotice(path: site.relative(url), reason: "name matches none of \(source.definition.files.joined(separator: ", ")) of \(tenant)/\(source.definition.name)"))
                }
                continue
            }
            var file = PendingFile(tenant: tenant, source: source, url: url, size: identity.size, identity: identity)
            if let marker {
                guard names.contains(name + marker) else {
                    scan.waiting.append((site.relative(url), "waiting for its marker \(name + marker)", nil))
                    continue
                }
                file.marker = folder.appendingPathComponent(name + marker)
            }
            if let reason = notComplete(file, settle: source.definition.intake.settleSeconds ?? defaultSettleSeconds) {
                scan.waiting.append((site.relative(url), reason.text, reason.retryAfter))
                continue
            }
            if identity.size > source.definition.intake.maxBytes {
                file.refusal = DropFailure("the file has \(identity.size) bytes, over the source's limit of \(source.definition.intake.maxBytes) bytes",
                                           hint: "raise intake.max_megabytes in the source definition if files this large are expected, then `podtrack retry`")
            } else if access(url.path, R_OK) != 0 {
                file.refusal = DropFailure("the file cannot be read: \(String(cString: strerror(errno)))",
                                           hint: "give podtrack's user read permission, then `podtrack retry`")
            }
            files.append(file)
        }
        scan.pending += files.sorted { ($0.identity.modified, $0.name) < ($1.identity.modified, $1.name) }
    }

    /// Why `file` is not complete yet, and when to look again; nil when it is complete.
    private func notComplete(_ file: PendingFile, settle: Double) -> (text: String, retryAfter: Double?)? {
        if WriteProbe.isOpenForWriting(file.url.path) == true {
            return ("still open for writing", max(settle, 1))
        }
        let age = Double(now - file.identity.modified) / 1000
        if settle > 0, age < settle {
            return ("settling: changed \(String(format: "%.1f", max(age, 0))) s ago, waits \(settle) s", settle - age)
        }
        return nil
    }
}

/// What identifies a file's content without reading it: type, size, modification and change time.
/// A file whose identity differs after it was read changed while being read.
public struct FileIdentity: Sendable, Equatable {
    public var isRegularFile: Bool
    public var isDirectory: Bool
    public var size: Int
    /// Modification time, epoch milliseconds.
    public var modified: Int64
    var modifiedNanoseconds: Int64
    var changedNanoseconds: Int64

    /// The identity of the entry at `path` itself (a symbolic link is not followed); nil if it cannot be examined.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        isRegularFile = info.st_mode & S_IFMT == S_IFREG
        isDirectory = info.st_mode & S_IFMT == S_IFDIR
        size = Int(info.st_size)
        modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changedNanoseconds = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        modified = modifiedNanoseconds / 1_000_000
    }
}
