/// What a JMF or XJMF document says about itself: its dialect and its sender.
struct JMFEnvelope {
    /// JMF 1.x names a message by family and `Type` attribute (`<Signal Type="Status">`);
    /// XJMF 2.x by element name (`<SignalStatus>`) and moves the identifiers into a `Header` child.
    enum Dialect {
        case jmf, xjmf
    }

    let dialect: Dialect
    var sender = ""
    var timestamp = ""

    /// The envelope of a document whose root element has the local name `rootName`, or nil when
    /// it is neither `JMF` nor `XJMF`.
    init?(rootName: String, attributes: [String: String]) {
        switch rootName {
        case "JMF":
            dialect = .jmf
            sender = attributes["SenderID", default: ""]
            timestamp = attributes["TimeStamp", default: ""]
        case "XJMF":
            dialect = .xjmf
        default:
            return nil
        }
    }

    /// Takes the sender and time from the XJMF root's `Header`.
    mutating func readHeader(_ attributes: [String: String]) {
        sender = attributes["DeviceID", default: ""]
        timestamp = attributes["Time", default: ""]
    }
}

/// One message (a child of the root) and the elements in it that become records, if any.
struct JMFMessage {
    /// Message families whose content reports what happened; queries and commands only ask.
    private static let reportingFamilies = ["Signal", "Response", "Acknowledge"]

    /// The elements that become records, or nil when the message carries no job status.
    let recordKind: JMFRecordKind?
    var id = ""
    var timestamp = ""
    var sender = ""
    var recordCount = 0

    /// The message named `name` with `attributes`, as the envelope's dialect spells it.
    init(name: String, attributes: [String: String], dialect: JMFEnvelope.Dialect) {
        let family: String
        let type: String
        switch dialect {
        case .jmf:
            family = name
            type = attributes["Type", default: ""]
            id = attributes["ID", default: ""]
            timestamp = attributes["TimeStamp"] ?? attributes["Time", default: ""]
            sender = attributes["SenderID", default: ""]
        case .xjmf:
            family = Self.reportingFamilies.first { name.hasPrefix($0) } ?? name
            type = String(name.dropFirst(family.count))
        }
        recordKind = Self.reportingFamilies.contains(family) ? JMFRecordKind(messageType: type) : nil
    }

    /// Takes the identifiers from an XJMF message's `Header`.
    mutating func readHeader(_ attributes: [String: String]) {
        id = attributes["ID", default: ""]
        timestamp = attributes["Time", default: ""]
        sender = attributes["DeviceID", default: ""]
    }
}
