/// One record of a structured format (X12, JMF): values in the order of its reader's `fieldNames`
/// (an absent value is ""), with the line it starts on and its raw text for the rejects table.
public struct StructuredRecord: Sendable, Equatable {
    public var values: [String]
    public var line: Int
    public var rawText: String

    public init(values: [String], line: Int, rawText: String) {
        self.values = values
        self.line = line
        self.rawText = rawText
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
