/// Follows the ISA/GS/ST envelopes of an X12 stream and checks their trailers.
///
/// SE01 must count the segments from ST to SE and SE02 repeat ST02; GE01 must count the group's
/// transactions and GE02 repeat GS06; IEA01 must count the interchange's groups and IEA02 repeat
/// ISA13. Control numbers match when equal, or when both are digits of the same number (`0001`
/// and `1`), since senders zero-pad inconsistently. A missing trailer closes what it should have
/// closed with a fault; the input ending inside an envelope is a `DropFailure`.
struct X12EnvelopeChecker {
    private struct Envelope {
        var line: Int
        var controlNumber: String
        /// Groups in an interchange, transactions in a group, segments in a transaction.
        var count = 0
    }

    /// Segments allowed between ISA and GS: interchange service segments and acknowledgments.
    private static let interchangeLevelSegments: Set<String> = ["ISB", "ISE", "TA1"]

    private var interchange: Envelope?
    private var interchangeSender = ""
    private var group: Envelope?
    private var transaction: Envelope?
    private var lastSegmentLine = 1

    /// Appends to `events` what `segment` means for the envelopes. Throws when an ISA appears
    /// before the IEA of the interchange before it (the separators may have changed).
    mutating func consume(_ segment: X12Segment, into events: inout [X12EnvelopeEvent]) throws(DropFailure) {
        lastSegmentLine = segment.line
        switch segment.identifier {
        case "ISA": try openInterchange(segment)
        case "GS": openGroup(segment, &events)
        case "ST": openTransaction(segment, &events)
        case "SE": closeTransaction(segment, &events)
        case "GE": closeGroup(segment, &events)
        case "IEA": closeInterchange(segment, &events)
        case let identifier:
            if transaction != nil {
                transaction?.count += 1
                events.append(.transactionSegment)
            } else if group != nil || !Self.interchangeLevelSegments.contains(identifier) {
                events.append(.problem(X12Fault(line: segment.line, reason: "segment \(identifier) outside a transaction (ST…SE)")))
            }
        }
    }

    /// Throws when the input ended inside an envelope, naming the trailer that was expected.
    func finish() throws(DropFailure) {
        let expected: String
        if let transaction {
            expected = "SE closing transaction \(transaction.controlNumber) from line \(transaction.line)"
        } else if let group {
            expected = "GE closing the functional group from line \(group.line)"
        } else if let interchange {
            expected = "IEA closing the interchange from line \(interchange.line)"
        } else {
            return
        }
        throw DropFailure("line \(lastSegmentLine): input ends after this segment; expected \(expected)",
                          hint: "The file was cut off; ask the sender to re-send it.")
    }

    private mutating func openInterchange(_ isa: X12Segment) throws(DropFailure) {
        if let interchange {
            throw DropFailure("line \(isa.line): ISA before the IEA closing the interchange from line \(interchange.line)",
                              hint: "The interchange has no IEA trailer; ask the sender to re-send the file.")
        }
        interchange = Envelope(line: isa.line, controlNumber: isa.element(13))
        interchangeSender = isa.element(6)
    }

    private mutating func openGroup(_ gs: X12Segment, _ events: inout [X12EnvelopeEvent]) {
        abandonTransaction(at: gs, &events)
        if let group {
            events.append(.problem(X12Fault(line: group.line, reason: "functional group has no GE before the GS on line \(gs.line)")))
        }
        group = Envelope(line: gs.line, controlNumber: gs.element(6))
        interchange?.count += 1
    }

    private mutating func openTransaction(_ st: X12Segment, _ events: inout [X12EnvelopeEvent]) {
        abandonTransaction(at: st, &events)
        if group == nil {
            events.append(.problem(X12Fault(line: st.line, reason: "ST outside a functional group (GS…GE)")))
        }
        group?.count += 1
        let context = X12TransactionContext(type: st.element(1), controlNumber: st.element(2),
                                            line: st.line, sender: interchangeSender)
        transaction = Envelope(line: st.line, controlNumber: context.controlNumber, count: 1)
        events.append(.transactionOpened(context))
        events.append(.transactionSegment)
    }

    private mutating func closeTransaction(_ se: X12Segment, _ events: inout [X12EnvelopeEvent]) {
        guard var open = transaction else {
            events.append(.problem(X12Fault(line: se.line, reason: "SE without an open transaction (ST)")))
            return
        }
        open.count += 1
        transaction = nil
        events.append(.transactionSegment)
        let reasons = Self.trailerMismatches(se, counted: open, countName: "segments from ST to SE",
                                             countElement: "SE01", controlElement: "SE02", headerElement: "ST02")
        events.append(.transactionClosed(fault: reasons.map { X12Fault(line: se.line, reason: $0) }))
    }

    private mutating func closeGroup(_ ge: X12Segment, _ events: inout [X12EnvelopeEvent]) {
        abandonTransaction(at: ge, &events)
        guard let open = group else {
            events.append(.problem(X12Fault(line: ge.line, reason: "GE without an open functional group (GS)")))
            return
        }
        group = nil
        if let reasons = Self.trailerMismatches(ge, counted: open, countName: "transactions in the group",
                                                countElement: "GE01", controlElement: "GE02", headerElement: "GS06") {
            events.append(.problem(X12Fault(line: ge.line, reason: reasons)))
        }
    }

    private mutating func closeInterchange(_ iea: X12Segment, _ events: inout [X12EnvelopeEvent]) {
        abandonTransaction(at: iea, &events)
        if let group {
            events.append(.problem(X12Fault(line: group.line, reason: "functional group has no GE before the IEA on line \(iea.line)")))
            self.group = nil
        }
        guard let open = interchange else { return }
        interchange = nil
        if let reasons = Self.trailerMismatches(iea, counted: open, countName: "functional groups in the interchange",
                                                countElement: "IEA01", controlElement: "IEA02", headerElement: "ISA13") {
            events.append(.problem(X12Fault(line: iea.line, reason: reasons)))
        }
    }

    /// Closes a transaction whose SE never came, rejecting it.
    private mutating func abandonTransaction(at segment: X12Segment, _ events: inout [X12EnvelopeEvent]) {
        guard let open = transaction else { return }
        transaction = nil
        let reason = "transaction \(open.controlNumber) has no SE before the \(segment.identifier) on line \(segment.line)"
        events.append(.transactionClosed(fault: X12Fault(line: open.line, reason: reason)))
    }

    /// Why `trailer` (element 1 = count, element 2 = control number) disagrees with what was
    /// counted and the header's control number; nil when it agrees.
    private static func trailerMismatches(_ trailer: X12Segment, counted: Envelope, countName: String,
                                          countElement: String, controlElement: String, headerElement: String) -> String? {
        var reasons: [String] = []
        let declaredCount = trailer.element(1)
        if Int(declaredCount) != counted.count {
            reasons.append("\(countElement) \"\(declaredCount)\" does not match the \(counted.count) \(countName)")
        }
        let controlNumber = trailer.element(2)
        if !controlNumbersMatch(controlNumber, counted.controlNumber) {
            reasons.append("\(controlElement) \"\(controlNumber)\" does not match \(headerElement) \"\(counted.controlNumber)\" on line \(counted.line)")
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// Equal control numbers, or digit strings of the same number.
    private static func controlNumbersMatch(_ trailer: String, _ header: String) -> Bool {
        if trailer == header { return true }
        let isNumber = { (text: String) in !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        guard isNumber(trailer), isNumber(header) else { return false }
        return trailer.drop { $0 == "0" } == header.drop { $0 == "0" }
    }
}
