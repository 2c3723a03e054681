/// Compiles a ``FieldPattern`` source into matching steps and capture names.
struct FieldPatternCompiler {
    /// The name of a field that matches but is not captured.
    static let anonymousName = "_"

    /// A lexical piece of the source before literals are attached to lazy fields.
    private enum Piece {
        case literal([UInt8])
        case field(name: String, run: ByteClass?, position: Int)
    }

    private let scalars: [Unicode.Scalar]
    private var pieces: [Piece] = []
    private var pendingLiteral: [UInt8] = []

    /// Compiles `source` (see ``FieldPattern`` for the syntax).
    static func compile(_ source: String) throws(PatternError) -> (steps: [PatternStep], captureNames: [String]) {
        guard !source.isEmpty else { throw .emptyPattern }
        var compiler = FieldPatternCompiler(scalars: Array(source.unicodeScalars))
        try compiler.splitIntoPieces()
        return try compiler.steps()
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private mutating func splitIntoPieces() throws(PatternError) {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let isDoubled = index + 1 < scalars.count && scalars[index + 1] == scalar
            switch scalar {
            case "{" where isDoubled, "}" where isDoubled:
                pendingLiteral.append(UInt8(ascii: scalar))
                index += 2
            case "{":
                index = try readField(openingAt: index)
            case "}":
                throw .unmatchedClosingBrace(position: index + 1)
            default:
                pendingLiteral.append(contentsOf: String(scalar).utf8)
                index += 1
            }
        }
        flushLiteral()
    }

    /// Reads `{name}` or `{name:class}` whose `{` is at `open`; returns the index after `}`.
    private mutating func readField(openingAt open: Int) throws(PatternError) -> Int {
        guard let close = scalars[open...].firstIndex(of: "}") else {
            throw .unclosedBrace(position: open + 1)
        }
        let body = String(String.UnicodeScalarView(scalars[(open + 1)..<close]))
        let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        let position = open + 1
        guard !name.isEmpty else { throw .emptyName(position: position) }
        guard Self.isIdentifier(name) else { throw .invalidName(name, position: position) }
        var run: ByteClass?
        if parts.count == 2 {
            guard let known = ByteClass(rawValue: String(parts[1])) else {
                throw .unknownClass(String(parts[1]), position: position)
            }
            run = known
        }
        flushLiteral()
        pieces.append(.field(name: name, run: run, position: position))
        return close + 1
    }

    private mutating func flushLiteral() {
        guard !pendingLiteral.isEmpty else { return }
        pieces.append(.literal(pendingLiteral))
        pendingLiteral.removeAll()
    }

    /// Turns pieces into steps, attaching the literal after each lazy field as its terminator.
    private func steps() throws(PatternError) -> (steps: [PatternStep], captureNames: [String]) {
        var steps: [PatternStep] = []
        var captureNames: [String] = []
        var index = 0
        while index < pieces.count {
            switch pieces[index] {
            case .literal(let bytes):
                steps.append(.literal(bytes))
                index += 1
            case .field(let name, let run, let position):
                var capture: Int?
                if name != Self.anonymousName {
                    guard !captureNames.contains(name) else { throw .duplicateName(name, position: position) }
                    capture = captureNames.count
                    captureNames.append(name)
                }
                switch (run, index + 1 < pieces.count ? pieces[index + 1] : nil) {
                case (let run?, _):
                    steps.append(.greedy(capture: capture, run: run))
                    index += 1
                case (nil, nil):
                    steps.append(.lazy(capture: capture, terminator: nil))
                    index += 1
                case (nil, .literal(let terminator)?):
                    steps.append(.lazy(capture: capture, terminator: terminator))
                    index += 2
                case (nil, .field(let next, _, let nextPosition)?):
                    throw .ambiguousAdjacentFields(first: name, second: next, position: nextPosition)
                }
            }
        }
        return (steps, captureNames)
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar)
        }
    }
}
