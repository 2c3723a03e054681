/// Where and why part of an interchange is rejected.
struct X12Fault: Error, Sendable, Equatable {
    var line: Int
    var reason: String
}

/// What an ST opened: the transaction set and the interchange it travels in.
struct X12TransactionContext: Sendable, Equatable {
    /// ST01, the transaction set identifier (`214`, `210`, `997`).
    var type: String
    /// ST02, the transaction set control number.
    var controlNumber: String
    /// The line of the ST segment.
    var line: Int
    /// ISA06, the interchange sender.
    var sender: String
}

/// What a segment means for the envelope (ISA/GS/ST nesting), as reported by `X12EnvelopeChecker`.
enum X12EnvelopeEvent: Sendable, Equatable {
    /// An ST opened a transaction; its segments follow as `.transactionSegment`.
    case transactionOpened(X12TransactionContext)
    /// The segment belongs to the open transaction (its ST and SE included).
    case transactionSegment
    /// The open transaction ended: `fault` is nil when its SE closed it with matching count and
    /// control number, otherwise it says why the transaction is rejected.
    case transactionClosed(fault: X12Fault?)
    /// An envelope fault outside any one transaction (group or interchange counts, a stray segment);
    /// the segment that revealed it is the raw text.
    case problem(X12Fault)
}
