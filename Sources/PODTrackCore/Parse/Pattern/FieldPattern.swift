/// A pattern for pulling named fields out of log lines and values (e.g. print-job names), compiled
/// once from a pipeline definition and matched over UTF-8 bytes with bounded backtracking. Not a
/// regular expression.
///
/// Syntax:
/// - Literal text matches itself; `{{` and `}}` are literal braces.
/// - `{name}` captures 1+ bytes lazily: the shortest run that lets the rest match, extended on
///   backtracking. It must be followed by literal text or end the pattern.
/// - `{name:digits}` captures 1+ ASCII digits; `{name:token}` 1+ bytes other than space and tab.
///   Both are greedy (longest first) and back off one byte at a time.
/// - `{_}`, `{_:digits}`, `{_:token}` match the same way without capturing.
/// - The pattern matches the whole input (anchored at both ends).
///
/// Rejected at compile time (``PatternError``): empty pattern, unclosed `{`, stray `}`, empty or
/// non-identifier names, unknown classes, duplicate names, and a lazy `{name}` directly followed
/// by another field (ambiguous). A greedy field directly followed by another field is allowed.
///
/// Matching tries at most ``stepLimit`` steps; a pathological input that would need more is
/// reported as no match.
public struct FieldPattern: Sendable, CustomStringConvertible {
    /// Default bound on backtracking steps per match; ordinary log lines need a few dozen.
    public static let defaultStepLimit = 100_000

    /// The pattern source.
    public let source: String
    /// Names of the captured fields, in pattern order.
    public let captureNames: [String]
    /// Bound on backtracking steps per match.
    public let stepLimit: Int
    private let steps: [PatternStep]

    /// Compiles `source`; throws naming the problem and its position.
    public init(_ source: String, stepLimit: Int = FieldPattern.defaultStepLimit) throws(PatternError) {
        let compiled = try FieldPatternCompiler.compile(source)
        self.source = source
        self.steps = compiled.steps
        self.captureNames = compiled.captureNames
        self.stepLimit = stepLimit
    }

    /// The pattern source.
    public var description: String { source }

    /// Capture byte ranges (offsets into `utf8`) in the order of ``captureNames``, or nil when the
    /// input does not match.
    public func match(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var attempt = PatternMatchAttempt(
            steps: steps, captureCount: captureNames.count, input: utf8, stepLimit: stepLimit)
        return attempt.matches() ? attempt.captures : nil
    }

    /// Captured values by name, or nil when `string` does not match (for tests and tools).
    public func match(_ string: String) -> [String: String]? {
        var string = string
        return string.withUTF8 { utf8 in
            match(utf8).map { ranges in
                let values = ranges.map { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0]), as: UTF8.self) }
                return Dictionary(uniqueKeysWithValues: zip(captureNames, values))
            }
        }
    }
}
