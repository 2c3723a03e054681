import Foundation
import Testing

/// The shared third-party corpus, read in place (never copied into the project).
enum Corpus {
    /// `<package root>/../shared/corpus`, found from this file's location.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // PODTrackCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/corpus")

    /// Whether the corpus is present; corpus suites are skipped otherwise.
    static let isAvailable = FileManager.default.fileExists(atPath: root.path)

    /// Why corpus suites are skipped when it is missing.
    static let missingMessage: Comment = "corpus not found at \(root.path) — corpus tests skipped"

    /// The bytes of `relativePath` under the corpus root.
    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    /// Sorted names of the files in `directory` whose names end with `suffix`; empty when absent.
    static func fileNames(in directory: String, suffix: String) -> [String] {
        let path = root.appendingPathComponent(directory).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }
}
