import Glibc

/// Asks the kernel whether any process has a file open for writing, without waiting: a read
/// lease (`F_SETLEASE`) can only be taken on a file nobody has open for writing. This is how a
/// one-shot `run` tells a file still being uploaded from a finished one.
enum WriteProbe {
    /// Linux `fcntl` command numbers that Glibc's Swift overlay does not export.
    private static let setLease: Int32 = 1024

    /// true: someone is writing it; false: nobody is; nil: the kernel cannot say here (no lease
    /// support on this file system, or not permitted): callers fall back to the settle time.
    static func isOpenForWriting(_ path: String) -> Bool? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        if fcntl(descriptor, setLease, Int32(F_RDLCK)) == 0 {
            _ = fcntl(descriptor, setLease, Int32(F_UNLCK))
            return false
        }
        return errno == EAGAIN ? true : nil
    }
}
