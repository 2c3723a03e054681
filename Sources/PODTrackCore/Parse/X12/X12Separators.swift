/// The delimiters of one X12 interchange, read from its ISA segment.
///
/// The element separator is the byte right after `ISA`, ISA16 is the component separator, and the
/// segment terminator is the whole UTF-8 scalar after ISA16 (it may be a newline or multi-byte,
/// like `…`). ISA11 is the repetition separator from version 00402 on; before that it is the
/// standards identifier (`U`) and there is no repetition separator.
struct X12Separators: Sendable, Equatable {
    var element: UInt8
    var repetition: UInt8?
    var component: UInt8
    /// The UTF-8 bytes of the segment terminator scalar (1 to 4 bytes).
    var terminator: [UInt8]

    /// The separators of the ISA segment `isa` (split at `element`, the byte after `ISA`) followed
    /// by the `terminator` scalar; `isa.line` is named in the error text.
    init(isa: X12Segment, element: UInt8, terminator: [UInt8]) throws(DropFailure) {
        let componentElement = isa.rawElement(16)
        guard componentElement.count == 1, let component = componentElement.first else {
            throw Self.failure(isa.line, "ISA16 (component separator) is not a single character")
        }
        self.element = element
        self.component = component
        self.terminator = terminator
        repetition = Self.repetitionSeparator(isa.rawElement(11), version: isa.element(12))
        try validate(line: isa.line)
    }

    /// ISA11 when the version ISA12 is 00402 or later and ISA11 is a single delimiter byte
    /// (some senders keep `U` there; that is not a separator).
    private static func repetitionSeparator(_ isa11: ArraySlice<UInt8>, version isa12: String) -> UInt8? {
        guard let version = Int(isa12), version >= 402,
              isa11.count == 1, let candidate = isa11.first, candidate.canDelimitX12 else { return nil }
        return candidate
    }

    /// Rejects delimiters that would make the data ambiguous: letters, digits, spaces or reused bytes.
    private func validate(line: Int) throws(DropFailure) {
        guard element.canDelimitX12, !element.isLineBreak else {
            throw Self.failure(line, "the element separator after ISA is not punctuation")
        }
        guard component.canDelimitX12, !component.isLineBreak, component != element else {
            throw Self.failure(line, "ISA16 (component separator) is not punctuation distinct from the element separator")
        }
        let singleByteTerminator = terminator.count == 1 ? terminator.first : nil
        if let singleByteTerminator {
            guard singleByteTerminator.canDelimitX12,
                  singleByteTerminator != element, singleByteTerminator != component else {
                throw Self.failure(line, "the segment terminator after ISA16 is not punctuation distinct from the other separators")
            }
        }
        if let repetition, repetition == element || repetition == component || repetition == singleByteTerminator {
            throw Self.failure(line, "ISA11 (repetition separator) repeats another separator")
        }
    }

    /// A failure for an unusable interchange header.
    static func failure(_ line: Int, _ problem: String) -> DropFailure {
        DropFailure("line \(line): invalid ISA interchange header: \(problem)",
                    hint: "The file is not a well-formed X12 interchange; ask the sender to re-send it.")
    }
}

extension UInt8 {
    /// A 7-bit byte that is not a letter, digit or space (those occur in element data).
    var canDelimitX12: Bool {
        switch self {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "), 0x80...:
            return false
        default:
            return true
        }
    }
}
