/// Bytes the text readers (CSV, line logs, X12) look for.
extension UInt8 {
    static let carriageReturn = UInt8(ascii: "\r")
    static let lineFeed = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")

    /// CR or LF.
    var isLineBreak: Bool { self == .carriageReturn || self == .lineFeed }
}
