import Foundation

/// Runs a producer on a thread of its own while the calling thread consumes what it produces:
/// items travel in batches through a bounded queue, so the producer runs at most `batchesAhead`
/// batches ahead and memory does not follow the size of the input. When consuming fails, the
/// producer is stopped (its next hand-over throws) and waited for before `run` returns, so
/// nothing still runs behind the caller.
public enum ProducerThread {
    /// Calls `consume` with every item `produce` puts into its sink, in order, and returns how
    /// `produce` ended (or throws its error, or `consume`'s).
    public static func run<Item: Sendable, Ending: Sendable>(
        batchSize: Int, batchesAhead: Int, stackSize: Int? = nil,
        produce: @escaping @Sendable (BatchSink<Item>) throws -> Ending,
        consume: (Item) throws -> Void
    ) throws -> Ending {
        let channel = BoundedChannel<ProducerMessage<Item, Ending>>(capacity: batchesAhead)
        /// Everything the producer makes, its last message included; its sink, and the items of
        /// a batch it had not handed over, are gone before the channel closes, so nothing of it
        /// outlives `run`.
        @Sendable func produceAll() -> ProducerMessage<Item, Ending> {
            let sink = BatchSink<Item>(batchSize: batchSize) { try channel.put(.batch($0)) }
            do {
                let ending = try produce(sink)
                try sink.flush()
                return .finished(ending)
            } catch {
                return .failed(error)
            }
        }
        let producer = Thread { channel.close(produceAll()) }
        if let stackSize { producer.stackSize = stackSize }
        producer.start()
        do {
            while true {
                switch channel.take() {
                case .batch(let batch): try batch.takeEach(consume)
                case .finished(let ending): return ending
                case .failed(let error): throw error
                }
            }
        } catch {
            channel.cancelAndWait()
            throw error
        }
    }
}

/// Where a producer puts its items: gathered into batches for the consuming thread.
public final class BatchSink<Item> {
    private let send: (ItemBatch<Item>) throws -> Void
    private var pending: ItemBatch<Item>

    fileprivate init(batchSize: Int, send: @escaping (ItemBatch<Item>) throws -> Void) {
        precondition(batchSize > 0, "a batch holds at least one item")
        self.send = send
        pending = ItemBatch(capacity: batchSize)
    }

    /// Adds `item`; a full batch goes to the consumer, waiting while it is behind. Throws once
    /// the consumer gave up.
    public func put(_ item: Item) throws {
        pending.append(item)
        if pending.isFull { try flush() }
    }

    fileprivate func flush() throws {
        guard !pending.isEmpty else { return }
        let full = pending
        pending = ItemBatch(capacity: full.capacity)
        try send(full)
    }
}

/// A batch of items on its way to the consumer, which moves each out (`takeEach`) instead of
/// copying it: an item's references are then not retained and released once more on the
/// consuming thread (for a reader's events, about 6% of the applying thread's instructions).
final class ItemBatch<Item> {
    private let items: UnsafeMutablePointer<Item>
    let capacity: Int
    private var count = 0
    /// Items before this index were moved out; the rest still belong to the batch.
    private var taken = 0

    init(capacity: Int) {
        items = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit {
        (items + taken).deinitialize(count: count - taken)
        items.deallocate()
    }

    var isFull: Bool { count == capacity }
    var isEmpty: Bool { count == 0 }

    func append(_ item: Item) {
        precondition(count < capacity, "the batch is full")
        (items + count).initialize(to: item)
        count += 1
    }

    /// Calls `body` with each item, in order, moved out of the batch. When `body` throws, the
    /// items not taken yet go when the batch does.
    func takeEach(_ body: (Item) throws -> Void) rethrows {
        while taken < count {
            let item = (items + taken).move()
            taken += 1
            try body(item)
        }
    }
}

/// Only one thread at a time has a batch: the producer fills it, then hands it over for good.
extension ItemBatch: @unchecked Sendable where Item: Sendable {}

/// What the producing thread hands over: a batch of items, then how it ended.
private enum ProducerMessage<Item: Sendable, Ending: Sendable>: Sendable {
    case batch(ItemBatch<Item>)
    case finished(Ending)
    case failed(any Error)
}

/// The bounded queue between the two threads.
private final class BoundedChannel<Message: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    /// At most `capacity` messages and the last one: taking from the front is cheap enough.
    private var queue: [Message] = []
    private var closed = false
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Queues `message`, waiting while the queue is full; throws once the consumer gave up.
    func put(_ message: Message) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        queue.append(message)
        condition.broadcast()
    }

    /// The producer's last message, queued whatever the queue holds.
    func close(_ last: Message) {
        condition.lock()
        defer { condition.unlock() }
        queue.append(last)
        closed = true
        condition.broadcast()
    }

    /// The next message, waiting for one.
    func take() -> Message {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let message = queue.removeFirst()
        condition.broadcast()
        return message
    }

    /// Stops the producer and waits until it has closed.
    func cancelAndWait() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
        while !closed { condition.wait() }
        // The batches the consumer will not take go now, not whenever the producer's thread lets go of the channel.
        queue.removeAll()
    }
}
