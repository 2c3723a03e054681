import Foundation
import Glibc

/// One writer per site: an exclusive `flock` on `State/podtrack.lock`, held while the process
/// runs and released by the kernel when it exits, even after `kill -9`.
final class SiteLock {
    private let descriptor: Int32

    /// Takes the lock; with `wait` false, throws `SiteBusy` at once when another podtrack holds it.
    init(site: Site, wait: Bool) throws {
        try FileManager.default.createDirectory(at: site.state, withIntermediateDirectories: true)
        let path = site.state.appendingPathComponent("podtrack.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemError.cannotWrite(path, String(cString: strerror(errno))) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(descriptor)
                throw FileSystemError.cannotWrite(path, String(cString: strerror(errno)))
            }
            guard wait else {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                close(descriptor)
                throw SiteBusy(site: site.root.path, holder: holder ?? "")
            }
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        ftruncate(descriptor, 0)
        let note = "pid \(getpid())\n"
        _ = note.withCString { write(descriptor, $0, strlen($0)) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Another podtrack process is working on the site.
public struct SiteBusy: Error, CustomStringConvertible {
    public let site: String
    public let holder: String

    public var description: String {
        "another podtrack (\(holder.isEmpty ? "unknown pid" : holder)) is working on \(site); "
            + "nothing was done. Use --wait to wait for it."
    }
}
