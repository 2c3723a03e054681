/// Reads one ISA segment byte by byte and works out the separators of its interchange.
///
/// ISA is nominally fixed-width (106 characters), but real files pad oddly or wrap it at 80
/// columns, so ISA16 is found by counting 16 element separators (line breaks before it are
/// ignored) and the segment terminator is the whole UTF-8 scalar right after ISA16, even when
/// that is a line break.
struct X12InterchangeHeaderScanner {
    /// Far longer than any real ISA; past it the input is not an interchange header.
    private static let maximumLength = 512
    private static let identifier = Array("ISA".utf8)

    private var isa = X12Segment()
    private var separatorsSeen = 0
    private var componentSeen = false
    private var terminator: [UInt8] = []
    private var terminatorLength = 0
    /// Where the header was expected, for error text ("at the start of the input").
    private let expectedWhere: String

    /// A scanner for an ISA that starts on `line`, expected `expectedWhere`.
    init(line: Int, expectedWhere: String) {
        isa.start(line: line)
        self.expectedWhere = expectedWhere
    }

    /// The line the ISA starts on.
    var line: Int { isa.line }

    /// Takes the next byte of the ISA; returns the segment and its separators once the terminator
    /// is complete, or nil while more bytes are needed. Throws when the bytes are not an ISA.
    mutating func consume(_ byte: UInt8) throws(DropFailure) -> (isa: X12Segment, separators: X12Separators)? {
        if componentSeen {
            return try consumeTerminator(byte)
        }
        if byte.isLineBreak {
            return nil
        }
        let position = isa.bytes.count
        if position < Self.identifier.count {
            guard byte == Self.identifier[position] else {
                throw DropFailure("line \(isa.line): expected an ISA interchange header \(expectedWhere)",
                                  hint: "The file is not an X12 interchange (it must start with ISA).")
            }
        } else if position == Self.identifier.count {
            separatorsSeen = 1
        } else if separatorsSeen == 16 {
            componentSeen = true
        } else if byte == isa.bytes[Self.identifier.count] {
            separatorsSeen += 1
        }
        isa.append(byte)
        guard isa.bytes.count <= Self.maximumLength else {
            throw X12Separators.failure(isa.line, "no 16 elements within \(Self.maximumLength) bytes")
        }
        return nil
    }

    /// Collects the bytes of the terminator scalar that follows ISA16.
    private mutating func consumeTerminator(_ byte: UInt8) throws(DropFailure) -> (isa: X12Segment, separators: X12Separators)? {
        if terminator.isEmpty {
            terminatorLength = Self.scalarLength(leadByte: byte)
        }
        terminator.append(byte)
        guard terminator.count == terminatorLength else { return nil }
        let element = isa.bytes[Self.identifier.count]
        isa.splitElements(at: element)
        let separators = try X12Separators(isa: isa, element: element, terminator: terminator)
        return (isa, separators)
    }

    /// The number of bytes of the UTF-8 scalar that starts with `leadByte`.
    private static func scalarLength(leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
