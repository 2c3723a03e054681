/// Makes any text safe to put into an HTML page, as element content or as a quoted attribute value
/// (inline SVG included): the report never writes a value from the ledger or the file system unescaped.
enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by their character references, wherever they stand
    /// (a quote followed by a combining mark included: see `escapingScalars`).
    static func escape(_ text: String) -> String {
        text.escapingScalars { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }
}
