/// One X12 segment: its bytes without the terminator (line breaks removed) split into elements.
///
/// Element 0 is the segment identifier (`ST`, `AT7`), so `element(1)` is the first data element
/// (`AT7-01`). The tokenizer reuses one instance, so reading segments allocates nothing per byte.
struct X12Segment: Sendable {
    /// The segment's text without its terminator.
    private(set) var bytes: [UInt8] = []
    /// Where each element starts in `bytes`; element `i` ends at the separator before `elementStarts[i + 1]`.
    private(set) var elementStarts: [Int] = []
    /// The physical line (1-based) the segment starts on.
    private(set) var line = 1
    /// The segment identifier (element 0) trimmed of spaces, set by `splitElements`.
    private(set) var identifier = ""

    /// An empty segment starting on `line`, ready for `append`.
    mutating func start(line: Int) {
        bytes.removeAll(keepingCapacity: true)
        elementStarts.removeAll(keepingCapacity: true)
        identifier = ""
        self.line = line
    }

    /// Adds a byte of the segment's text.
    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Adds bytes of the segment's text.
    mutating func append(contentsOf run: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: run)
    }

    /// Drops the last `count` bytes (a multi-byte terminator that was appended before it was recognised).
    mutating func removeLast(_ count: Int) {
        bytes.removeLast(count)
    }

    /// Splits the finished text into elements at `separator`.
    mutating func splitElements(at separator: UInt8) {
        elementStarts.removeAll(keepingCapacity: true)
        elementStarts.append(0)
        for (offset, byte) in bytes.enumerated() where byte == separator {
            elementStarts.append(offset + 1)
        }
        identifier = element(0)
    }

    /// True when the segment has no text (two terminators in a row).
    var isEmpty: Bool { bytes.isEmpty }

    /// Element `index` (0 = identifier) trimmed of surrounding spaces; "" when the segment is shorter.
    func element(_ index: Int) -> String {
        let raw = rawElement(index)
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") }
        guard let first = raw.firstIndex(where: { !isSpace($0) }),
              let last = raw.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: raw[first...last], as: UTF8.self)
    }

    /// The raw bytes of element `index`, untrimmed; empty when the segment is shorter.
    func rawElement(_ index: Int) -> ArraySlice<UInt8> {
        guard index >= 0, index < elementStarts.count else { return [] }
        let end = index + 1 < elementStarts.count ? elementStarts[index + 1] - 1 : bytes.count
        return bytes[elementStarts[index]..<end]
    }

    /// The segment's text without its terminator.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
