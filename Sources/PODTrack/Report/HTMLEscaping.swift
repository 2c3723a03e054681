/// Makes any text safe to put into an HTML page, as element content or as a quoted attribute value
/// (inline SVG included): the report never writes a value from the ledger or the file system unescaped.
enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by their character references.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
