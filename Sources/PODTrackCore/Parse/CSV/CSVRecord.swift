/// Where one field's value lies in its record's raw bytes.
struct FieldSpan: Sendable, Equatable {
    /// Range of the value in the record's bytes: inside the quotes of a quoted field, without
    /// trimmed spaces of an unquoted one.
    var start: Int
    var end: Int
    /// The value contains doubled quotes or escapes that must be removed when materialised.
    var hasLiteralMarkers: Bool
}

/// One record: its fields and where it starts. Fields are materialised lazily from the raw bytes.
///
/// A record is an ordinary value and stays valid after the reader's callback returns; it shares
/// the reader's buffer until then, so records that are not kept cost no copy.
public struct CSVRecord: Sendable {
    /// 1-based physical line where the record starts.
    public let line: Int
    private let bytes: [UInt8]
    private let spans: [FieldSpan]
    private let literalMarker: UInt8?

    init(line: Int, bytes: [UInt8], spans: [FieldSpan], literalMarker: UInt8?) {
        self.line = line
        self.bytes = bytes
        self.spans = spans
        self.literalMarker = literalMarker
    }

    /// The number of fields.
    public var count: Int { spans.count }

    /// Field `index` (0-based; must be less than `count`).
    public subscript(index: Int) -> String {
        let span = spans[index]
        let value = bytes[span.start..<span.end]
        guard span.hasLiteralMarkers, let marker = literalMarker else {
            return String(decoding: value, as: UTF8.self)
        }
        return String(decoding: Self.removingMarkers(marker, from: value), as: UTF8.self)
    }

    /// All fields, in order.
    public func fields() -> [String] { spans.indices.map { self[$0] } }

    /// The record's raw text as it stood in the input (for the rejects table), without the line end.
    public var rawText: String { String(decoding: bytes, as: UTF8.self) }

    /// The digest of the record's raw bytes, without the line end (`RecordMemory`).
    public func digest(seed: RecordDigest) -> RecordDigest { RecordDigest(of: bytes, seed: seed) }

    /// `value` with every marker byte dropped and the byte after it kept literally.
    private static func removingMarkers(_ marker: UInt8, from value: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(value.count)
        var afterMarker = false
        for byte in value {
            if byte == marker, !afterMarker {
                afterMarker = true
            } else {
                result.append(byte)
                afterMarker = false
            }
        }
        return result
    }
}
