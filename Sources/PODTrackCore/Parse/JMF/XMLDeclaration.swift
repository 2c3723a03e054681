import Foundation

/// The reader is handed UTF-8 whatever encoding the file was in (the drop's decoder already
/// converted it), so an XML declaration naming another encoding would make libxml2 decode the
/// bytes a second time. This rewrites that name to UTF-8.
enum XMLDeclaration {
    /// How far into the document the declaration may end: `<?xml version="1.0" encoding="…" standalone="…"?>`.
    private static let searchLimit = 256
    private static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    /// `document` with its declared encoding, if any, replaced by `UTF-8`.
    static func declaringUTF8(_ document: Data) -> Data {
        guard let value = encodingValueRange(in: document),
              String(decoding: document[value], as: UTF8.self).uppercased() != "UTF-8" else {
            return document
        }
        var rewritten = document
        rewritten.replaceSubrange(value, with: Data("UTF-8".utf8))
        return rewritten
    }

    /// The range of the encoding name inside the quotes of the declaration's `encoding` pseudo-attribute.
    static func encodingValueRange(in document: Data) -> Range<Data.Index>? {
        var start = document.startIndex
        if document.starts(with: byteOrderMark) { start += byteOrderMark.count }
        let window = start..<min(document.endIndex, start + searchLimit)
        guard document[window].starts(with: Data("<?xml".utf8)),
              let end = document.range(of: Data("?>".utf8), in: window),
              let name = document.range(of: Data("encoding".utf8), in: start..<end.lowerBound) else {
            return nil
        }
        var cursor = skipSpaces(in: document, from: name.upperBound, to: end.lowerBound)
        guard cursor < end.lowerBound, document[cursor] == UInt8(ascii: "=") else { return nil }
        cursor = skipSpaces(in: document, from: cursor + 1, to: end.lowerBound)
        guard cursor < end.lowerBound else { return nil }
        let quote = document[cursor]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
              let closing = document[(cursor + 1)..<end.lowerBound].firstIndex(of: quote) else {
            return nil
        }
        return (cursor + 1)..<closing
    }

    private static func skipSpaces(in document: Data, from start: Data.Index, to end: Data.Index) -> Data.Index {
        document[start..<end].firstIndex { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } ?? end
    }
}
