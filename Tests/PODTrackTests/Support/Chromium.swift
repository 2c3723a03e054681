import Foundation

/// Headless Chromium (Debian's `chromium` package), for tests that look at the HTML report the way
/// a browser shows it. Every run gets its own profile folder (tests run in parallel) and is killed
/// after two minutes, so a stuck browser fails the test instead of hanging it.
enum Chromium {
    /// `chromium` on the PATH, if there is one.
    static let path: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":")
        .map { "\($0)/chromium" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Screenshots `page` at 1280×2000 into `png`; the browser's exit status and log.
    static func screenshot(_ page: URL, to png: URL, profile: URL) throws -> (status: Int32, output: String) {
        try run(page, ["--screenshot=\(png.path)", "--window-size=1280,2000", "--hide-scrollbars"], profile: profile)
    }

    /// The DOM after `page` loaded, serialized (on standard output, mixed with the log).
    static func dumpDOM(_ page: URL, profile: URL) throws -> (status: Int32, output: String) {
        try run(page, ["--dump-dom"], profile: profile)
    }

    /// Runs headless with the log on standard error: the page's console messages show there as
    /// `CONSOLE` lines (console.error, uncaught exceptions, Content-Security-Policy violations).
    private static func run(_ page: URL, _ arguments: [String], profile: URL) throws -> (status: Int32, output: String) {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        return try runProcess("/usr/bin/env", ["timeout", "120", path, "--headless", "--no-sandbox", "--disable-gpu",
                                               "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=\(profile.path)",
                                               "--enable-logging=stderr", "--v=0"] + arguments + [page.absoluteString])
    }
}
