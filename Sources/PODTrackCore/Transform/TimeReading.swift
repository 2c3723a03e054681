/// A source's times, compiled: the formats to try, the zone of naive times, and the zones that
/// per-row codes name (X12 AT7-07: `LT`, `CT`, `ES`…).
struct TimeReading: Sendable {
    let formats: [TimeFormat]
    let formatText: String
    let zone: Zone
    /// The raw field with the zone code, and each code's zone.
    let zoneCodes: (field: String, zones: [String: Zone])?

    /// Compiles `settings`; every problem is reported under `time.…` of `file`.
    init(_ settings: TimeSettings, file: String) throws(DefinitionProblems) {
        var problems: [DefinitionProblem] = []
        func problem(_ key: String, _ message: String) {
            problems.append(DefinitionProblem(file: file, key: key, message: message))
        }
        var formats: [TimeFormat] = []
        for text in settings.formats {
            do { formats.append(try TimeFormat(text)) } catch { problem("time.format", "\(error)") }
        }
        let zone = Self.zone(settings.zone, local: nil)
        if zone == nil { problem("time.zone", "'\(settings.zone)' is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)") }
        var codes: [String: Zone] = [:]
        for (code, name) in settings.zoneCodes?.codes ?? [:] {
            guard let codeZone = Self.zone(name, local: zone) else {
                problem("time.zone_codes.codes.\(code)", "'\(name)' is not a zone: use an IANA name, an offset like -05:00, UTC, or local")
                continue
            }
            codes[code] = codeZone
        }
        guard problems.isEmpty, let zone else { throw DefinitionProblems(problems) }
        self.formats = formats
        self.formatText = settings.formats.joined(separator: " or ")
        self.zone = zone
        self.zoneCodes = settings.zoneCodes.map { ($0.field, codes) }
    }

    /// An IANA name, `±hh:mm`, `UTC`, or `local` (the source's own zone).
    private static func zone(_ name: String, local: Zone?) -> Zone? {
        if name == "local" { return local }
        if name == "UTC" { return .utc }
        let utf8 = Array(name.utf8)
        if utf8.count == 6, utf8[0] == UInt8(ascii: "+") || utf8[0] == UInt8(ascii: "-"), utf8[3] == UInt8(ascii: ":"),
           let hours = Int(String(name.dropFirst().prefix(2))), let minutes = Int(String(name.suffix(2))), hours <= 18, minutes < 60 {
            let seconds = (hours * 3600 + minutes * 60) * (utf8[0] == UInt8(ascii: "-") ? -1 : 1)
            return .fixed(seconds: seconds)
        }
        return try? Zone(identifier: name)
    }

    /// The instant of `text`, read by the first format that takes it, in the zone its code names
    /// (a row without a code uses the source's zone). The error says why no format took it.
    func instant(_ text: String, zoneCode: String?) throws(TimeReadingError) -> Int64 {
        var rowZone = zone
        if let zoneCodes, let code = zoneCode, !code.isEmpty {
            guard let named = zoneCodes.zones[code] else {
                throw TimeReadingError(field: zoneCodes.field,
                                       reason: "unknown time zone code '\(code)' (known: \(zoneCodes.zones.keys.sorted().joined(separator: ", ")))")
            }
            rowZone = named
        }
        var firstError = ""
        for format in formats {
            do {
                return try format.instant(text, zone: rowZone)
            } catch {
                if firstError.isEmpty { firstError = "\(error)" }
            }
        }
        throw TimeReadingError(field: nil, reason: "'\(text)' is not a time of the form \(formatText): \(firstError)")
    }
}

/// A time that could not be read; `field` names the zone-code field when that was the problem.
struct TimeReadingError: Error {
    let field: String?
    let reason: String
}
