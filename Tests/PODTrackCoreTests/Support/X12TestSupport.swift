import Foundation
import Testing
@testable import PODTrackCore

/// Everything an `X12ShipmentStatusReader` produced for one input: its outputs in order and the
/// `DropFailure` that ended the input, if any.
struct X12ReadResult: Equatable {
    var outputs: [StructuredOutput] = []
    var failure: DropFailure?

    var records: [StructuredRecord] {
        outputs.compactMap { output in
            if case .record(let record) = output { record } else { nil }
        }
    }

    var problems: [StructuredProblem] {
        outputs.compactMap { output in
            if case .problem(let problem) = output { problem } else { nil }
        }
    }

    var noise: Int {
        outputs.reduce(0) { total, output in
            if case .noise(let count) = output { total + count } else { total }
        }
    }

    /// `record`, `problem` or `noise` for each output, for checking their order.
    var kinds: [String] {
        outputs.map { output in
            switch output {
            case .record: "record"
            case .problem: "problem"
            case .noise: "noise"
            }
        }
    }

    /// The value of the field named `name` in every record, in order.
    func column(_ name: String) -> [String] {
        guard let index = X12ShipmentStatusReader.fieldNames.firstIndex(of: name) else {
            Issue.record("no X12 field named \(name)")
            return []
        }
        return records.map { $0.values[index] }
    }
}

/// Reads `input` with a fresh reader, fed in chunks of `chunkSize` bytes; each chunk is a fresh
/// copy, so a reader that kept a pointer into an earlier chunk would read garbage.
func readX12(_ input: [UInt8], chunkSize: Int) -> X12ReadResult {
    var reader = X12ShipmentStatusReader()
    var result = X12ReadResult()
    let collect = { (output: StructuredOutput) in result.outputs.append(output) }
    do {
        var offset = 0
        while offset < input.count {
            let end = min(offset + max(chunkSize, 1), input.count)
            try Array(input[offset..<end]).withUnsafeBufferPointer { chunk in try reader.feed(chunk, collect) }
            offset = end
        }
        try reader.finish(collect)
    } catch let failure as DropFailure {
        result.failure = failure
    } catch {
        Issue.record("unexpected error \(error)")
    }
    return result
}

/// Reads `input` in one chunk.
func readX12(_ input: [UInt8]) -> X12ReadResult {
    readX12(input, chunkSize: input.count)
}

/// The separators of every interchange in `input`, in order, as the tokenizer found them: element,
/// repetition (`-` when none), component and terminator, separated by spaces (`* ^ : ~`).
func x12Separators(of input: [UInt8]) throws -> [String] {
    var tokenizer = X12SegmentTokenizer()
    var found: [String] = []
    var position = 0
    try input.withUnsafeBufferPointer { buffer in
        while try tokenizer.nextSegment(in: buffer, from: &position) {
            if tokenizer.segment.identifier == "ISA", let separators = tokenizer.separators {
                found.append(describe(separators))
            }
        }
    }
    return found
}

private func describe(_ separators: X12Separators) -> String {
    let character = { (byte: UInt8?) in byte.map { String(UnicodeScalar($0)) } ?? "-" }
    return [character(separators.element), character(separators.repetition), character(separators.component),
            String(decoding: separators.terminator, as: UTF8.self)].joined(separator: " ")
}

/// A fixed-width ISA segment (without its terminator), 105 characters as the standard lays it out.
func x12InterchangeHeader(
    sender: String = "SENDER", controlNumber: String = "000000001", version: String = "00401",
    element: String = "*", repetition: String = "U", component: String = ">"
) -> String {
    let padded = { (text: String, width: Int) in text.padding(toLength: width, withPad: " ", startingAt: 0) }
    return ["ISA", "00", padded("", 10), "00", padded("", 10), "ZZ", padded(sender, 15), "ZZ", padded("RECEIVER", 15),
            "200910", "1930", repetition, version, controlNumber, "0", "P", component].joined(separator: element)
}

/// `segments` each followed by `terminator`, as UTF-8 bytes.
func x12Bytes(_ segments: [String], terminator: String = "~\n") -> [UInt8] {
    Array(segments.map { $0 + terminator }.joined().utf8)
}

/// The X12 corpora in the shared third-party corpus (`../shared/corpus` beside the package).
enum X12Corpus {
    static let directory = Corpus.root

    /// True when the corpus is checked out next to the package.
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("x12-staedi").path)
    }

    /// The bytes of the corpus file at `relativePath` (e.g. `x12-staedi/empty997.edi`).
    static func bytes(_ relativePath: String) throws -> [UInt8] {
        try Corpus.bytes(relativePath)
    }

    /// Every data file under the X12 corpora (READMEs and licenses left out), relative paths sorted.
    static func dataFiles() -> [String] {
        ["x12-omniparser", "x12-staedi"].flatMap { folder -> [String] in
            let root = directory.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            let files = (walker?.allObjects as? [URL]) ?? []
            return files.filter { url in
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                    && !["README.md", "LICENSE"].contains(url.lastPathComponent)
                    && !url.path.contains("/snapshots/")
            }.map { folder + String($0.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count)) }
        }.sorted()
    }
}
