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
        let channel = BoundedChannel<ReadAheadMessage>(capacity: batchesAhead)
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

/// The reading thread's output: collects events and rejects into batches for the channel.
private final class BatchingOutput: DropOutput {
    private let channel: BoundedChannel<ReadAheadMessage>
    private var pending: [ReadAheadMessage.Item] = []

    init(channel: BoundedChannel<ReadAheadMessage>) {
        self.channel = channel
        pending.reserveCapacity(ReadAhead.batchSize)
    }

    func accept(_ event: StatusEvent) throws { try add(.event(event)) }

    func reject(_ row: RejectedRow) throws { try add(.reject(row)) }

    func remember(_ digest: RecordDigest) throws { try add(.remember(digest)) }

    func flush() throws {
        guard !pending.isEmpty else { return }
        try channel.put(.batch(pending))
        pending = []
        pending.reserveCapacity(ReadAhead.batchSize)
    }

    private func add(_ item: ReadAheadMessage.Item) throws {
        pending.append(item)
        if pending.count >= ReadAhead.batchSize { try flush() }
    }
}
