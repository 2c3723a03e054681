import Testing
@testable import PODTrackCore

@Suite struct OrderRollupTests {
    private func line(_ number: Int, _ states: [LifecycleState], tracking: String? = nil) -> LineView {
        var fold = LifecycleFold()
        for (offset, state) in states.enumerated() { fold.apply(state, at: Int64(offset)) }
        return LineView(lineNo: number, sku: "SKU-\(number)", quantity: 1, channelLineRef: "", fold: fold, tracking: tracking)
    }

    private func order(_ lines: [LineView], shipments: [ShipmentView] = []) -> OrderView {
        OrderView(tenant: "t", orderNo: "A-1", channel: "C", channelRef: "#1", lines: lines, shipments: shipments, updatedAt: 0)
    }

    @Test func rollsUpFromLinesAndShipments() {
        #expect(order([line(1, [.received])]).rollup == .open)
        #expect(order([line(1, [.received, .onHold])]).rollup == .onHold)
        #expect(order([line(1, [.released, .queued]), line(2, [.released])]).rollup == .inProduction)
        #expect(order([line(1, [.printing, .printFailed])]).rollup == .needsAttention)
        #expect(order([line(1, [.shipped], tracking: "T1"), line(2, [.printing])]).rollup == .partiallyShipped)
        #expect(order([line(1, [.received, .cancelled])]).rollup == .cancelled)

        var delivered = LifecycleFold()
        delivered.apply(.delivered, at: 5)
        let shipped = [line(1, [.shipped], tracking: "T1"), line(2, [.shipped], tracking: "T2")]
        #expect(order(shipped).rollup == .shipped)
        #expect(order(shipped, shipments: [ShipmentView(tracking: "T1", carrier: "ups", fold: delivered)]).rollup == .partiallyDelivered)
        #expect(order(shipped, shipments: [ShipmentView(tracking: "T1", carrier: "ups", fold: delivered),
                                           ShipmentView(tracking: "T2", carrier: "ups", fold: delivered)]).rollup == .delivered)
    }

    @Test func cancelledLinesDoNotHoldBackTheRest() {
        #expect(order([line(1, [.received, .cancelled]), line(2, [.shipped], tracking: "T")]).rollup == .shipped)
    }
}
