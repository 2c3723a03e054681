import Foundation

/// Reads CIP4 JMF 1.x and XJMF 2.x device messages: one record per `JobPhase` of a `Status`
/// message and per `QueueEntry` of a `QueueStatus` message (from a `Signal`, `Response` or
/// `Acknowledge`). Each other message, and an envelope without messages, is one `.noise`.
///
/// FoundationXML's `XMLParser` only pulls its input (from `Data`, or from an `InputStream` inside
/// a blocking `parse()`), so the reader keeps the fed bytes and parses them in `finish`, emitting
/// records as it meets them; a fault later in the document still throws (after those records: a
/// drop is one transaction, so nothing of it lands). Memory is the file's bytes, bounded by
/// `maximumDocumentSize`.
public struct JMFJobStatusReader: StructuredReader {
    /// The largest document the reader keeps in memory: JMF files are kilobytes to a few megabytes.
    public static let defaultMaximumDocumentSize = 64 << 20

    /// `message_type`, `message_id`, `device`, `job_id`, `job_part_id`, `queue_entry_id`, `status`,
    /// `status_details`, `time`, `amount`, `sender`, `timestamp`.
    public static let fieldNames = JMFField.allCases.map(\.rawValue)

    private let maximumDocumentSize: Int
    private var document = Data()

    /// A reader that accepts documents up to `defaultMaximumDocumentSize` bytes.
    public init() {
        self.init(maximumDocumentSize: Self.defaultMaximumDocumentSize)
    }

    /// A reader that refuses documents longer than `maximumDocumentSize` bytes.
    public init(maximumDocumentSize: Int) {
        self.maximumDocumentSize = maximumDocumentSize
    }

    /// Keeps the next bytes of the document; throws `DropFailure` once it grows past the limit.
    public mutating func feed(_ utf8: UnsafeBufferPointer<UInt8>, _ emit: (StructuredOutput) throws -> Void) throws {
        guard document.count + utf8.count <= maximumDocumentSize else {
            throw JMFFailure.tooLarge(limit: maximumDocumentSize)
        }
        document.append(utf8)
    }

    /// Parses the document and emits its records and noise in document order; throws `DropFailure`
    /// when it is not well-formed XML, not a JMF/XJMF message, a MIME bundle, or empty.
    public mutating func finish(_ emit: (StructuredOutput) throws -> Void) throws {
        let bytes = XMLDeclaration.declaringUTF8(document)
        document = Data()
        try JMFDocumentScanner.scan(bytes, emit)
    }

    /// Reads a whole document from `stream`, which XMLParser pulls in pieces: memory does not
    /// grow with the file, and the document's own encoding declaration applies. `head` is its
    /// first bytes (all of them when `isWhole`), to tell an empty file or a MIME bundle.
    public static func read(stream: InputStream, head: Data, isWhole: Bool, _ emit: (StructuredOutput) throws -> Void) throws {
        try JMFDocumentScanner.scan(head: head, isWhole: isWhole, stream: stream, emit)
    }
}
