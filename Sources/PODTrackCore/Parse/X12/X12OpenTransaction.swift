/// A transaction between its ST and SE: its raw text for the rejects table and, for a 214, the
/// records being assembled. Other transaction sets are only carried to their SE and counted.
struct X12OpenTransaction {
    /// The transaction set whose records this reader reads.
    static let shipmentStatusType = "214"

    let context: X12TransactionContext
    private var text = X12TransactionText()
    private var shipmentStatus: X12ShipmentStatusAssembler?

    /// A transaction opened by the ST described by `context`.
    init(_ context: X12TransactionContext) {
        self.context = context
        shipmentStatus = context.type == Self.shipmentStatusType ? X12ShipmentStatusAssembler() : nil
    }

    /// Takes the next segment of the transaction.
    mutating func append(_ segment: X12Segment) {
        text.append(segment)
        shipmentStatus?.consume(segment)
    }

    /// Emits the transaction's outcome: its records, a problem when `fault` (from the envelope)
    /// or a bad segment rejects it, or noise for a transaction that carries no status event.
    func close(fault: X12Fault?, _ emit: (StructuredOutput) throws -> Void) throws {
        let outcome: Result<[StructuredRecord], X12Fault>
        if let fault {
            outcome = .failure(fault)
        } else {
            outcome = shipmentStatus?.records(in: context) ?? .success([])
        }
        switch outcome {
        case .failure(let fault):
            try emit(.problem(StructuredProblem(line: fault.line, reason: fault.reason, rawText: text.text)))
        case .success(let records) where records.isEmpty:
            try emit(.noise(count: 1))
        case .success(let records):
            for record in records {
                try emit(.record(record))
            }
        }
    }
}
