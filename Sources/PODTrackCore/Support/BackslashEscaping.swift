extension String {
    /// The string with each backslash, double quote and line feed escaped by a backslash (`\\`,
    /// `\"`, `\n`), as Prometheus label values and logfmt's quoted values spell them; the string
    /// itself, uncopied, when it has none of the three (nearly always: the metrics file writes a
    /// few hundred labels every pass).
    public var backslashEscaped: String {
        let specials: [Unicode.Scalar] = ["\\", "\"", "\n"]
        guard unicodeScalars.contains(where: specials.contains) else { return self }
        var escaped = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "\\": escaped.append(contentsOf: #"\\"#.unicodeScalars)
            case "\"": escaped.append(contentsOf: #"\""#.unicodeScalars)
            case "\n": escaped.append(contentsOf: #"\n"#.unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
