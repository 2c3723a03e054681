/// The raw text of a transaction for the rejects table: its segments one per line (without
/// terminators), cut off after `limit` bytes so a huge rejected transaction stays small.
struct X12TransactionText: Sendable {
    /// The most bytes kept.
    static let limit = 4096
    /// Appended when the text was cut off.
    static let truncationMarker = "\n…"

    private var bytes: [UInt8] = []
    private var truncated = false

    /// Adds `segment` on a line of its own, or as much of it as fits.
    mutating func append(_ segment: X12Segment) {
        guard !truncated else { return }
        let lineBreakLength = bytes.isEmpty ? 0 : 1
        var fitting = segment.bytes.count
        if bytes.count + lineBreakLength + fitting > Self.limit {
            truncated = true
            fitting = max(Self.limit - bytes.count - lineBreakLength, 0)
            while fitting > 0, segment.bytes[fitting] & 0xC0 == 0x80 {
                fitting -= 1
            }
        }
        guard fitting > 0 else { return }
        if lineBreakLength > 0 {
            bytes.append(UInt8(ascii: "\n"))
        }
        bytes.append(contentsOf: segment.bytes[..<fitting])
    }

    /// The text gathered so far.
    var text: String {
        String(decoding: bytes, as: UTF8.self) + (truncated ? Self.truncationMarker : "")
    }
}
