import Foundation
import Glibc
import PODTrackCore

/// A file waiting in a source's inbox folder.
public struct PendingFile: Sendable {
    public var tenant: String
    public var source: CompiledSource
    public var url: URL
    public var name: String { url.lastPathComponent }
    public var size: Int
    public var modified: Int64
}

/// What a scan found: files to take, and names it leaves alone with a reason.
public struct InboxScan: Sendable {
    public var pending: [PendingFile] = []
    /// Files no definition takes (name does not match, not a regular file), with why.
    public var skipped: [(path: String, reason: String)] = []
}

/// Lists what is waiting in `Inbox/<tenant>/<source>/`, oldest first within a source.
/// Dot files and names writers use while writing are never taken; only regular files are.
public struct InboxScanner {
    /// Suffixes of files still being written.
    static let partialSuffixes = [".tmp", ".part", ".filepart", ".partial", ".crdownload"]

    let site: Site
    let definitions: SiteDefinitions

    public func scan() -> InboxScan {
        var scan = InboxScan()
        for tenant in definitions.tenants {
            for source in tenant.sources {
                let folder = site.inbox(tenant: tenant.name, source: source.definition.name)
                var files: [PendingFile] = []
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                    if name.hasPrefix(".") || Self.partialSuffixes.contains(where: name.hasSuffix) { continue }
                    let url = folder.appendingPathComponent(name)
                    var info = stat()
                    guard lstat(url.path, &info) == 0 else {
                        scan.skipped.append((site.relative(url), "cannot be examined: \(String(cString: strerror(errno)))"))
                        continue
                    }
                    guard info.st_mode & S_IFMT == S_IFREG else {
                        if info.st_mode & S_IFMT != S_IFDIR {
                            scan.skipped.append((site.relative(url), "not a regular file (symbolic link, FIFO or device): never read"))
                        }
                        continue
                    }
                    guard source.matches(fileName: name) else {
                        scan.skipped.append((site.relative(url), "name matches none of \(source.definition.files.joined(separator: ", ")) of \(tenant.name)/\(source.definition.name)"))
                        continue
                    }
                    let modified = Int64(info.st_mtim.tv_sec) * 1000 + Int64(info.st_mtim.tv_nsec) / 1_000_000
                    files.append(PendingFile(tenant: tenant.name, source: source, url: url, size: Int(info.st_size), modified: modified))
                }
                scan.pending += files.sorted { ($0.modified, $0.name) < ($1.modified, $1.name) }
            }
        }
        return scan
    }
}
