import Testing
import PODTrackCore
@testable import PODTrackLedger

/// A line's or shipment's history survives being stored as bytes.
@Suite struct HistoryCodingTests {
    let entries: [EventHistory.Entry] = [
        .init(id: 4_000_000, occurredAt: 1_792_598_274_000, state: .queued, tag: 0x8000_0001),
        .init(id: 4_000_001, occurredAt: 1_792_598_000_000, state: .printing, tag: 7),   // earlier in time: a negative difference
        .init(id: 17, occurredAt: 1_792_700_000_000, state: .delivered, tag: 0),           // a smaller id (a late event of an older drop)
        .init(id: Int64.max, occurredAt: Int64.min, state: .returned, tag: .max),
        .init(id: 0, occurredAt: 0, state: .received, tag: 0x00ff_ff00),
    ]

    @Test func entriesRoundTripThroughTheBytes() {
        var bytes: [UInt8] = []
        HistoryCoding.append(entries, to: &bytes, after: nil)
        #expect(HistoryCoding.decode(bytes) == entries)
        #expect(HistoryCoding.last(bytes) == entries.last)
    }

    @Test func everyStateHasItsOwnCode() {
        #expect(HistoryCoding.stateCodes.count == LifecycleState.allCases.count)
        #expect(HistoryCoding.stateCodes.enumerated().allSatisfy { Int(HistoryCoding.code(of: $0.element)) == $0.offset })
        var bytes: [UInt8] = []
        let all = LifecycleState.allCases.enumerated().map { EventHistory.Entry(id: Int64($0.offset), occurredAt: 1000, state: $0.element) }
        HistoryCoding.append(all, to: &bytes, after: nil)
        #expect(HistoryCoding.decode(bytes) == all)
    }

    /// Ledgers hold these bytes: a state's code may never change.
    @Test func theStoredCodesOfStatesStayWhatLedgersHold() {
        let pinned: [(LifecycleState, UInt8)] = [(.received, 0), (.printed, 4), (.shipped, 5), (.delivered, 10), (.onHold, 11),
                                                  (.exception, 15), (.cancelled, 16), (.returned, 18)]
        for (state, code) in pinned { #expect(HistoryCoding.code(of: state) == code, "\(state)") }
        var bytes: [UInt8] = []
        HistoryCoding.append(EventHistory.Entry(id: 3, occurredAt: 1000, state: .inTransit, tag: 0x0403_0201), to: &bytes, after: nil)
        #expect(bytes == [6, 0xd0, 0x0f, 7, 1, 2, 3, 4])
    }

    @Test func addedEntriesContinueTheStoredOnes() {
        var stored: [UInt8] = []
        HistoryCoding.append(Array(entries.prefix(2)), to: &stored, after: nil)
        var history = EventHistory(bytes: stored)
        for entry in entries.dropFirst(2) { history.append(entry) }
        #expect(history.entries == entries)
        #expect(EventHistory(bytes: history.bytes).entries == entries)
    }

    @Test func aHistoryFindsItsStoredAndItsAddedEntriesAndNoOther() {
        var stored: [UInt8] = []
        HistoryCoding.append(Array(entries.prefix(2)), to: &stored, after: nil)
        var history = EventHistory(bytes: stored)
        history.append(entries[2])
        for entry in entries.prefix(3) {
            #expect(history.contains(occurredAt: entry.occurredAt, state: entry.state, tag: entry.tag))
        }
        let first = entries[0]
        #expect(!history.contains(occurredAt: first.occurredAt, state: first.state, tag: first.tag &+ 1), "another tag")
        #expect(!history.contains(occurredAt: first.occurredAt + 1, state: first.state, tag: first.tag), "another time")
        #expect(!history.contains(occurredAt: first.occurredAt, state: .printed, tag: first.tag), "another state")
        #expect(!EventHistory().contains(occurredAt: first.occurredAt, state: first.state, tag: first.tag))
    }

    @Test func aTenEventHistoryIsSmall() {
        let tenEvents = (0..<10).map { EventHistory.Entry(id: 3_000_000 + Int64($0) * 40_000, occurredAt: 1_792_598_274_000 + Int64($0) * 3_600_000,
                                                          state: .printing) }
        var bytes: [UInt8] = []
        HistoryCoding.append(tenEvents, to: &bytes, after: nil)
        #expect(bytes.count <= 130, "the text form took about 300 bytes")
    }

    @Test func decodingStopsAtTheFirstMalformedEntry() {
        var bytes: [UInt8] = []
        HistoryCoding.append(Array(entries.prefix(2)), to: &bytes, after: nil)
        let intact = bytes
        bytes.append(contentsOf: [0x02, 0x02, 0xff])      // a state code no state has
        HistoryCoding.append([entries[2]], to: &bytes, after: entries[1])
        #expect(HistoryCoding.decode(bytes) == Array(entries.prefix(2)))
        #expect(HistoryCoding.decode(intact + [0x80, 0x80]) == Array(entries.prefix(2)), "a varint cut short")
        #expect(HistoryCoding.decode(intact + [0x02]) == Array(entries.prefix(2)), "an entry cut short")
    }

    @Test func schema4TextBecomesTheSameEntries() {
        let text = "4000000:1792598274000:queued 4000001:1792598000000:printing junk 17:1792700000000:delivered 9:9:no_such_state"
        let untagged = entries.prefix(3).map { EventHistory.Entry(id: $0.id, occurredAt: $0.occurredAt, state: $0.state) }
        #expect(HistoryCoding.decode(HistoryTextUpgrade.compact(text), layout: .untagged) == untagged)
        #expect(HistoryTextUpgrade.compact("").isEmpty)
    }

    @Test func schema5HistoriesTakeTheirEventsTags() {
        var untagged: [UInt8] = []
        HistoryCoding.append(entries, to: &untagged, after: nil, layout: .untagged)
        let tags = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.tag) })
        #expect(HistoryCoding.decode(HistoryTagUpgrade.tagged(untagged) { tags[$0] }) == entries)
        let lost = HistoryCoding.decode(HistoryTagUpgrade.tagged(untagged) { _ in nil })
        #expect(lost.map(\.tag) == Array(repeating: 0, count: entries.count), "an event the ledger lacks gets tag 0")
        #expect(HistoryTagUpgrade.tagged([]) { tags[$0] }.isEmpty)
    }
}
