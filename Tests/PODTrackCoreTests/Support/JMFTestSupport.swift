import Foundation
@testable import PODTrackCore

/// What one run of `JMFJobStatusReader` gave: everything it emitted, and the failure that stopped it.
struct JMFRun: Equatable {
    var outputs: [StructuredOutput] = []
    var failure: DropFailure?

    var records: [StructuredRecord] {
        outputs.compactMap { if case .record(let record) = $0 { record } else { nil } }
    }

    var noise: Int {
        outputs.reduce(0) { total, output in
            if case .noise(let count) = output { total + count } else { total }
        }
    }

    /// Reads `input` fed in chunks of `chunkSize` bytes (the whole input at once when nil).
    static func reading(_ input: [UInt8], chunkSize: Int? = nil) -> JMFRun {
        var run = JMFRun()
        var reader = JMFJobStatusReader()
        let collect = { (output: StructuredOutput) in run.outputs.append(output) }
        do {
            try input.withUnsafeBufferPointer { bytes in
                let step = max(chunkSize ?? bytes.count, 1)
                for start in stride(from: 0, to: bytes.count, by: step) {
                    try reader.feed(UnsafeBufferPointer(rebasing: bytes[start..<min(start + step, bytes.count)]), collect)
                }
            }
            try reader.finish(collect)
        } catch let failure as DropFailure {
            run.failure = failure
        } catch {
            run.failure = DropFailure("unexpected error: \(error)", hint: "")
        }
        return run
    }

    /// Reads a document written inline in a test.
    static func reading(_ text: String) -> JMFRun {
        reading(Array(text.utf8))
    }
}

extension StructuredRecord {
    /// The value of the field named `name` (one of `JMFJobStatusReader.fieldNames`).
    subscript(field name: String) -> String? {
        JMFJobStatusReader.fieldNames.firstIndex(of: name).map { values[$0] }
    }
}

/// The chunk sizes a document of `count` bytes is fed in: every size up to 4 KB, a spread beyond.
func jmfChunkSizes(forByteCount count: Int) -> [Int] {
    count <= 4096 ? Array(1...max(count, 1)) : [1, 2, 3, 7, 64, 4096, count]
}

/// The third-party CIP4 files in `../shared/corpus`, read in place (never copied into the package).
enum JMFCorpus {
    static let root = Corpus.root

    static let folders = ["cip4-alces", "cip4-elk", "cip4-jdflibj"]
    static let extensions: Set<String> = ["jmf", "xjmf", "xml", "jdf", "mjm"]

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("cip4-elk").path)
    }

    /// Every JMF-like file under the CIP4 folders, as paths relative to the corpus root, sorted.
    static func files() -> [String] {
        folders.flatMap { folder -> [String] in
            let base = root.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(atPath: base.path)
            return (walker?.allObjects as? [String] ?? [])
                .filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
                .map { "\(folder)/\($0)" }
        }.sorted()
    }

    static func bytes(_ relativePath: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: root.appendingPathComponent(relativePath).path) ?? Data())
    }

    static func reading(_ relativePath: String) -> JMFRun {
        JMFRun.reading(bytes(relativePath))
    }
}
