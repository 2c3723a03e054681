/// A source definition with its patterns, time format and zone compiled, ready to read drops.
/// Compile once per run; `check` compiles every source to validate it.
public struct CompiledSource: Sendable {
    public let definition: SourceDefinition
    let time: TimeReading
    let extractPatterns: [FieldPattern]
    let lineLogPattern: FieldPattern?
    let csvDialect: CSVDialect?

    /// Compiles `definition`; `file` names the definition file in the problems reported.
    public init(_ definition: SourceDefinition, file: String) throws(DefinitionProblems) {
        var problems: [DefinitionProblem] = []
        func problem(_ key: String, _ message: String) {
            problems.append(DefinitionProblem(file: file, key: key, message: message))
        }
        var time: TimeReading?
        do { time = try TimeReading(definition.time, file: file) } catch { problems += error.problems }
        var extractPatterns: [FieldPattern] = []
        for (field, source) in definition.extract {
            do { extractPatterns.append(try FieldPattern(source)) } catch { problem("extract.\(field)", "\(error)") }
        }
        var lineLogPattern: FieldPattern?
        var csvDialect: CSVDialect?
        switch definition.format {
        case .lineLog(let source):
            do { lineLogPattern = try FieldPattern(source) } catch { problem("format.pattern", "\(error)") }
        case .csv(let delimiter, let quote):
            csvDialect = CSVDialect(delimiter: delimiter.utf8.first ?? UInt8(ascii: ","), quote: quote?.utf8.first)
        case .structured:
            break
        }
        if !definition.carriers.isEmpty || definition.defaultCarrier != nil {
            let known = Set(definition.carriers.values).union(definition.defaultCarrier.map { [$0] } ?? [])
            for id in known where !DefinitionName.isValid(id) {
                problem("carriers", "carrier id '\(id)' must use only a-z, 0-9 and - (e.g. ups, dhl)")
            }
        }
        guard problems.isEmpty, let time else { throw DefinitionProblems(problems) }
        self.definition = definition
        self.time = time
        self.extractPatterns = extractPatterns
        self.lineLogPattern = lineLogPattern
        self.csvDialect = csvDialect
        if let names = fixedFieldNames {
            do {
                _ = try RecordMapper(compiled: self, rawNames: names)
            } catch {
                throw DefinitionProblems([DefinitionProblem(file: file, key: "fields", message: error.message)])
            }
        }
    }

    /// The raw field names of formats that fix them before a file is read (patterns, structured
    /// formats); nil for CSV, whose header names them.
    var fixedFieldNames: [String]? {
        switch definition.format {
        case .csv: nil
        case .lineLog: lineLogPattern?.captureNames
        case .structured(let format): format.fieldNames
        }
    }

    /// True when a file named `name` belongs to this source (its `files` globs).
    public func matches(fileName name: String) -> Bool {
        definition.files.contains { Glob.matches(name, pattern: $0) }
    }

    /// A fresh reader for one drop of this source; with `previous`, the memory of the source's
    /// previous drop, it skips the records that drop held and remembers this one's (`RecordMemory`).
    public func makeReader(previous: RecordMemory? = nil) -> DropReader { DropReader(source: self, previous: previous) }

    /// True when this source's drops are read with a `RecordMemory`: CSV and line logs, whose
    /// records each stand in one stretch of bytes.
    public var remembersRecords: Bool {
        switch definition.format {
        case .csv, .lineLog: true
        case .structured: false
        }
    }
}
