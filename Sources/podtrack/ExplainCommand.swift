import PODTrack
import PODTrackCore
import PODTrackLedger

/// `podtrack explain`: why an order is where it is.
enum ExplainCommand: Command {
    static let name = "explain"
    static let summary = "an order's lines, shipments and timeline, with the file and line of every event"
    static let help = """
        usage: podtrack explain [--site DIR] TENANT ORDER

        Prints the order's lines and shipments with their states, then every event in the order it
        happened: the time in UTC and in the source's zone, the line or shipment, the canonical state
        and the source's own word, and the drop file and line it came from (runs of the same state
        are folded). Then what each storefront was told, in which export file, and when it was
        picked up. Reads only.
        exit codes: 0 done; 1 the ledger has never heard of the order; 2 usage; 4 failure
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        let target = try arguments.positionals(count: 2, names: "TENANT and ORDER")
        let definitions = try SiteDefinitions.load(site)
        guard let explanation = try OrderExplanation.gather(tenant: target[0], orderNo: target[1], definitions: definitions,
                                                            ledger: try site.openLedgerForReading()) else {
            print("\(target[0]) has no order \(target[1]) in the ledger (no ERP row, print job or carrier event named it)")
            return .attention
        }
        print(render(explanation))
        return .success
    }

    static func render(_ explanation: OrderExplanation) -> String {
        var lines: [String] = []
        if let order = explanation.order {
            lines.append("order \(order.orderNo) (\(order.tenant)): \(order.channel) \(order.channelRef) — \(order.rollup.rawValue)")
            lines.append("lines:")
            for line in order.lines {
                let shipment = line.tracking.map { "  shipment \($0) (\(line.carrier ?? "?"))" } ?? ""
                lines.append("  \(line.lineNo)  \(line.sku) ×\(line.quantity)  \(describe(line.fold))\(shipment)")
            }
            lines.append("shipments:")
            if order.shipments.isEmpty { lines.append("  none yet") }
            for shipment in order.shipments {
                let carried = order.lines(in: shipment.tracking).map { String($0.lineNo) }.joined(separator: ", ")
                lines.append("  \(shipment.tracking)  \(shipment.carrier)  \(describe(shipment.fold))  lines \(carried)")
            }
        } else {
            lines.append("order \(explanation.orderNo) (\(explanation.tenant)): no ERP row yet; events from other sources:")
        }
        for tracking in explanation.orphanTrackings {
            lines.append("  held: carrier events for \(tracking) name this order, but no ERP line has that tracking number yet")
        }
        lines.append("timeline:")
        for entry in explanation.foldedTimeline {
            let event = entry.event
            let local = explanation.sourceZones[event.source].map { source in
                "  (\(CivilDateTime(epochMilliseconds: event.occurredAt, offsetSeconds: source.zone.offsetSeconds(at: event.occurredAt))) \(source.name))"
            } ?? ""
            let times = entry.count > 1 ? " ×\(entry.count)" : ""
            let job = event.discriminator.isEmpty ? "" : " job \(event.discriminator)"
            lines.append("  \(UTCText.iso8601(event.occurredAt))\(local)  \(event.subjectKind) \(event.subject)  "
                         + "\(event.state) (\(entry.words.joined(separator: ", ")))\(times)  \(explanation.tenant)/\(event.source) "
                         + "\(event.fileName):\(event.line)\(job)")
        }
        lines.append("told:")
        if explanation.told.isEmpty { lines.append("  no storefront has been told anything about this order") }
        for told in explanation.told {
            let pickup = told.pickedUpAt.map { "picked up \(UTCText.iso8601($0))" } ?? "not picked up yet"
            let kind = told.kind == "changes" ? "" : " (\(told.kind))"
            lines.append("  \(told.storefront)  \(told.file)\(kind)  \(UTCText.iso8601(told.createdAt))  \(pickup)  row \(told.rowKey)")
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ fold: LifecycleFold) -> String {
        var text = fold.progress?.rawValue ?? "no progress yet"
        if let flag = fold.flag { text += " + \(flag.rawValue)" }
        if let terminal = fold.terminal { text = "\(terminal.rawValue) (was \(text))" }
        return text
    }
}
