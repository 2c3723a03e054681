import Foundation
import Testing
@testable import PODTrackCore

/// A line-log source read end to end through `DropReader`: noise, events, rejected rows.
@Suite struct LineLogReadingTests {
    final class Collected: DropOutput {
        var events: [StatusEvent] = []
        var rejects: [RejectedRow] = []
        func accept(_ event: StatusEvent) throws { events.append(event) }
        func reject(_ row: RejectedRow) throws { rejects.append(row) }
    }

    static let definition = """
        {"kind": "print", "files": ["*.log"],
         "format": {"type": "line-log", "pattern": "{time:token} [{device}] job={job} name=\\"{name}\\" state={state:token} copies={copies}"},
         "extract": {"name": "{order}-{line:digits}_{_}"},
         "fields": {"order": "order", "line": "line", "status": "state", "time": "time", "job": "job"},
         "time": {"format": "iso8601", "zone": "Europe/Berlin"},
         "states": {"RECEIVED": "queued", "PRINTING": "printing", "PRINTED": "printed", "FAILED": "print_failed", "CANCELLED": null}}
        """

    static let log = """
        # rip log opened 2026-11-24
        2026-11-24T10:16:44.120+01:00 [Atlas-01] job=88412 name="A-100023-1_front.pdf" state=PRINTED copies=1/1
        2026-11-24T10:16:44.120+01:00 [Atlas-01] INFO head cleaning cycle 3/4
        2026-11-24T10:17:00.000+01:00 [Atlas-01] job=88413 name="A-100023-2_back_reprint1.pdf" state=RECEIVED copies=1/1
        2026-11-24T10:18:00.000+01:00 [Atlas-01] job=88414 name="A-100023-2_back.pdf" state=CANCELLED copies=1/1
        2026-13-24T10:19:00.000+01:00 [Atlas-01] job=88415 name="A-100024-1_front.pdf" state=PRINTED copies=1/1
        2026-11-24T10:20:00.000+01:00 [Atlas-01] job=88416 name="A-100024-1_front.pdf" state=SMUDGED copies=1/1
        2026-11-24T10:21:00.000+01:00 [Atlas-01] job=88417 name="front-sheet.pdf" state=PRINTED copies=1/1
        """

    private func read(_ text: String, chunkSize: Int) throws -> (Collected, DropCounts) {
        let definition = try SourceDefinition.parse(tenant: "acme", name: "rip", file: "rip.json", data: Data(Self.definition.utf8))
        let source = try CompiledSource(definition, file: "rip.json")
        var reader = source.makeReader()
        let output = Collected()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunkSize, bytes.count)
            try bytes[start..<end].withUnsafeBytes { try reader.feed($0, into: output) }
            start = end
        }
        return (output, try reader.finish(into: output))
    }

    @Test func eventsNoiseAndRejectsAreToldApart() throws {
        let (output, counts) = try read(Self.log, chunkSize: 4096)
        #expect(output.events.map(\.subject) == [.line(order: "A-100023", line: 1), .line(order: "A-100023", line: 2)])
        #expect(output.events.map(\.state) == [.printed, .queued])
        #expect(output.events.first?.occurredAt == 1_795_511_804_120)  // 2026-11-24T09:16:44.120Z
        #expect(output.events.first?.discriminator == "88412")
        #expect(output.events.first?.line == 2)
        #expect(counts.noise == 2)
        #expect(counts.ignored == 1)
        #expect(output.rejects.map(\.line) == [6, 7, 8])
        #expect(output.rejects.map(\.field) == ["time", "state", "name"])
        #expect(output.rejects[0].reason.contains("'2026-13-24T10:19:00.000+01:00' is not a time of the form iso8601"))
        #expect(output.rejects[1].reason.hasPrefix("unknown status word 'SMUDGED'"))
        #expect(output.rejects[2].reason == "'front-sheet.pdf' does not match the pattern {order}-{line:digits}_{_}")
        #expect(output.rejects[2].rawText.hasPrefix("2026-11-24T10:21:00.000+01:00 [Atlas-01] job=88417"))
    }

    @Test func everyChunkSizeGivesTheSameResult() throws {
        let (whole, wholeCounts) = try read(Self.log, chunkSize: Self.log.utf8.count)
        for size in 1..<Self.log.utf8.count {
            let (output, counts) = try read(Self.log, chunkSize: size)
            #expect(output.events == whole.events, "chunk size \(size)")
            #expect(output.rejects == whole.rejects, "chunk size \(size)")
            #expect(counts == wholeCounts, "chunk size \(size)")
        }
    }
}
