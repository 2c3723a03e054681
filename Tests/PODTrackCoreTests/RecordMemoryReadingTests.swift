import Foundation
import Testing
@testable import PODTrackCore

/// `DropReader` with the memory of the source's previous drop: rows that drop held byte for byte
/// are skipped before their fields are read, everything else is read as without a memory.
@Suite struct RecordMemoryReadingTests {
    final class Collected: DropOutput {
        var events: [StatusEvent] = []
        var rejects: [RejectedRow] = []
        var remembered: [RecordDigest] = []
        func accept(_ event: StatusEvent) throws { events.append(event) }
        func reject(_ row: RejectedRow) throws { rejects.append(row) }
        func remember(_ digest: RecordDigest) throws { remembered.append(digest) }
    }

    static let erpDefinition = """
        {"kind": "erp", "files": ["*.csv"], "format": {"type": "csv", "delimiter": ";"},
         "fields": {"order": "OrderNo", "line": "Line", "status": "Status", "time": "Changed", "ship_to": "ShipTo"},
         "time": {"format": "dd.MM.yyyy HH:mm:ss", "zone": "Europe/Berlin"},
         "states": {"NEW": "received", "SHIPPED": "shipped", "HOLD": null}}
        """

    static let header = "OrderNo;Line;Status;Changed;ShipTo\r\n"
    /// Five rows: a plain one, one whose quoted address spans two lines, one ignored by its
    /// status word, one with a bad time (rejected) and one more plain row.
    static let firstSnapshot = header + """
        A-1;1;NEW;24.11.2026 10:00:00;Berlin\r
        A-2;1;NEW;24.11.2026 10:05:00;"Hauptstr. 1\r
        Berlin"\r
        A-3;1;HOLD;24.11.2026 10:06:00;Köln\r
        A-4;1;NEW;31.11.2026 10:07:00;Bonn\r
        A-5;1;NEW;24.11.2026 10:08:00;Hamburg\r

        """
    /// The next export: as before, A-5 shipped since, A-6 new.
    static let secondSnapshot = firstSnapshot.replacingOccurrences(
        of: "A-5;1;NEW;24.11.2026 10:08:00;Hamburg\r\n",
        with: "A-5;1;SHIPPED;25.11.2026 09:00:00;Hamburg\r\nA-6;1;NEW;25.11.2026 09:30:00;Essen\r\n")

    private func source(_ definition: String = erpDefinition) throws -> CompiledSource {
        let parsed = try SourceDefinition.parse(tenant: "acme", name: "erp", file: "erp.json", data: Data(definition.utf8))
        return try CompiledSource(parsed, file: "erp.json")
    }

    /// Reads `text` in chunks of `chunkSize`; `memory` is what the output was given to remember.
    private func read(_ text: String, source: CompiledSource, previous: RecordMemory?, chunkSize: Int = 1 << 16)
        throws -> (output: Collected, counts: DropCounts, memory: RecordMemory) {
        var reader = source.makeReader(previous: previous)
        let output = Collected()
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunkSize) {
            try bytes[start..<min(start + chunkSize, bytes.count)].withUnsafeBytes { try reader.feed($0, into: output) }
        }
        let counts = try reader.finish(into: output)
        return (output, counts, RecordMemory(output.remembered))
    }

    @Test func rowsThePreviousDropHeldAreSkippedInEveryChunkSize() throws {
        let source = try source()
        let first = try read(Self.firstSnapshot, source: source, previous: RecordMemory())
        #expect(first.output.events.map(\.subject) == [.line(order: "A-1", line: 1), .line(order: "A-2", line: 1), .line(order: "A-5", line: 1)])
        #expect(first.memory.digests.count == 3, "only rows that became events are remembered")
        let memory = first.memory

        let whole = try read(Self.secondSnapshot, source: source, previous: memory)
        #expect(whole.output.events.map(\.subject) == [.line(order: "A-5", line: 1), .line(order: "A-6", line: 1)])
        #expect(whole.output.events.map(\.state) == [.shipped, .received])
        #expect(whole.output.rejects.map(\.line) == [6], "a rejected row is never remembered, so it is rejected again")
        #expect(whole.counts.unchanged == 2)
        #expect(whole.counts.records == 6 && whole.counts.ignored == 1)
        #expect(whole.memory.digests.count == 4, "the unchanged rows stay remembered with the new ones")
        for size in 1..<Self.secondSnapshot.utf8.count {
            let chunked = try read(Self.secondSnapshot, source: source, previous: memory, chunkSize: size)
            #expect(chunked.output.events == whole.output.events, "chunk size \(size)")
            #expect(chunked.output.rejects == whole.output.rejects, "chunk size \(size)")
            #expect(chunked.counts == whole.counts, "chunk size \(size)")
            #expect(chunked.memory == whole.memory, "chunk size \(size)")
        }
    }

    @Test func anotherHeaderReadsEveryRowAgain() throws {
        let source = try source()
        let memory = try read(Self.firstSnapshot, source: source, previous: RecordMemory()).memory
        let respaced = Self.firstSnapshot.replacingOccurrences(of: "OrderNo;Line;", with: "OrderNo; Line;")
        let again = try read(respaced, source: source, previous: memory)
        #expect(again.counts.unchanged == 0)
        #expect(again.output.events.count == 3)
    }

    @Test func anotherRevisionOfTheDefinitionReadsEveryRowAgain() throws {
        let memory = try read(Self.firstSnapshot, source: try source(), previous: RecordMemory()).memory
        let edited = try source(Self.erpDefinition.replacingOccurrences(of: "\"HOLD\": null", with: "\"HOLD\": \"on_hold\""))
        let again = try read(Self.firstSnapshot, source: edited, previous: memory)
        #expect(again.counts.unchanged == 0)
        #expect(again.output.events.map(\.subject).contains(.line(order: "A-3", line: 1)), "HOLD is mapped now")
    }

    @Test func withoutAMemoryNothingIsSkippedOrRemembered() throws {
        let source = try source()
        let plain = try read(Self.secondSnapshot, source: source, previous: nil)
        #expect(plain.output.remembered.isEmpty)
        #expect(plain.counts.unchanged == 0 && plain.output.events.count == 4)
    }

    @Test func logLinesAreRememberedToo() throws {
        let definition = try SourceDefinition.parse(tenant: "acme", name: "rip", file: "rip.json", data: Data(LineLogReadingTests.definition.utf8))
        let source = try CompiledSource(definition, file: "rip.json")
        let first = try read(LineLogReadingTests.log, source: source, previous: RecordMemory())
        let memory = first.memory
        let grown = LineLogReadingTests.log + "\n2026-11-24T10:30:00.000+01:00 [Atlas-01] job=88418 name=\"A-100025-1_front.pdf\" state=PRINTED copies=1/1\n"
        let again = try read(grown, source: source, previous: memory)
        #expect(again.counts.unchanged == first.output.events.count)
        #expect(again.output.events.map(\.subject) == [.line(order: "A-100025", line: 1)])
        #expect(again.counts.noise == first.counts.noise, "noise lines are never remembered")
        #expect(again.output.rejects.count == first.output.rejects.count)
    }
}
