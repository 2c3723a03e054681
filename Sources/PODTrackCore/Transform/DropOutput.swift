/// Where a drop's parsed records go, in file order: the ledger writer, `podtrack try`, or a test.
public protocol DropOutput: AnyObject {
    /// A record that became a status event.
    func accept(_ event: StatusEvent) throws
    /// A record that could not become an event; the rest of the file goes on.
    func reject(_ row: RejectedRow) throws
    /// The digest of a record that became an event, or was skipped as one the source's previous
    /// drop held (`RecordMemory`): what the source's next drop may skip.
    func remember(_ digest: RecordDigest) throws
}

extension DropOutput {
    /// Outputs that keep no memory of records (`podtrack try`, tests) ignore the digests.
    public func remember(_ digest: RecordDigest) throws {}
}

/// What a drop held besides its events: counted, not errors.
public struct DropCounts: Sendable, Equatable {
    /// Records read (CSV rows after the header, log lines that matched the pattern).
    public var records = 0
    /// Records whose status word the source ignores on purpose.
    public var ignored = 0
    /// Records the source's previous drop held byte for byte (`RecordMemory`): their events are
    /// in the ledger already, so they were skipped unread. Counted in `records` too.
    public var unchanged = 0
    /// Lines that are not records (log noise, comments, blank lines).
    public var noise = 0
    /// Physical lines in the file (a last line without a line break counts).
    public var lines = 0
    /// True when the file ends with a line break outside any quoted field: a later, longer copy
    /// of it can be read on from its end (cumulative logs and tracking files).
    public var endsOnRecordBoundary = false

    public init() {}
}

/// Why a whole file cannot be used: it goes to quarantine with this text beside it.
public struct DropFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// What the operator can do about it.
    public var hint: String

    public init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }

    public var description: String { message }
}
