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
        // The main thread's stack, so a reader runs the same on either thread.
        try ProducerThread.run(batchSize: batchSize, batchesAhead: batchesAhead, stackSize: 8 << 20, produce: { sink in
            try DropFileReader.read(path: path, source: source, into: SinkOutput(sink: sink), resume: resume, previous: previous)
        }, consume: { item in
            switch item {
            case .event(let event): try output.accept(event)
            case .reject(let row): try output.reject(row)
            case .remember(let digest): try output.remember(digest)
            }
        })
    }
}

/// What the reading thread hands over, in file order.
private enum ReadAheadItem: Sendable {
    case event(StatusEvent)
    case reject(RejectedRow)
    case remember(RecordDigest)
}

/// The reading thread's output: every event, reject and digest goes into the sink.
private final class SinkOutput: DropOutput {
    private let sink: BatchSink<ReadAheadItem>

    init(sink: BatchSink<ReadAheadItem>) {
        self.sink = sink
    }

    func accept(_ event: StatusEvent) throws { try sink.put(.event(event)) }

    func reject(_ row: RejectedRow) throws { try sink.put(.reject(row)) }

    func remember(_ digest: RecordDigest) throws { try sink.put(.remember(digest)) }
}
