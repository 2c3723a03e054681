/// One record of a structured format (X12, JMF): values in the order of its reader's `fieldNames`
/// (an absent value is ""), with the line it starts on and its raw text for the rejects table.
/// The raw text may be rendered only when asked for: only a rejected record needs it, and
/// rendering every JMF element took 7% of the full 200k-order world's pass.
public struct StructuredRecord: Sendable, Equatable {
    public var values: [String]
    public var line: Int
    private let renderRawText: @Sendable () -> String

    public init(values: [String], line: Int, rawText: String) {
        self.init(values: values, line: line, renderingRawText: { rawText })
    }

    /// A record whose raw text `render` makes when it is asked for.
    public init(values: [String], line: Int, renderingRawText render: @escaping @Sendable () -> String) {
        self.values = values
        self.line = line
        self.renderRawText = render
    }

    public var rawText: String { renderRawText() }

    public static func == (lhs: StructuredRecord, rhs: StructuredRecord) -> Bool {
        lhs.values == rhs.values && lhs.line == rhs.line && lhs.rawText == rhs.rawText
    }
}

/// A part of a structured file that is rejected alone (an X12 transaction with a bad segment);
/// the rest of the file goes on.
public struct StructuredProblem: Sendable, Equatable, Error, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var rawText: String

    public init(line: Int, reason: String, rawText: String) {
        self.line = line
        self.reason = reason
        self.rawText = rawText
    }

    public var description: String { "line \(line): \(reason)" }
}

/// What a structured reader yields as it goes.
public enum StructuredOutput: Sendable, Equatable {
    case record(StructuredRecord)
    case problem(StructuredProblem)
    /// Parts that carry no status (a device status without jobs, an envelope): counted, not errors.
    case noise(count: Int)
}

/// A streaming reader of a structured format. A file that cannot be read at all (no interchange
/// header, malformed XML) makes `feed` or `finish` throw a `DropFailure` naming where.
public protocol StructuredReader {
    /// The raw field names its records carry, in order: what a source definition's `fields` may name.
    static var fieldNames: [String] { get }
    init()
    mutating func feed(_ utf8: UnsafeBufferPointer<UInt8>, _ emit: (StructuredOutput) throws -> Void) throws
    mutating func finish(_ emit: (StructuredOutput) throws -> Void) throws
}
