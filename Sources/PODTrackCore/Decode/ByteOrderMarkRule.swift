/// How the first bytes of an input choose the byte rules: which byte-order marks an encoding
/// recognises, what each one means, and what happens when none is present.
struct ByteOrderMarkRule: Sendable {
    /// What a recognised mark (or its absence) leads to.
    enum Outcome: Sendable {
        case decode(ByteDecoder)
        case reject(String)
    }

    let marks: [(bytes: [UInt8], outcome: Outcome)]
    let withoutMark: Outcome

    /// The longest mark, i.e. how many leading bytes may have to be looked at before deciding.
    var lookahead: Int { marks.map(\.bytes.count).max() ?? 0 }

    /// The rule for `encoding`.
    init(for encoding: TextEncoding) {
        let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
        let bigEndianBOM: [UInt8] = [0xFE, 0xFF], littleEndianBOM: [UInt8] = [0xFF, 0xFE]
        let bigEndian = ByteDecoder.utf16(bigEndian: true), littleEndian = ByteDecoder.utf16(bigEndian: false)
        switch encoding {
        case .utf8:
            marks = [(utf8BOM, .decode(.utf8))]
            withoutMark = .decode(.utf8)
        case .utf16:
            marks = [(bigEndianBOM, .decode(bigEndian)), (littleEndianBOM, .decode(littleEndian))]
            withoutMark = .reject(
                "utf-16 input has no byte-order mark: name the byte order as utf-16le or utf-16be")
        case .utf16LE:
            marks = [(littleEndianBOM, .decode(littleEndian)),
                     (bigEndianBOM, .reject("byte-order mark FE FF says big-endian, but utf-16le was named"))]
            withoutMark = .decode(littleEndian)
        case .utf16BE:
            marks = [(bigEndianBOM, .decode(bigEndian)),
                     (littleEndianBOM, .reject("byte-order mark FF FE says little-endian, but utf-16be was named"))]
            withoutMark = .decode(bigEndian)
        case .windows1252:
            marks = []
            withoutMark = .decode(.singleByte(.windows1252))
        case .iso88591:
            marks = []
            withoutMark = .decode(.singleByte(.latin1))
        }
    }

    /// Decides from the first bytes of the input: the byte rules and the length of the mark to skip,
    /// or nil when `lead` could still grow into a mark and more input may follow.
    func resolve(_ lead: [UInt8], atEndOfInput: Bool) throws(DecodeError) -> (decoder: ByteDecoder, markLength: Int)? {
        if let match = marks.first(where: { lead.starts(with: $0.bytes) }) {
            return try Self.apply(match.outcome, markLength: match.bytes.count)
        }
        if !atEndOfInput, marks.contains(where: { $0.bytes.starts(with: lead) }) { return nil }
        return try Self.apply(withoutMark, markLength: 0)
    }

    private static func apply(_ outcome: Outcome, markLength: Int) throws(DecodeError) -> (decoder: ByteDecoder, markLength: Int) {
        switch outcome {
        case .decode(let decoder): return (decoder, markLength)
        case .reject(let reason): throw DecodeError(byteOffset: 0, reason: reason)
        }
    }
}
