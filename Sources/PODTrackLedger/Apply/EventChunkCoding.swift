import PODTrackCore

/// The bytes of an `event_chunks` row: consecutive events of one drop, each as the zigzag
/// varint differences of its time and its line to the previous event's, its state's byte
/// (`HistoryCoding.code(of:)`), then its word and its discriminator, each a varint length and
/// UTF-8 bytes. Typically 20 bytes an event, against about 40 as a row of its own, and one
/// B-tree insert per chunk instead of one per event: the row per event had cost the applying
/// thread more than a fifth of its instructions.
enum EventChunkCoding {
    static func encode(_ rows: [EventRow]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 24)
        var previous: EventRow?
        for row in rows {
            Varint.append(Varint.zigzag(row.occurredAt &- (previous?.occurredAt ?? 0)), to: &bytes)
            Varint.append(Varint.zigzag(Int64(row.line) &- Int64(previous?.line ?? 0)), to: &bytes)
            bytes.append(HistoryCoding.code(of: row.state))
            appendText(row.rawWord, to: &bytes)
            appendText(row.discriminator, to: &bytes)
            previous = row
        }
        return bytes
    }

    /// The events `bytes` hold, in order. Decoding stops at the first malformed event (a ledger
    /// edited by hand): what follows it cannot be trusted.
    static func decode(_ bytes: [UInt8]) -> [EventRow] {
        var rows: [EventRow] = []
        var offset = 0
        var occurredAt: Int64 = 0
        var line: Int64 = 0
        while offset < bytes.count {
            guard let timeDelta = Varint.read(bytes, &offset), let lineDelta = Varint.read(bytes, &offset),
                  offset < bytes.count, Int(bytes[offset]) < HistoryCoding.stateCodes.count else { break }
            let state = HistoryCoding.stateCodes[Int(bytes[offset])]
            offset += 1
            guard let rawWord = readText(bytes, &offset), let discriminator = readText(bytes, &offset) else { break }
            occurredAt &+= Varint.unzigzag(timeDelta)
            line &+= Varint.unzigzag(lineDelta)
            rows.append(EventRow(occurredAt: occurredAt, line: Int(truncatingIfNeeded: line), state: state, rawWord: rawWord,
                                 discriminator: discriminator))
        }
        return rows
    }

    private static func appendText(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            Varint.append(UInt64(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    private static func readText(_ bytes: [UInt8], _ offset: inout Int) -> String? {
        guard let length = Varint.read(bytes, &offset), length <= UInt64(bytes.count - offset) else { return nil }
        let end = offset + Int(length)
        defer { offset = end }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }
}
