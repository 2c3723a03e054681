import Foundation

/// A bounded queue from one producing thread to one consuming thread: the producer `put`s
/// messages, waiting while `capacity` are queued, and ends with `close`; the consumer `take`s them
/// in order. A consumer that gives up calls `cancelAndWait`, which makes the producer's next
/// `put` throw and returns once the producer has closed, so nothing still runs behind it.
public final class BoundedChannel<Message: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    /// At most `capacity` messages and the last one: taking from the front is cheap enough.
    private var queue: [Message] = []
    private var closed = false
    private var cancelled = false

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// Queues `message`, waiting while the queue is full; throws once the consumer gave up.
    public func put(_ message: Message) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        queue.append(message)
        condition.broadcast()
    }

    /// The producer's last message, queued whatever the queue holds.
    public func close(_ last: Message) {
        condition.lock()
        defer { condition.unlock() }
        queue.append(last)
        closed = true
        condition.broadcast()
    }

    /// The next message, waiting for one.
    public func take() -> Message {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let message = queue.removeFirst()
        condition.broadcast()
        return message
    }

    /// Stops the producer and waits until it has closed.
    public func cancelAndWait() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
        while !closed { condition.wait() }
    }
}
