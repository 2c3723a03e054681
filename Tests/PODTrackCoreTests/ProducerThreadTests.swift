import Foundation
import Testing
import PODTrackCore

/// The producer runs ahead on its own thread, bounded, and is stopped and waited for when the
/// consumer fails.
@Suite struct ProducerThreadTests {
    /// What the producer did, written on its thread and read after `run` returns.
    private final class ProducerRecord: @unchecked Sendable {
        private let lock = NSLock()
        private var produced = 0
        private var released = 0
        private var ended = false

        func add() { lock.withLock { produced += 1 } }
        func release() { lock.withLock { released += 1 } }
        func end() { lock.withLock { ended = true } }
        var state: (produced: Int, released: Int, ended: Bool) { lock.withLock { (produced, released, ended) } }
    }

    /// An item that counts itself in and out, to show each is destroyed once.
    private final class Counted: Sendable {
        let number: Int
        private let record: ProducerRecord

        init(_ number: Int, _ record: ProducerRecord) {
            self.number = number
            self.record = record
            record.add()
        }

        deinit { record.release() }
    }

    /// Items move from the producer's batches to the consumer (`ItemBatch`): every one is
    /// destroyed exactly once, whether it was consumed, or left in a batch the consumer gave up
    /// on (the one it failed in, and those queued behind it).
    @Test(arguments: [nil, 0, 5, 17])
    func everyItemIsDestroyedOnceWhereverTheRunStops(failingAt failure: Int?) throws {
        let record = ProducerRecord()
        var consumed: [Int] = []
        do {
            try ProducerThread.run(batchSize: 4, batchesAhead: 2, produce: { sink in
                for number in 0..<40 { try sink.put(Counted(number, record)) }
            }, consume: { item in
                if item.number == failure { throw CocoaError(.fileWriteOutOfSpace) }
                consumed.append(item.number)
            })
            #expect(failure == nil)
        } catch {
            #expect(failure != nil)
        }
        #expect(consumed == Array(0..<(failure ?? 40)))
        let state = record.state
        #expect(state.produced > 0 && state.released == state.produced, "\(state.produced) made, \(state.released) destroyed")
    }

    @Test(arguments: [0, 1, 3, 4, 100])
    func everyItemArrivesInOrderAndTheEndingComesBack(count: Int) throws {
        var consumed: [Int] = []
        let ending = try ProducerThread.run(batchSize: 3, batchesAhead: 2, produce: { sink in
            for item in 0..<count { try sink.put(item) }
            return "produced \(count)"
        }, consume: { consumed.append($0) })
        #expect(consumed == Array(0..<count))
        #expect(ending == "produced \(count)")
    }

    @Test func aFailingConsumerStopsTheProducerBeforeRunReturns() throws {
        let record = ProducerRecord()
        #expect(throws: CocoaError.self) {
            try ProducerThread.run(batchSize: 4, batchesAhead: 2, produce: { sink in
                defer { record.end() }
                for item in 0..<1_000_000 {
                    try sink.put(item)
                    record.add()
                }
            }, consume: { item in
                if item == 10 { throw CocoaError(.fileWriteOutOfSpace) }
            })
        }
        let state = record.state
        #expect(state.ended, "the producer had finished when run returned")
        #expect(state.produced < 100, "it stopped a few batches ahead, not at the end of its input: \(state.produced)")
    }

    @Test func aFailingProducerFailsTheRunAfterWhatItProduced() {
        var consumed: [Int] = []
        #expect(throws: CocoaError.self) {
            try ProducerThread.run(batchSize: 2, batchesAhead: 2, produce: { sink in
                for item in 0..<5 { try sink.put(item) }
                throw CocoaError(.fileReadCorruptFile)
            }, consume: { consumed.append($0) })
        }
        #expect(consumed == [0, 1, 2, 3], "the full batches reached the consumer before the failure")
    }
}
