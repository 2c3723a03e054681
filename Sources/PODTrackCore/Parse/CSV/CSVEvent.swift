/// What the reader reports, in input order.
public enum CSVEvent: Sendable {
    /// A well-formed record.
    case record(CSVRecord)
    /// A record that could not be read as written; reading goes on after it.
    case problem(CSVProblem)
    /// A comment line (see `CSVDialect.commentPrefix`); `text` is the line after the prefix.
    case comment(line: Int, text: String)
}

/// A record the reader could not take as written, with its location; the reader resynchronises and goes on.
public struct CSVProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based physical line of the offending byte.
    public let line: Int
    /// 1-based position of the offending character within its line, counted in Unicode scalars.
    public let column: Int
    /// What is wrong.
    public let reason: String
    /// The rejected record's text as it stood in the input, without its line end.
    public let rawText: String

    /// Creates a problem report.
    public init(line: Int, column: Int, reason: String, rawText: String) {
        self.line = line
        self.column = column
        self.reason = reason
        self.rawText = rawText
    }

    /// A one-line message naming the location and the reason.
    public var description: String { "line \(line), column \(column): \(reason)" }
}
