import Foundation

/// The `podtrack` executable SwiftPM built beside the test bundle, for tests that drive the real binary.
enum PodtrackBinary {
    static let url: URL? = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("podtrack"),
            Bundle.main.bundleURL.appendingPathComponent("podtrack"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("podtrack"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var isBuilt: Bool { url != nil }

    /// Runs `podtrack` with `arguments`; its exit status and combined output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        return try runProcess(url.path, arguments)
    }
}
