/// The raw slots each canonical field of a source is read from (`RecordMapper`), found by the
/// field's position rather than by hashing it: a `CanonicalField` hashes as its name, and every
/// record looks up five to ten fields (on the 20k-order world that hashing was an eighth of the
/// reading thread's instructions).
struct FieldSlots {
    private var slots: [[Int]?] = Array(repeating: nil, count: CanonicalField.allCases.count)

    /// The slots whose values, joined by a space, make `field`; nil when the source has no such field.
    subscript(field: CanonicalField) -> [Int]? {
        get { slots[Self.position(of: field)] }
        set { slots[Self.position(of: field)] = newValue }
    }

    /// Where `field` is kept: one place per field, below `CanonicalField.allCases.count`.
    private static func position(of field: CanonicalField) -> Int {
        switch field {
        case .order: 0
        case .line: 1
        case .status: 2
        case .time: 3
        case .sku: 4
        case .quantity: 5
        case .channel: 6
        case .channelRef: 7
        case .channelLineRef: 8
        case .shipTo: 9
        case .carrier: 10
        case .tracking: 11
        case .reference: 12
        case .job: 13
        }
    }
}
