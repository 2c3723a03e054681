import Testing
import PODTrackCore
@testable import PODTrackLedger

/// A chunk of events survives being stored as bytes, and a damaged one gives up only what follows the damage.
@Suite struct EventChunkCodingTests {
    let rows: [EventRow] = [
        EventRow(occurredAt: 1_792_598_274_000, line: 2, state: .queued, rawWord: "QUEUED", discriminator: "job=278916"),
        EventRow(occurredAt: 1_792_598_000_000, line: 1, state: .printing, rawWord: "Started", discriminator: ""),  // earlier, a line before
        EventRow(occurredAt: Int64.min, line: Int.max, state: .returned, rawWord: "Zurück «é»", discriminator: "A-1/2"),
        EventRow(occurredAt: 0, line: 0, state: .received, rawWord: "", discriminator: String(repeating: "x", count: 300)),
    ]

    @Test func eventsRoundTripThroughTheBytes() {
        #expect(EventChunkCoding.decode(EventChunkCoding.encode(rows)) == rows)
        #expect(EventChunkCoding.decode(EventChunkCoding.encode([])).isEmpty)
    }

    @Test func aChunkCutShortKeepsTheEventsBeforeTheCut() {
        let bytes = EventChunkCoding.encode(rows)
        let ends = (1...rows.count).map { EventChunkCoding.encode(Array(rows.prefix($0))).count }
        for length in 0..<bytes.count {
            let decoded = EventChunkCoding.decode(Array(bytes.prefix(length)))
            #expect(decoded == Array(rows.prefix(ends.filter { $0 <= length }.count)), "cut at \(length)")
        }
    }

    @Test func aStateByteNoStateHasEndsTheChunk() {
        var bytes = EventChunkCoding.encode(Array(rows.prefix(1)))
        bytes += [0, 0, UInt8(HistoryCoding.stateCodes.count), 0, 0]
        #expect(EventChunkCoding.decode(bytes) == Array(rows.prefix(1)))
    }
}
