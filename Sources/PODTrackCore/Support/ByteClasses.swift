/// Bytes the text readers (CSV, line logs, X12) and the export writer look for.
extension UInt8 {
    public static let carriageReturn = UInt8(ascii: "\r")
    public static let lineFeed = UInt8(ascii: "\n")
    public static let space = UInt8(ascii: " ")
    public static let tab = UInt8(ascii: "\t")
    public static let doubleQuote = UInt8(ascii: "\"")

    /// CR or LF.
    public var isLineBreak: Bool { self == .carriageReturn || self == .lineFeed }

    /// A space or a tab: what fields are trimmed of.
    public var isSpaceOrTab: Bool { self == .space || self == .tab }
}
