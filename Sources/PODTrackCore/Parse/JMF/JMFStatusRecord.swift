import Foundation

/// The fields of a JMF job-status record, in `JMFJobStatusReader.fieldNames` order; the raw
/// values are the names source definitions use.
enum JMFField: String, CaseIterable, Sendable {
    /// `Status` (from a `JobPhase`) or `QueueStatus` (from a `QueueEntry`).
    case messageType = "message_type"
    /// The message's `ID` (XJMF: its `Header/@ID`).
    case messageID = "message_id"
    /// The nearest `DeviceID` on the element or its ancestors, else the message's sender, else the document's.
    case device
    case jobID = "job_id"
    case jobPartID = "job_part_id"
    case queueEntryID = "queue_entry_id"
    case status
    case statusDetails = "status_details"
    /// `JobPhase/@StartTime`; for a `QueueEntry` its `EndTime`, else `StartTime`, else `SubmissionTime`.
    case time
    case amount
    /// The document's sender: `JMF/@SenderID` (XJMF: the root `Header/@DeviceID`).
    case sender
    /// The message's `TimeStamp`/`Time` (XJMF: its `Header/@Time`), else the document's.
    case timestamp
}

/// The elements that carry job status, by the type of the message they are in.
enum JMFRecordKind: Sendable {
    /// `DeviceInfo/JobPhase` in a `Status` message.
    case jobPhase
    /// `Queue/QueueEntry` in a `QueueStatus` message.
    case queueEntry

    /// The kind for a message of type `messageType`, or nil when that type carries no job status.
    init?(messageType: String) {
        switch messageType {
        case "Status": self = .jobPhase
        case "QueueStatus": self = .queueEntry
        default: return nil
        }
    }

    /// The `message_type` value of its records.
    var messageType: String {
        switch self {
        case .jobPhase: "Status"
        case .queueEntry: "QueueStatus"
        }
    }

    /// The local name of the element that becomes a record.
    var elementName: String {
        switch self {
        case .jobPhase: "JobPhase"
        case .queueEntry: "QueueEntry"
        }
    }

    /// The attributes that say when, most telling first: a queue entry's end beats its start.
    var timeAttributes: [String] {
        switch self {
        case .jobPhase: ["StartTime"]
        case .queueEntry: ["EndTime", "StartTime", "SubmissionTime"]
        }
    }
}

/// A `JobPhase` or `QueueEntry` element as the parser reported it, turned into a record.
struct JMFStatusElement: Sendable {
    /// Attributes shown first in the raw text, in this order; the rest follow alphabetically.
    private static let leadingAttributes = ["JobID", "JobPartID", "QueueEntryID", "Status", "StatusDetails",
                                            "StartTime", "EndTime", "SubmissionTime", "Amount", "DeviceID"]

    let kind: JMFRecordKind
    let attributes: [String: String]
    let line: Int

    /// The record, with `device` already resolved from the element's surroundings.
    func record(in message: JMFMessage, envelope: JMFEnvelope, device: String) -> StructuredRecord {
        let values = JMFField.allCases.map { field -> String in
            switch field {
            case .messageType: kind.messageType
            case .messageID: message.id
            case .device: device
            case .jobID: attribute("JobID")
            case .jobPartID: attribute("JobPartID")
            case .queueEntryID: attribute("QueueEntryID")
            case .status: attribute("Status")
            case .statusDetails: attribute("StatusDetails")
            case .time: kind.timeAttributes.lazy.map(attribute).first { !$0.isEmpty } ?? ""
            case .amount: attribute("Amount")
            case .sender: envelope.sender
            case .timestamp: message.timestamp.isEmpty ? envelope.timestamp : message.timestamp
            }
        }
        return StructuredRecord(values: values, line: line, renderingRawText: { self.rawText })
    }

    /// A compact rendering of the element: `<JobPhase JobID="…" Status="…" …/>`.
    var rawText: String {
        let leading = Self.leadingAttributes.filter { attributes[$0] != nil }
        let rest = attributes.keys.filter { !Self.leadingAttributes.contains($0) }.sorted()
        let rendered = (leading + rest).map { name in " \(name)=\"\(Self.escaped(attribute(name)))\"" }
        return "<\(kind.elementName)\(rendered.joined())/>"
    }

    private func attribute(_ name: String) -> String {
        attributes[name, default: ""]
    }

    private static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
