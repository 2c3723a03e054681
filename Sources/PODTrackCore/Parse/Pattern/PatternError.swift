/// Why a ``FieldPattern`` source does not compile. Positions are 1-based character positions in
/// the pattern source.
public enum PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern is the empty string.
    case emptyPattern
    /// A `{` that is not `{{` and has no closing `}`.
    case unclosedBrace(position: Int)
    /// A `}` that is not `}}` and closes no field.
    case unmatchedClosingBrace(position: Int)
    /// `{}` or `{:class}`: a field without a name.
    case emptyName(position: Int)
    /// A field name that is not an identifier (letters, digits, `_`; not starting with a digit).
    case invalidName(String, position: Int)
    /// A class other than `digits` or `token` after the colon.
    case unknownClass(String, position: Int)
    /// Two captures with the same name.
    case duplicateName(String, position: Int)
    /// A lazy field (no class) directly followed by another field: where one ends and the next
    /// begins would be arbitrary, so a literal is required between them.
    case ambiguousAdjacentFields(first: String, second: String, position: Int)

    /// A one-line explanation naming the problem and where it is.
    public var description: String {
        switch self {
        case .emptyPattern:
            "pattern is empty"
        case .unclosedBrace(let position):
            "'{' at position \(position) is never closed (write '{{' for a literal brace)"
        case .unmatchedClosingBrace(let position):
            "'}' at position \(position) closes no field (write '}}' for a literal brace)"
        case .emptyName(let position):
            "field at position \(position) has no name (use '_' for an uncaptured field)"
        case .invalidName(let name, let position):
            "field name '\(name)' at position \(position) is not an identifier (letters, digits, '_')"
        case .unknownClass(let name, let position):
            "unknown class '\(name)' at position \(position) (known: digits, token)"
        case .duplicateName(let name, let position):
            "field name '\(name)' at position \(position) is already captured earlier in the pattern"
        case .ambiguousAdjacentFields(let first, let second, let position):
            "field '{\(first)}' is directly followed by '{\(second)}' at position \(position); "
                + "put literal text between them or give '{\(first)}' a class (digits, token)"
        }
    }
}
