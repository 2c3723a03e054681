import Foundation

/// What a source's records are about, which decides the fields it must map.
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    /// Order lines from the ERP: status per item line, storefront identity, shipments.
    case erp
    /// Print jobs from a print server, each for an item line.
    case print
    /// Carrier scans, per tracking number.
    case carrier

    /// Canonical fields a source of this kind must map.
    public var requiredFields: [CanonicalField] {
        switch self {
        case .erp, .print: [.order, .line, .status, .time]
        case .carrier: [.tracking, .status, .time]
        }
    }

    /// Canonical fields a source of this kind may map.
    public var optionalFields: [CanonicalField] {
        switch self {
        case .erp: [.sku, .quantity, .channel, .channelRef, .channelLineRef, .shipTo, .carrier, .tracking]
        case .print: [.job]
        case .carrier: [.reference, .carrier]
        }
    }
}

/// A field of the canonical record that a source's raw fields map onto.
public enum CanonicalField: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
    case order, line, status, time, sku, quantity, channel
    case channelRef = "channel_ref"
    case channelLineRef = "channel_line_ref"
    case shipTo = "ship_to"
    case carrier, tracking, reference, job
}

/// How a source's files are split into raw records.
public enum RecordFormat: Sendable, Equatable {
    /// Delimited text with a header row naming the columns.
    case csv(delimiter: String, quote: String?)
    /// One record per line, fields taken by a pattern; lines that do not match are noise.
    case lineLog(pattern: String)
    /// A structured industry format whose reader names the raw fields.
    case structured(StructuredFormat)
}

/// The structured formats podtrack reads with code of its own; their field names are fixed.
public enum StructuredFormat: String, Sendable, CaseIterable {
    /// CIP4 JMF / XJMF job phase and queue entry status.
    case jmf
    /// ANSI X12 214 shipment status messages.
    case x12

    /// The raw field names its records carry.
    public var fieldNames: [String] {
        switch self {
        case .jmf: JMFJobStatusReader.fieldNames
        case .x12: X12ShipmentStatusReader.fieldNames
        }
    }

    /// Reads a whole file from a stream: the stream, its first bytes, whether those are all of
    /// it, and where outputs go.
    public typealias StreamReader = @Sendable (InputStream, Data, Bool, (StructuredOutput) throws -> Void) throws -> Void

    /// The stream reader of formats whose parser pulls its input (JMF's XMLParser); nil for
    /// formats fed in chunks.
    public var streamReader: StreamReader? {
        switch self {
        case .jmf: { try JMFJobStatusReader.read(stream: $0, head: $1, isWhole: $2, $3) }
        case .x12: nil
        }
    }

    /// A reader for one file.
    func makeReader() -> any StructuredReader {
        switch self {
        case .jmf: JMFJobStatusReader()
        case .x12: X12ShipmentStatusReader()
        }
    }
}

/// Where a canonical field's value comes from: one raw field, or several joined by a space.
public struct FieldSource: Sendable, Equatable {
    public var rawNames: [String]
    public init(_ rawNames: [String]) { self.rawNames = rawNames }
}

/// How naive times of a source are read.
public struct TimeSettings: Sendable, Equatable {
    /// Time patterns (`dd.MM.yyyy HH:mm:ss`, `iso8601`, …), tried in order.
    public var formats: [String]
    /// The IANA zone of times without an offset.
    public var zone: String
    /// A raw field naming each row's zone by a code (X12's `LT`, `CT`, `ES`…), and what each code
    /// means: an IANA zone, a fixed offset (`-05:00`), `UTC`, or `local` for `zone`.
    public var zoneCodes: (field: String, codes: [String: String])?

    public init(formats: [String], zone: String, zoneCodes: (field: String, codes: [String: String])? = nil) {
        self.formats = formats
        self.zone = zone
        self.zoneCodes = zoneCodes
    }

    public static func == (lhs: TimeSettings, rhs: TimeSettings) -> Bool {
        lhs.formats == rhs.formats && lhs.zone == rhs.zone
            && lhs.zoneCodes?.field == rhs.zoneCodes?.field && lhs.zoneCodes?.codes == rhs.zoneCodes?.codes
    }
}

/// When a file in a source's inbox counts as complete, and how large it may be.
public struct IntakeSettings: Sendable, Equatable {
    /// Seconds a file's size and modification time must stay unchanged; nil: the command's default
    /// (`run` 0, relying on the open-for-writing probe; `watch` 2).
    public var settleSeconds: Double?
    /// A marker suffix (`.done`, `.ok`): a file is taken only once `NAME<marker>` exists beside it.
    public var marker: String?
    /// Larger files are refused and moved to quarantine.
    public var maxBytes: Int

    public static let defaultMaxBytes = 2 << 30

    public init(settleSeconds: Double? = nil, marker: String? = nil, maxBytes: Int = IntakeSettings.defaultMaxBytes) {
        self.settleSeconds = settleSeconds
        self.marker = marker
        self.maxBytes = maxBytes
    }
}

/// A source: where its files land, how they are read, and how their rows become status events.
public struct SourceDefinition: Sendable {
    public var tenant: String
    public var name: String
    public var description: String
    public var kind: SourceKind
    /// Glob patterns (`*`, `?`) a file name must match to be taken.
    public var files: [String]
    public var encoding: TextEncoding
    public var format: RecordFormat
    public var fields: [CanonicalField: FieldSource]
    /// Patterns applied to a raw field whose captures become raw fields too (`name` → `order`, `line`).
    public var extract: [(field: String, pattern: String)]
    public var time: TimeSettings
    /// Source status word → canonical state; nil means the word is known and ignored.
    public var states: [String: LifecycleState?]
    /// Source carrier word → canonical carrier id.
    public var carriers: [String: String]
    /// Carrier id for events whose rows name none.
    public var defaultCarrier: String?
    public var intake: IntakeSettings
    /// The digest of the definition file's bytes: records remembered under another revision are
    /// read again (`RecordMemory`).
    public var revision: RecordDigest
}
