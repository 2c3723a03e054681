/// How a CSV file is written.
///
/// All settings are single ASCII bytes; multi-byte UTF-8 never contains ASCII bytes, so the reader
/// can scan UTF-8 byte by byte.
public struct CSVDialect: Sendable, Equatable {
    /// Separates fields within a record.
    public var delimiter: UInt8
    /// Encloses fields that contain delimiters, quotes or line breaks; nil means no quoting at all.
    public var quote: UInt8?
    /// Inside a quoted field, makes the next byte literal (e.g. `\"`); nil means quotes are
    /// escaped by doubling (`""`). Outside quotes it is an ordinary byte.
    public var escape: UInt8?
    /// Strip unquoted leading and trailing spaces (U+0020) around fields; a quote after leading
    /// spaces then opens a quoted field.
    public var trimSpaces: Bool
    /// Lines whose first byte is this are comments: reported as `.comment`, never as records.
    public var commentPrefix: UInt8?
    /// Lines with no bytes at all are skipped; otherwise each is a record with one empty field.
    public var skipEmptyLines: Bool

    /// Creates a dialect; the defaults are RFC 4180 with empty lines skipped.
    public init(
        delimiter: UInt8 = UInt8(ascii: ","),
        quote: UInt8? = .doubleQuote,
        escape: UInt8? = nil,
        trimSpaces: Bool = false,
        commentPrefix: UInt8? = nil,
        skipEmptyLines: Bool = true
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.escape = escape
        self.trimSpaces = trimSpaces
        self.commentPrefix = commentPrefix
        self.skipEmptyLines = skipEmptyLines
    }

    /// The byte that, inside quotes, makes the following byte literal: the escape byte, or the
    /// quote itself when quotes are doubled.
    var literalMarker: UInt8? { escape ?? quote }
}
