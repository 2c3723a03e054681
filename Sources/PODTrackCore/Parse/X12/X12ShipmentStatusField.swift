/// The fields of an X12 214 status record, in the order of `X12ShipmentStatusReader.fieldNames`.
enum X12ShipmentStatusField: Int, CaseIterable, Sendable {
    /// B10-01, the carrier's reference (PRO / tracking) number.
    case tracking
    /// B10-02, the shipper's shipment identification number.
    case shipmentID
    /// B10-03, the carrier's SCAC.
    case scac
    /// Header-level L11 references as `value:qualifier`, joined by `|`.
    case references
    /// AT7-01, the shipment status code.
    case status
    /// AT7-02, the shipment status reason code.
    case reason
    /// AT7-03, the appointment status code.
    case appointmentStatus
    /// AT7-05, CCYYMMDD.
    case date
    /// AT7-06, HHMM or HHMMSS.
    case time
    /// AT7-07, the time code (`LT`, `ET`, `PT`…).
    case timeCode
    /// MS1-01, the event's city.
    case city
    /// MS1-02, the event's state or province.
    case state
    /// MS1-03, the event's country.
    case country
    /// ISA06, the interchange sender.
    case sender
    /// ST02, the transaction set control number.
    case controlNumber

    /// The name source definitions use for the field.
    var name: String {
        switch self {
        case .tracking: "tracking"
        case .shipmentID: "shipment_id"
        case .scac: "scac"
        case .references: "references"
        case .status: "status"
        case .reason: "reason"
        case .appointmentStatus: "appointment_status"
        case .date: "date"
        case .time: "time"
        case .timeCode: "time_code"
        case .city: "city"
        case .state: "state"
        case .country: "country"
        case .sender: "sender"
        case .controlNumber: "control_number"
        }
    }
}

/// The values of one 214 record, addressed by field; absent values are "".
struct X12ShipmentStatusValues: Sendable, Equatable {
    /// The values in field order.
    private(set) var ordered = [String](repeating: "", count: X12ShipmentStatusField.allCases.count)

    subscript(field: X12ShipmentStatusField) -> String {
        get { ordered[field.rawValue] }
        set { ordered[field.rawValue] = newValue }
    }
}
