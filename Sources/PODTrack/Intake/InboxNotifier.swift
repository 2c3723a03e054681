import Foundation
import Glibc

/// Linux inotify over the inbox tree: wakes the watch loop when a file is closed after writing or
/// moved in, and when tenant or source folders appear. It only shortens the wait: every pass
/// scans the folders in full, so a missed or overflowed event costs latency, never a drop.
final class InboxNotifier {
    private let descriptor: Int32
    private var watched: Set<String> = []
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB)

    init() throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw FileSystemError.cannotWatch(String(cString: strerror(errno))) }
    }

    deinit { close(descriptor) }

    /// Watches `folders` (the inbox, its tenant and source folders) that are not watched yet.
    func watch(_ folders: [URL]) {
        for folder in folders where !watched.contains(folder.path) {
            if inotify_add_watch(descriptor, folder.path, Self.mask) >= 0 { watched.insert(folder.path) }
        }
    }

    /// Waits up to `seconds` for something to happen; true when there was an event. Drains the
    /// queue, then lets a burst of events settle for `quiet` seconds so one pass takes them all.
    func wait(seconds: Double, quiet: Double = 0.2) -> Bool {
        guard poll(timeout: seconds) else { return false }
        repeat { drain() } while poll(timeout: quiet)
        return true
    }

    private func poll(timeout seconds: Double) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(seconds, 3600)) * 1000)
        return Glibc.poll(&entry, 1, milliseconds) > 0
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }
}
