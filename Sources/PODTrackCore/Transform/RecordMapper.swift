/// Turns one raw record (values by slot) into a status event or a rejected row, by a source's definition.
///
/// Compiled once per file: slots are resolved by name against the header or the pattern's captures,
/// plus the captures of the source's `extract` patterns, which are appended as further slots.
struct RecordMapper {
    private let definition: SourceDefinition
    private let time: TimeReading
    private let zoneCodeSlot: Int?
    private let slotNames: [String]
    private let extractors: [(slot: Int, pattern: FieldPattern, text: String)]
    private let fieldSlots: FieldSlots

    /// Resolves every name the definition uses against `rawNames`; a missing name is a `DropFailure`.
    init(compiled: CompiledSource, rawNames: [String]) throws(DropFailure) {
        let definition = compiled.definition
        self.definition = definition
        self.time = compiled.time
        var names = rawNames
        var extractors: [(slot: Int, pattern: FieldPattern, text: String)] = []
        for (index, (field, pattern)) in zip(compiled.extractPatterns.indices, definition.extract) {
            guard let slot = names.firstIndex(of: field) else {
                throw Self.missing(field, in: rawNames, for: "extract")
            }
            extractors.append((slot, compiled.extractPatterns[index], pattern))
            names += compiled.extractPatterns[index].captureNames
        }
        var fieldSlots = FieldSlots()
        for (field, source) in definition.fields {
            var slots: [Int] = []
            for name in source.rawNames {
                guard let slot = names.firstIndex(of: name) else {
                    throw Self.missing(name, in: rawNames, for: "fields.\(field.rawValue)")
                }
                slots.append(slot)
            }
            fieldSlots[field] = slots
        }
        if let field = compiled.time.zoneCodes?.field {
            guard let slot = names.firstIndex(of: field) else { throw Self.missing(field, in: rawNames, for: "time.zone_codes.field") }
            zoneCodeSlot = slot
        } else {
            zoneCodeSlot = nil
        }
        self.slotNames = names
        self.extractors = extractors
        self.fieldSlots = fieldSlots
    }

    private static func missing(_ name: String, in rawNames: [String], for key: String) -> DropFailure {
        DropFailure("the file has no field '\(name)' (the definition's \(key) names it); it has: \(rawNames.joined(separator: ", "))",
                    hint: "fix the source definition's \(key), or check that this file is of this source")
    }

    /// How one record turned out. A rejection carries no raw text: the caller adds it, so a row
    /// that maps fine never has its text copied.
    enum Outcome {
        case event(StatusEvent)
        case rejected(RowProblem)
        case ignored
    }

    /// Why a record was rejected: the field (a column or capture name) and the reason.
    struct RowProblem: Error {
        var field: String?
        var reason: String
    }

    /// Maps a record's values (one per raw name, in order) found at `line`.
    func map(_ rawValues: [String], line: Int) -> Outcome {
        var values = rawValues
        for extractor in extractors {
            let text = extractor.slot < values.count ? values[extractor.slot] : ""
            guard let captures = match(extractor.pattern, text) else {
                return .rejected(RowProblem(field: slotNames[extractor.slot], reason: "'\(text)' does not match the pattern \(extractor.text)"))
            }
            values += captures
        }
        do {
            let zoneCode = zoneCodeSlot.map { $0 < values.count ? values[$0].trimmingASCIISpaces() : "" }
            return try makeEvent(RecordValues(values: values, slots: fieldSlots, slotNames: slotNames), zoneCode: zoneCode, line: line)
        } catch {
            return .rejected(error)
        }
    }

