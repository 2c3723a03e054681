import Foundation
import Testing
import PODTrackCore
@testable import PODTrack

/// The second-core reader hands over every event and reject in file order, and stops when the
/// applying side gives up.
@Suite struct ReadAheadTests {
    final class Collected: DropOutput {
        var items: [String] = []
        var failAfter = Int.max
        func accept(_ event: StatusEvent) throws {
            guard items.count < failAfter else { throw Refused() }
            items.append("event \(event.line) \(event.discriminator)")
        }
        func reject(_ row: RejectedRow) throws { items.append("reject \(row.line) \(row.field ?? "")") }
    }

    struct Refused: Error {}

    static let definition = """
        {"kind": "print", "files": ["*.log"],
         "format": {"type": "line-log", "pattern": "{time:token} job={job} name={name} state={state:token}"},
         "extract": {"name": "{order}-{line:digits}"},
         "fields": {"order": "order", "line": "line", "status": "state", "time": "time", "job": "job"},
         "time": {"format": "iso8601", "zone": "UTC"},
         "states": {"PRINTED": "printed"}}
        """

    /// A log of `count` lines; every 7th has a bad state, so rejects interleave with events.
    private func writeLog(lines count: Int) throws -> URL {
        var text = ""
        for number in 1...count {
            text += "2026-11-24T10:16:44Z job=\(number) name=A-\(number)-1 state=\(number % 7 == 0 ? "SMUDGED" : "PRINTED")\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("read-ahead-\(UUID().uuidString).log")
        try Data(text.utf8).write(to: url)
        return url
    }

    private func source() throws -> CompiledSource {
        let definition = try SourceDefinition.parse(tenant: "acme", name: "rip", file: "rip.json", data: Data(Self.definition.utf8))
        return try CompiledSource(definition, file: "rip.json")
    }

    @Test(arguments: [1, 1023, 1024, 1025, 10_000])
    func everyItemArrivesInFileOrder(lines: Int) throws {
        let log = try writeLog(lines: lines)
        defer { try? FileManager.default.removeItem(at: log) }
        let direct = Collected()
        let directCounts = try DropFileReader.read(path: log.path, source: source(), into: direct)
        let ahead = Collected()
        let aheadCounts = try ReadAhead.read(path: log.path, source: source(), resume: nil, previous: nil, into: ahead)
        #expect(ahead.items == direct.items)
        #expect(aheadCounts == directCounts)
        #expect(ahead.items.count == lines)
    }

    @Test func aFailureWhileApplyingStopsTheReader() throws {
        let log = try writeLog(lines: 50_000)
        defer { try? FileManager.default.removeItem(at: log) }
        let output = Collected()
        output.failAfter = 3000
        #expect(throws: Refused.self) { try ReadAhead.read(path: log.path, source: source(), resume: nil, previous: nil, into: output) }
        #expect(output.items.count <= 3000 + 3000 / 6 + 1)
        #expect(try !openFiles().contains(log.path), "the reader has let go of the file by the time read returns")
    }

    /// The paths this process holds open.
    private func openFiles() throws -> Set<String> {
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
        return Set(descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") })
    }

    @Test func aFileTheReaderRefusesFailsTheRead() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("read-ahead-missing-\(UUID().uuidString).log")
        #expect(throws: (any Error).self) { try ReadAhead.read(path: missing.path, source: source(), resume: nil, previous: nil, into: Collected()) }
    }
}
