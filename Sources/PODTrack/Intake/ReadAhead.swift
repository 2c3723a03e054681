import Foundation
import PODTrackCore
import PODTrackLedger

/// Reads a drop on a second thread while the caller applies what was read: decoding, parsing and
/// mapping run on one core, the single ledger writer on the other. Events and rejected rows reach
/// `output` in file order, in batches; the reader runs at most a few batches ahead, so memory does
/// not follow the size of the file. When applying fails, the reader is stopped before this returns.
enum ReadAhead {
    static let batchSize = 1024
    static let batchesAhead = 4

    static func read(path: String, source: CompiledSource, resume: ResumePoint?, previous: RecordMemory?,
                     into output: DropOutput) throws -> DropCounts {
        let channel = BatchChannel(capacity: batchesAhead)
        let reader = Thread {
            let batcher = BatchingOutput(channel: channel)
            do {
                let counts = try DropFileReader.read(path: path, source: source, into: batcher, resume: resume, previous: previous)
                try batcher.flush()
                channel.close(.finished(counts))
            } catch {
                channel.close(.failed(error))
            }
        }
        reader.stackSize = 8 << 20  // the main thread's, so a reader runs the same on either thread
        reader.start()
        do {
            while true {
                switch channel.take() {
                case .batch(let items):
                    for item in items {
                        switch item {
                        case .event(let event): try output.accept(event)
                        case .reject(let row): try output.reject(row)
                        case .remember(let digest): try output.remember(digest)
                        }
                    }
                case .finished(let counts):
                    return counts
                case .failed(let error):
                    throw error
                }
            }
        } catch {
            channel.cancelAndWait()
            throw error
        }
    }
}

/// What the reading thread hands over: a batch of items, then how the file ended.
private enum ReadAheadMessage: Sendable {
    enum Item: Sendable {
        case event(StatusEvent)
        case reject(RejectedRow)
        case remember(RecordDigest)
    }

    case batch([Item])
    case finished(DropCounts)
    case failed(any Error)
}

/// A bounded queue between the reading thread and the applying one.
private final class BatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    /// At most `capacity` batches and the last message: taking from the front is cheap enough.
    private var queue: [ReadAheadMessage] = []
    private var closed = false
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Queues a batch, waiting while the queue is full; throws once the applier gave up.
    func put(_ items: [ReadAheadMessage.Item]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        queue.append(.batch(items))
        condition.broadcast()
    }

    /// The reader's last message: how the file ended.
    func close(_ end: ReadAheadMessage) {
        condition.lock()
        defer { condition.unlock() }
        queue.append(end)
        closed = true
        condition.broadcast()
    }

    /// The next message, waiting for one.
    func take() -> ReadAheadMessage {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let message = queue.removeFirst()
        condition.broadcast()
        return message
    }

    /// Stops the reader and waits until it has let go of the file.
    func cancelAndWait() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
        while !closed { condition.wait() }
    }
}

/// The reading thread's output: collects events and rejects into batches for the channel.
private final class BatchingOutput: DropOutput {
    private let channel: BatchChannel
    private var pending: [ReadAheadMessage.Item] = []

    init(channel: BatchChannel) {
        self.channel = channel
        pending.reserveCapacity(ReadAhead.batchSize)
    }

    func accept(_ event: StatusEvent) throws { try add(.event(event)) }

    func reject(_ row: RejectedRow) throws { try add(.reject(row)) }

    func remember(_ digest: RecordDigest) throws { try add(.remember(digest)) }

    func flush() throws {
        guard !pending.isEmpty else { return }
        try channel.put(pending)
        pending = []
        pending.reserveCapacity(ReadAhead.batchSize)
    }

    private func add(_ item: ReadAheadMessage.Item) throws {
        pending.append(item)
        if pending.count >= ReadAhead.batchSize { try flush() }
    }
}
