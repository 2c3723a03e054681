import Dispatch

/// Lets go of large structures on a thread of its own, so the thread that made them need not
/// spend its time freeing them: the entity store's tables, for one, once their entities are
/// written back (40 000 entities, their strings and histories: 4% of the applying thread on the
/// 200k-order world). One structure at a time is in flight: handing over the next waits until
/// the last is gone, so memory stays bounded.
public final class BackgroundRelease: Sendable {
    private let queue = DispatchQueue(label: "podtrack.background-release", qos: .utility)
    private let inFlight = DispatchSemaphore(value: 1)

    public init() {}

    /// Lets go of `value` on the background thread, after the structure handed over before it.
    /// The caller keeps no reference of its own into `value`, except to objects it shares with
    /// other owners: those only see their reference counts change here, which is safe from any
    /// thread, and are freed by whichever owner lets go of them last.
    public func release<Value>(_ value: consuming Value) {
        inFlight.wait()
        let handOver = HandOver(value)
        queue.async { [inFlight] in
            handOver.drop()
            inFlight.signal()
        }
    }
}

/// A value on its way to the background thread, which alone touches it from then on.
private final class HandOver<Value>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) {
        self.value = value
    }

    func drop() {
        value = nil
    }
}