    private func match(_ pattern: FieldPattern, _ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes in
            pattern.match(bytes).map { ranges in
                ranges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            }
        }
    }

    private func makeEvent(_ record: RecordValues, zoneCode: String?, line: Int) throws(RowProblem) -> Outcome {
        func reject(_ field: CanonicalField, _ reason: String) -> RowProblem {
            RowProblem(field: record.name(of: field), reason: reason)
        }
        let word = record[.status] ?? ""
        guard let mapped = definition.states[word] else {
            let reason = word.isEmpty ? "the status is empty" : "unknown status word '\(word)'"
            throw reject(.status, "\(reason) (known: \(definition.states.keys.sorted().joined(separator: ", ")))")
        }
        guard let state = mapped else { return .ignored }
        let timeText = record[.time] ?? ""
        let occurredAt: Int64
        do {
            occurredAt = try time.instant(timeText, zoneCode: zoneCode)
        } catch {
            throw RowProblem(field: error.field ?? record.name(of: .time), reason: error.reason)
        }
        switch definition.kind {
        case .erp, .print:
            let order = record[.order] ?? ""
            if order.isEmpty { throw reject(.order, "the order number is empty") }
            let lineText = record[.line] ?? ""
            guard let lineNo = Int(lineText), lineNo > 0 else {
                throw reject(.line, "'\(lineText)' is not an item line number (1, 2, …)")
            }
            var event = StatusEvent(subject: .line(order: order, line: lineNo), state: state, occurredAt: occurredAt,
                                    discriminator: record[.job] ?? "", rawWord: word, line: line)
            if definition.kind == .erp { event.facts = try facts(record, reject: reject) }
            return .event(event)
        case .carrier:
            let tracking = record[.tracking] ?? ""
            if tracking.isEmpty { throw reject(.tracking, "the tracking number is empty") }
            let carrier = try carrierID(record[.carrier], reject: reject) ?? definition.defaultCarrier
            let reference = record[.reference].flatMap { $0.isEmpty ? nil : $0 }
            return .event(StatusEvent(subject: .shipment(tracking: tracking), state: state, occurredAt: occurredAt,
                                      rawWord: word, line: line, carrier: carrier, reference: reference))
        }
    }

    private func facts(_ record: RecordValues, reject: (CanonicalField, String) -> RowProblem) throws(RowProblem) -> OrderLineFacts {
        var quantity: Int?
        if let text = record[.quantity], !text.isEmpty {
            guard let number = Int(text), number >= 0 else { throw reject(.quantity, "'\(text)' is not a whole quantity") }
            quantity = number
        }
        let tracking = record[.tracking].flatMap { $0.isEmpty ? nil : $0 }
        return OrderLineFacts(
            sku: record[.sku], quantity: quantity, channel: record[.channel], channelRef: record[.channelRef],
            channelLineRef: record[.channelLineRef], shipTo: record[.shipTo],
            carrier: tracking == nil ? nil : try carrierID(record[.carrier], reject: reject),
            tracking: tracking)
    }

    /// The canonical carrier id of a source's carrier word; unknown words are rejected, empty is none.
    private func carrierID(_ word: String?, reject: (CanonicalField, String) -> RowProblem) throws(RowProblem) -> String? {
        guard let word, !word.isEmpty else { return nil }
        guard let id = definition.carriers[word] else {
            throw reject(.carrier, "unknown carrier '\(word)' (known: \(definition.carriers.keys.sorted().joined(separator: ", ")))")
        }
        return id
    }
}

/// A record's values by canonical field: raw slots joined by a space, trimmed.
private struct RecordValues {
    let values: [String]
    let slots: FieldSlots
    let slotNames: [String]

    subscript(field: CanonicalField) -> String? {
        guard let indices = slots[field] else { return nil }
        guard indices.count > 1 else { return (indices.first.map(value(at:)) ?? "").trimmingASCIISpaces() }
        return indices.map(value(at:)).joined(separator: " ").trimmingASCIISpaces()
    }

    /// The value of slot `index`; empty when the record is shorter.
    private func value(at index: Int) -> String {
        index < values.count ? values[index] : ""
    }

    func name(of field: CanonicalField) -> String {
        slots[field].map { $0.map { slotNames[$0] }.joined(separator: "+") } ?? field.rawValue
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (cheap: no Foundation, and a value
    /// with nothing to trim is returned as it is, read through its bytes, not its UTF-8 view's indices).
    func trimmingASCIISpaces() -> String {
        var string = self
        return string.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first.isSpaceOrTab || last.isSpaceOrTab else { return self }
            guard let start = bytes.firstIndex(where: { !$0.isSpaceOrTab }), let end = bytes.lastIndex(where: { !$0.isSpaceOrTab }) else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...end]), as: UTF8.self)
        }
    }
}
