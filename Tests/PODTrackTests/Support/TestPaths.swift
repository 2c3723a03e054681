import Foundation

/// Where the tests find the package, its demo site and `../shared` (the corpus and world generator).
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let bench = shared.appendingPathComponent("bench")

    /// True when `../shared/bench` is beside the checkout (it is in CI and for every engineer).
    static var hasBench: Bool {
        FileManager.default.fileExists(atPath: bench.appendingPathComponent("gen_drops.py").path)
    }
}

/// The demo site that ships in the repository, copied for a test.
enum DemoSite {
    /// Copies the demo's `Pipelines/` and `Outbox/` from the checkout into `root`, and its
    /// `Inbox/` as committed: `swift run podtrack run` in the checkout moves the demo drops to
    /// `State/archive/`, and the tests must not depend on whether somebody ran it. Outside a git
    /// checkout the working tree's `Inbox/` is taken as it is.
    static func copy(_ parts: [String] = ["Pipelines", "Inbox", "Outbox"], into root: URL) throws {
        for part in parts {
            let destination = root.appendingPathComponent(part)
            if part == "Inbox", try copyCommitted(part, into: root) { continue }
            try copyTree(TestPaths.packageRoot.appendingPathComponent(part), into: destination)
        }
    }

    /// Extracts `folder` as committed at HEAD into `root`; false when this is no git checkout.
    private static func copyCommitted(_ folder: String, into root: URL) throws -> Bool {
        guard FileManager.default.fileExists(atPath: TestPaths.packageRoot.appendingPathComponent(".git").path) else { return false }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let result = try runProcess("/bin/sh", ["-c", "git -C \"$1\" archive HEAD \"$2\" | tar -x -C \"$3\"", "sh",
                                                 TestPaths.packageRoot.path, folder, root.path])
        guard result.status == 0 else { throw DemoSiteError(message: "git archive HEAD \(folder) failed: \(result.output)") }
        return true
    }
}

/// Why the demo site could not be copied.
struct DemoSiteError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A fresh temporary folder per test, removed when the test's value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("podtrack-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }
}

/// Runs a program to its end and returns its exit status and output (stdout and stderr together).
@discardableResult
func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Copies the contents of `source` into `destination` (merging folders, as `cp -r src/. dst/`),
/// giving each file the name `renaming` makes of its own.
func copyTree(_ source: URL, into destination: URL, renaming: (String) -> String = { $0 }) throws {
    let manager = FileManager.default
    try manager.createDirectory(at: destination, withIntermediateDirectories: true)
    for name in try manager.contentsOfDirectory(atPath: source.path) {
        let from = source.appendingPathComponent(name)
        let to = destination.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        _ = manager.fileExists(atPath: from.path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            try copyTree(from, into: to, renaming: renaming)
        } else {
            let to = destination.appendingPathComponent(renaming(name))
            if manager.fileExists(atPath: to.path) { try manager.removeItem(at: to) }
            try manager.copyItem(at: from, to: to)
        }
    }
}
