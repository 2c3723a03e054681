/// Turns the segments of one 214 (shipment status) transaction into records, one per AT7.
///
/// B10 gives the shipment (tracking, shipment id, SCAC); L11 segments before the first LX are
/// its references; each AT7 is an event and the first MS1 after it in the same LX loop is where it
/// happened. The first malformed segment rejects the whole transaction: a second B10, a B10
/// without either reference number, an AT7 without any status, or an AT7 date or time that is not
/// digits of the right length. Other segments (N1, AT8, MS2…) are not needed and are skipped.
struct X12ShipmentStatusAssembler {
    private struct Event {
        var values = X12ShipmentStatusValues()
        var line: Int
        var rawText: String
    }

    /// The fields every record of the transaction shares.
    private static let transactionFields: [X12ShipmentStatusField] = [
        .tracking, .shipmentID, .scac, .references, .sender, .controlNumber,
    ]

    /// AT7-05 is CCYYMMDD.
    private static let dateLengths: Set<Int> = [8]
    /// AT7-06 is HHMM or HHMMSS, optionally with decimal seconds (HHMMSSD, HHMMSSDD).
    private static let timeLengths: Set<Int> = [4, 6, 7, 8]

    private var shipment: X12ShipmentStatusValues?
    private var references: [String] = []
    private var events: [Event] = []
    /// True from the first LX on: L11 there belongs to an event, not to the shipment.
    private var inDetailLoop = false
    /// The event an MS1 would locate: the last AT7 of the current LX loop, until its MS1 came.
    private var eventAwaitingLocation: Int?
    private var fault: X12Fault?

    /// Takes the next segment of the transaction (ST and SE included; they carry nothing here).
    mutating func consume(_ segment: X12Segment) {
        guard fault == nil else { return }
        switch segment.identifier {
        case "B10": readShipment(segment)
        case "L11": readReference(segment)
        case "LX":
            inDetailLoop = true
            eventAwaitingLocation = nil
        case "AT7": readEvent(segment)
        case "MS1": readLocation(segment)
        default: break
        }
    }

    /// The transaction's records, or why it is rejected.
    func records(in context: X12TransactionContext) -> Result<[StructuredRecord], X12Fault> {
        if let fault {
            return .failure(fault)
        }
        guard var shared = shipment else {
            return .failure(X12Fault(line: context.line, reason: "214 transaction \(context.controlNumber) has no B10 segment"))
        }
        shared[.references] = references.joined(separator: "|")
        shared[.sender] = context.sender
        shared[.controlNumber] = context.controlNumber
        return .success(events.map { event in
            var values = event.values
            for field in Self.transactionFields {
                values[field] = shared[field]
            }
            return StructuredRecord(values: values.ordered, line: event.line, rawText: event.rawText)
        })
    }

    private mutating func readShipment(_ b10: X12Segment) {
        guard shipment == nil else {
            return reject(b10, "second B10 in the transaction")
        }
        var values = X12ShipmentStatusValues()
        values[.tracking] = b10.element(1)
        values[.shipmentID] = b10.element(2)
        values[.scac] = b10.element(3)
        guard !values[.tracking].isEmpty || !values[.shipmentID].isEmpty else {
            return reject(b10, "B10 has neither a carrier reference number (B10-01) nor a shipment identification number (B10-02)")
        }
        shipment = values
    }

    private mutating func readReference(_ l11: X12Segment) {
        let value = l11.element(1)
        guard !inDetailLoop, !value.isEmpty else { return }
        references.append("\(value):\(l11.element(2))")
    }

    private mutating func readEvent(_ at7: X12Segment) {
        var values = X12ShipmentStatusValues()
        values[.status] = at7.element(1)
        values[.reason] = at7.element(2)
        values[.appointmentStatus] = at7.element(3)
        values[.date] = at7.element(5)
        values[.time] = at7.element(6)
        values[.timeCode] = at7.element(7)
        if values[.status].isEmpty, values[.appointmentStatus].isEmpty {
            return reject(at7, "AT7 has neither a shipment status (AT7-01) nor an appointment status (AT7-03)")
        }
        if !values[.date].isEmpty, !Self.isDigits(values[.date], lengths: Self.dateLengths) {
            return reject(at7, "AT7-05 date \"\(values[.date])\" is not CCYYMMDD")
        }
        if !values[.time].isEmpty, !Self.isDigits(values[.time], lengths: Self.timeLengths) {
            return reject(at7, "AT7-06 time \"\(values[.time])\" is not HHMM or HHMMSS")
        }
        events.append(Event(values: values, line: at7.line, rawText: at7.text))
        eventAwaitingLocation = events.count - 1
    }

    private mutating func readLocation(_ ms1: X12Segment) {
        guard let index = eventAwaitingLocation else { return }
        events[index].values[.city] = ms1.element(1)
        events[index].values[.state] = ms1.element(2)
        events[index].values[.country] = ms1.element(3)
        eventAwaitingLocation = nil
    }

    private mutating func reject(_ segment: X12Segment, _ reason: String) {
        fault = X12Fault(line: segment.line, reason: reason)
    }

    /// True when `text` is ASCII digits and has one of `lengths`.
    private static func isDigits(_ text: String, lengths: Set<Int>) -> Bool {
        lengths.contains(text.utf8.count) && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
