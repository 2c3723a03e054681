/// Reads ANSI X12 214 (transportation carrier shipment status) interchanges into one record per
/// AT7 status event, streaming: memory holds at most the current transaction.
///
/// Any number of interchanges (each with its own separators), groups and transactions may follow
/// one another. A transaction whose SE trailer disagrees with it, or that has a malformed segment,
/// becomes a `.problem` and the rest of the file goes on; so do group and interchange trailer
/// mismatches. Transactions other than 214 are `.noise(count: 1)` each. Input that does not start
/// with an ISA, or ends inside an envelope, throws a `DropFailure` (after emitting what was complete).
public struct X12ShipmentStatusReader: StructuredReader {
    /// `tracking`, `shipment_id`, `scac`, `references`, `status`, `reason`, `appointment_status`,
    /// `date`, `time`, `time_code`, `city`, `state`, `country`, `sender`, `control_number`.
    public static let fieldNames = X12ShipmentStatusField.allCases.map(\.name)

    private var tokenizer = X12SegmentTokenizer()
    private var envelope = X12EnvelopeChecker()
    private var transaction: X12OpenTransaction?
    /// Reused for each segment's envelope events.
    private var events: [X12EnvelopeEvent] = []

    /// A reader at the start of a file.
    public init() {}

    /// Reads the next chunk of the file (any size; segments may span chunks) and emits what it completes.
    public mutating func feed(_ utf8: UnsafeBufferPointer<UInt8>, _ emit: (StructuredOutput) throws -> Void) throws {
        var position = 0
        while try tokenizer.nextSegment(in: utf8, from: &position) {
            try consume(tokenizer.segment, emit)
        }
    }

    /// Ends the file: reads a last segment that lacks its terminator, then throws a `DropFailure`
    /// if the file is empty or ends inside an envelope.
    public mutating func finish(_ emit: (StructuredOutput) throws -> Void) throws {
        if try tokenizer.finish() {
            try consume(tokenizer.segment, emit)
        }
        try envelope.finish()
    }

    private mutating func consume(_ segment: X12Segment, _ emit: (StructuredOutput) throws -> Void) throws {
        events.removeAll(keepingCapacity: true)
        try envelope.consume(segment, into: &events)
        for event in events {
            switch event {
            case .transactionOpened(let context):
                transaction = X12OpenTransaction(context)
            case .transactionSegment:
                transaction?.append(segment)
            case .transactionClosed(let fault):
                try transaction.take()?.close(fault: fault, emit)
            case .problem(let fault):
                try emit(.problem(StructuredProblem(line: fault.line, reason: fault.reason, rawText: segment.text)))
            }
        }
    }
}
