import Foundation

extension SourceDefinition {
    /// Reads a source definition file (`Pipelines/<tenant>/sources/<name>.json`), reporting every
    /// problem with its key. Patterns, time formats and zones are checked when the pipeline is compiled.
    public static func parse(tenant: String, name: String, file: String, data: Data) throws(DefinitionProblems) -> SourceDefinition {
        let root = try JSONObjectReader.root(file: file, data: data)
        root.rejectUnknownKeys(["description", "kind", "files", "encoding", "format", "fields", "extract",
                                "time", "states", "carriers", "carrier", "intake"])
        if !DefinitionName.isValid(name) {
            root.problem("", "source name '\(name)' (the file name) must use only a-z, 0-9 and -")
        }
        let kind = root.string("kind").flatMap { word -> SourceKind? in
            guard let kind = SourceKind(rawValue: word) else {
                root.problem("kind", "'\(word)' is not a source kind (\(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            return kind
        }
        let files = root.strings("files") ?? []
        let encoding = parseEncoding(root)
        let format = root.object("format").flatMap(parseFormat)
        let fields = root.object("fields").map { parseFields($0, kind: kind) } ?? [:]
        let extract = root.object("extract", required: false)?.stringMap().compactMap { entry in
            entry.value.map { (field: entry.key, pattern: $0) }
        } ?? []
        let time = root.object("time").flatMap(parseTime)
        let states = root.object("states").map(parseStates) ?? [:]
        let carriers = root.object("carriers", required: false)?.stringMap().reduce(into: [String: String]()) {
            if let id = $1.value { $0[$1.key] = id }
        } ?? [:]
        let defaultCarrier = root.string("carrier", required: false)
        let intake = root.object("intake", required: false).map(parseIntake) ?? IntakeSettings()
        let problems = root.collected
        guard problems.isEmpty, let kind, let format, let time else {
            throw DefinitionProblems(problems)
        }
        return SourceDefinition(
            tenant: tenant, name: name, description: root.string("description", required: false) ?? "",
            kind: kind, files: files, encoding: encoding ?? .utf8, format: format, fields: fields,
            extract: extract, time: time, states: states, carriers: carriers, defaultCarrier: defaultCarrier,
            intake: intake, revision: RecordDigest(of: data))
    }

    private static func parseEncoding(_ root: JSONObjectReader) -> TextEncoding? {
        guard let word = root.string("encoding", required: false) else { return .utf8 }
        guard let encoding = TextEncoding(rawValue: word.lowercased()) else {
            root.problem("encoding", "'\(word)' is not supported (\(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return encoding
    }

    private static func parseFormat(_ reader: JSONObjectReader) -> RecordFormat? {
        guard let type = reader.string("type") else { return nil }
        switch type {
        case "csv":
            reader.rejectUnknownKeys(["type", "delimiter", "quote"])
            let delimiter = reader.string("delimiter", required: false) ?? ","
            let quote = reader.object["quote"] is NSNull ? nil : (reader.string("quote", required: false) ?? "\"")
            if !isSingleASCII(delimiter) { reader.problem("delimiter", "must be one ASCII character (use \"\\t\" for TAB)") }
            if let quote, !isSingleASCII(quote) { reader.problem("quote", "must be one ASCII character, or null for no quoting") }
            return .csv(delimiter: delimiter, quote: quote)
        case "line-log":
            reader.rejectUnknownKeys(["type", "pattern"])
            return reader.string("pattern").map { .lineLog(pattern: $0) }
        default:
            if let structured = StructuredFormat(rawValue: type) {
                reader.rejectUnknownKeys(["type"])
                return .structured(structured)
            }
            let known = ["csv", "line-log"] + StructuredFormat.allCases.map(\.rawValue)
            reader.problem("type", "'\(type)' is not a format (\(known.joined(separator: ", ")))")
            return nil
        }
    }

    private static func parseTime(_ reader: JSONObjectReader) -> TimeSettings? {
        reader.rejectUnknownKeys(["format", "zone", "zone_codes"])
        guard let formats = reader.strings("format"), let zone = reader.string("zone") else { return nil }
        var settings = TimeSettings(formats: formats, zone: zone)
        if let codes = reader.object("zone_codes", required: false) {
            codes.rejectUnknownKeys(["field", "codes"])
            if let field = codes.string("field"), let table = codes.object("codes") {
                let entries = table.stringMap().compactMap { entry in entry.value.map { (entry.key, $0) } }
                settings.zoneCodes = (field, Dictionary(entries, uniquingKeysWith: { first, _ in first }))
            }
        }
        return settings
    }

    private static func parseIntake(_ reader: JSONObjectReader) -> IntakeSettings {
        reader.rejectUnknownKeys(["settle_seconds", "marker", "max_megabytes"])
        var settings = IntakeSettings()
        if let seconds = reader.number("settle_seconds") {
            if seconds < 0 || seconds > 3600 { reader.problem("settle_seconds", "must be between 0 and 3600") }
            settings.settleSeconds = seconds
        }
        if let marker = reader.string("marker", required: false) {
            if !marker.hasPrefix(".") || marker.count < 2 || marker.contains("/") {
                reader.problem("marker", "must be a suffix such as \".done\" or \".ok\"")
            }
            settings.marker = marker
        }
        if let megabytes = reader.number("max_megabytes") {
            if megabytes <= 0 { reader.problem("max_megabytes", "must be positive") }
            settings.maxBytes = Int(megabytes * 1_048_576)
        }
        return settings
    }

    private static func isSingleASCII(_ text: String) -> Bool {
        text.utf8.count == 1 && (text.utf8.first ?? 0x80) < 0x80
    }

    private static func parseFields(_ reader: JSONObjectReader, kind: SourceKind?) -> [CanonicalField: FieldSource] {
        var fields: [CanonicalField: FieldSource] = [:]
        let allowed = kind.map { Set($0.requiredFields + $0.optionalFields) } ?? Set(CanonicalField.allCases)
        for key in reader.object.keys.sorted() {
            guard let field = CanonicalField(rawValue: key), allowed.contains(field) else {
                reader.problem(key, "not a field of this kind of source (fields: \(allowed.map(\.rawValue).sorted().joined(separator: ", ")))")
                continue
            }
            if let names = reader.strings(key) { fields[field] = FieldSource(names) }
        }
        for field in kind?.requiredFields ?? [] where fields[field] == nil {
            reader.problem(field.rawValue, "missing: a \(kind?.rawValue ?? "") source must map it")
        }
        return fields
    }

    private static func parseStates(_ reader: JSONObjectReader) -> [String: LifecycleState?] {
        var states: [String: LifecycleState?] = [:]
        for (word, value) in reader.stringMap(allowNull: true) {
            guard let value else {
                states[word] = .some(nil)
                continue
            }
            guard let state = LifecycleState(rawValue: value) else {
                reader.problem(word, "'\(value)' is not a canonical state (\(LifecycleState.allCases.map(\.rawValue).joined(separator: ", ")); null ignores the word)")
                continue
            }
            states[word] = state
        }
        if states.isEmpty { reader.problem("", "states: at least one status word must be mapped") }
        return states
    }
}
