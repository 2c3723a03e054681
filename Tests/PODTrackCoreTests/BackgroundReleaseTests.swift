import Foundation
import Testing
import PODTrackCore

/// What is handed to a `BackgroundRelease` is freed on its thread, not the caller's, one
/// structure at a time, and an object the caller still shares outlives the hand-over.
@Suite struct BackgroundReleaseTests {
    /// Where and when tracked objects were freed, written on any thread.
    private final class FreeLog: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(number: Int, onCaller: Bool)] = []
        let freed = DispatchSemaphore(value: 0)

        func add(_ number: Int, onCaller: Bool) {
            lock.withLock { entries.append((number, onCaller)) }
            freed.signal()
        }

        var all: [(number: Int, onCaller: Bool)] { lock.withLock { entries } }
    }

    /// An object that logs its own end, and whether it came on the thread that made it.
    private final class Tracked {
        let number: Int
        var payload: [String]
        private let log: FreeLog
        private let caller = pthread_self()

        init(_ number: Int, _ log: FreeLog) {
            self.number = number
            self.log = log
            payload = (0..<100).map { "entity \($0) of \(number), longer than an inline string" }
        }

        deinit { log.add(number, onCaller: pthread_equal(caller, pthread_self()) != 0) }
    }

    private func wait(for count: Int, in log: FreeLog) {
        for _ in 0..<count { #expect(log.freed.wait(timeout: .now() + 10) == .success) }
    }

    @Test func aTableHandedOverIsFreedOnTheBackgroundThread() {
        let log = FreeLog()
        let release = BackgroundRelease()
        var table: [String: Tracked] = [:]
        for number in 0..<1_000 { table["key \(number)"] = Tracked(number, log) }
        release.release((Array(table.values), consume table))
        wait(for: 1_000, in: log)
        let freed = log.all
        #expect(freed.count == 1_000)
        #expect(Set(freed.map(\.number)) == Set(0..<1_000))
        #expect(freed.allSatisfy { !$0.onCaller })
    }

    @Test func theNextHandOverWaitsForTheLastToBeGone() {
        let log = FreeLog()
        let release = BackgroundRelease()
        for round in 0..<20 {
            release.release((0..<200).map { Tracked(round * 1_000 + $0, log) })
            // One structure in flight at most: once this hand-over returns, every earlier one is gone.
            release.release([Tracked(round * 1_000 + 999, log)])
            #expect(log.all.filter { $0.number / 1_000 == round && $0.number % 1_000 < 200 }.count == 200)
        }
        wait(for: 20 * 201, in: log)
        #expect(log.all.count == 20 * 201)
    }

    /// As the entity store hands over a table whose kept entities it goes on changing: the
    /// shared object survives the hand-over and is freed by its last owner, the caller.
    @Test func anObjectTheCallerStillSharesOutlivesTheHandOverAndGoesWithItsLastOwner() {
        let log = FreeLog()
        let release = BackgroundRelease()
        var shared: Tracked? = Tracked(1, log)
        release.release([shared, Tracked(2, log)])
        wait(for: 1, in: log)
        release.release([Tracked(3, log)])
        wait(for: 1, in: log)
        #expect(log.all.map(\.number) == [2, 3], "the shared object is not freed while the caller holds it")
        shared?.payload.append("changed after the hand-over")
        shared = nil
        wait(for: 1, in: log)
        #expect(log.all.last.map { [$0.number] } == [1])
        #expect(log.all.last?.onCaller == true, "freed by its last owner, on the caller's thread")
    }
}
