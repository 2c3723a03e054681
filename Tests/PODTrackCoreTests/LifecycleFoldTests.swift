import Testing
@testable import PODTrackCore

@Suite struct LifecycleFoldTests {
    @Test func rankNeverMovesBackwards() {
        var fold = LifecycleFold()
        fold.apply(.printed, at: 10)
        fold.apply(.queued, at: 20)
        #expect(fold.progress == .printed)
        #expect(fold.lastEventAt == 20)
    }

    @Test func flagIsClearedByLaterProgressThatIsNotStale() {
        var fold = LifecycleFold()
        fold.apply(.inTransit, at: 10)
        fold.apply(.delayed, at: 20)
        #expect(fold.visibleState == .delayed)
        fold.apply(.pickedUp, at: 30)  // stale: lower rank than in_transit
        #expect(fold.visibleState == .delayed)
        fold.apply(.inTransit, at: 40)
        #expect(fold.visibleState == .inTransit)
    }

    @Test func returningStaysWhileCancelledEndsTheFold() {
        var shipment = LifecycleFold()
        shipment.apply(.outForDelivery, at: 1)
        shipment.apply(.returning, at: 2)
        shipment.apply(.inTransit, at: 3)
        #expect(shipment.visibleState == .returning)

        var line = LifecycleFold()
        line.apply(.received, at: 1)
        line.apply(.cancelled, at: 2)
        #expect(line.apply(.released, at: 3) == false)
        #expect(line.visibleState == .cancelled)
    }

    /// Every order of arrival folds to the same state: the fold orders by time, not by arrival.
    @Test(arguments: [
        [(LifecycleState.received, Int64(1)), (.onHold, 2), (.released, 3), (.queued, 4)],
        [(LifecycleState.shipped, Int64(1)), (.pickedUp, 2), (.inTransit, 3), (.delayed, 4), (.inTransit, 5), (.outForDelivery, 6),
         (.attemptedDelivery, 7)],
    ])
    func foldingIgnoresArrivalOrder(history: [(LifecycleState, Int64)]) {
        let events = history.map { (state: $0.0, occurredAt: $0.1) }
        var inOrder = LifecycleFold()
        for event in events { inOrder.apply(event.state, at: event.occurredAt) }
        for permutation in permutations(events) {
            #expect(LifecycleFold.folding(permutation) == inOrder)
        }
    }

    private func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[T]] in
            var rest = items
            let item = rest.remove(at: index)
            return permutations(rest).map { [item] + $0 }
        }
    }
}
