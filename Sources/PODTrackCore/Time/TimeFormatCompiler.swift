/// Compiles a ``TimeFormat`` pattern string into its elements, validating tokens and fields.
struct TimeFormatCompiler {
    /// The name that selects the built-in ISO 8601 format.
    static let iso8601Name = "iso8601"

    /// `yyyy-MM-ddTHH:mm:ss`, an optional 1–9 digit fraction after `.` or `,`, and a required offset.
    static let iso8601Elements: [TimeFormatElement] = [
        .field(.year), .literal(UInt8(ascii: "-")), .field(.month), .literal(UInt8(ascii: "-")),
        .field(.day), .literal(UInt8(ascii: "T")), .field(.hour), .literal(UInt8(ascii: ":")),
        .field(.minute), .literal(UInt8(ascii: ":")), .field(.second),
        .optionalFraction, .offset(.colonOrCompact),
    ]

    private let scalars: [Unicode.Scalar]
    private var elements: [TimeFormatElement] = []
    private var seenFields: Set<TimeField> = []
    private var hasFraction = false
    private var hasOffset = false

    /// Compiles `pattern` (see ``TimeFormat`` for the syntax).
    static func compile(_ pattern: String) throws(TimeFormatError) -> [TimeFormatElement] {
        if pattern == iso8601Name { return iso8601Elements }
        var compiler = TimeFormatCompiler(scalars: Array(pattern.unicodeScalars))
        try compiler.compileAll()
        return compiler.elements
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private mutating func compileAll() throws(TimeFormatError) {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "'" {
                index = try compileQuoted(from: index)
            } else if scalar.isASCII && scalar.properties.isAlphabetic {
                index = try compileToken(from: index)
            } else {
                appendLiteral(scalar)
                index += 1
            }
        }
        for field in [TimeField.year, .month, .day] where !seenFields.contains(field) {
            throw .missingField(field.token)
        }
    }

    /// Handles `'…'` starting at the quote at `start`; `''` stands for one quote, inside or outside.
    /// Returns the index after the closing quote.
    private mutating func compileQuoted(from start: Int) throws(TimeFormatError) -> Int {
        var index = start + 1
        if index < scalars.count && scalars[index] == "'" {
            appendLiteral("'")
            return index + 1
        }
        while index < scalars.count {
            if scalars[index] == "'" {
                guard index + 1 < scalars.count && scalars[index + 1] == "'" else { return index + 1 }
                appendLiteral("'")
                index += 2
            } else {
                appendLiteral(scalars[index])
                index += 1
            }
        }
        throw .unterminatedQuote(position: start + 1)
    }

    /// Reads the run of one letter starting at `start` as a token; returns the index after it.
    private mutating func compileToken(from start: Int) throws(TimeFormatError) -> Int {
        let letter = scalars[start]
        var end = start + 1
        while end < scalars.count && scalars[end] == letter { end += 1 }
        let token = String(String.UnicodeScalarView(scalars[start..<end]))
        let position = start + 1
        guard let element = Self.element(for: token) else {
            throw .unknownToken(token, position: position)
        }
        switch element {
        case .field(let field):
            guard seenFields.insert(field).inserted else { throw .duplicateField(token, position: position) }
        case .fraction:
            guard !hasFraction else { throw .duplicateField(token, position: position) }
            hasFraction = true
        case .offset:
            guard !hasOffset else { throw .duplicateField(token, position: position) }
            hasOffset = true
        case .literal, .optionalFraction:
            break
        }
        elements.append(element)
        return end
    }

    private static func element(for token: String) -> TimeFormatElement? {
        if let field = TimeField.allCases.first(where: { $0.token == token }) { return .field(field) }
        if token.allSatisfy({ $0 == "S" }) && token.count <= 9 { return .fraction(digits: token.count) }
        switch token {
        case "XX": return .offset(.compact)
        case "XXX": return .offset(.colon)
        default: return nil
        }
    }

    private mutating func appendLiteral(_ scalar: Unicode.Scalar) {
        elements.append(contentsOf: String(scalar).utf8.map(TimeFormatElement.literal))
    }
}
