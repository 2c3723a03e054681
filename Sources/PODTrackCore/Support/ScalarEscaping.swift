extension String {
    /// The string with every Unicode scalar for which `spelling` returns text replaced by that
    /// text; the string itself, uncopied, when there is none (nearly always: the metrics file
    /// and the pass log escape a few hundred values a pass). Scalar by scalar, not character by
    /// character: a quote or an angle bracket followed by a combining mark is one `Character`
    /// that equals neither, and would otherwise be let through unescaped.
    public func escapingScalars(_ spelling: (Unicode.Scalar) -> String?) -> String {
        guard let first = unicodeScalars.firstIndex(where: { spelling($0) != nil }) else { return self }
        var escaped = String.UnicodeScalarView()
        escaped.append(contentsOf: unicodeScalars[..<first])
        for scalar in unicodeScalars[first...] {
            if let text = spelling(scalar) { escaped.append(contentsOf: text.unicodeScalars) } else { escaped.append(scalar) }
        }
        return String(escaped)
    }

    /// The string with each backslash, double quote and line feed escaped by a backslash (`\\`,
    /// `\"`, `\n`), as Prometheus label values and logfmt's quoted values spell them.
    public var backslashEscaped: String {
        escapingScalars { scalar in
            switch scalar {
            case "\\": #"\\"#
            case "\"": #"\""#
            case "\n": #"\n"#
            default: nil
            }
        }
    }

    /// The string as a logfmt value: bare when it has no space, `=`, quote or line break (and is
    /// not empty), otherwise quoted, with `backslashEscaped` inside the quotes.
    public var logfmtValue: String {
        let needsQuotes = isEmpty || unicodeScalars.contains { $0 == " " || $0 == "=" || $0 == "\"" || Character($0).isNewline }
        return needsQuotes ? "\"" + backslashEscaped + "\"" : self
    }

    /// The string as a JSON string literal, quotes included: a quote, a backslash and every
    /// control character escaped (RFC 8259, section 7).
    public var jsonQuoted: String {
        let body = escapingScalars { scalar in
            switch scalar {
            case "\"": #"\""#
            case "\\": #"\\"#
            case "\n": #"\n"#
            case "\r": #"\r"#
            case "\t": #"\t"#
            case _ where scalar.value < 0x20:
                #"\u00"# + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: nil
            }
        }
        return "\"" + body + "\""
    }
}
