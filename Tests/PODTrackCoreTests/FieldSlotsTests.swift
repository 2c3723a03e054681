import Testing
@testable import PODTrackCore

/// Each canonical field keeps slots of its own.
@Suite struct FieldSlotsTests {
    @Test func everyFieldKeepsItsOwnSlots() {
        var slots = FieldSlots()
        for field in CanonicalField.allCases { #expect(slots[field] == nil, "\(field)") }
        for (offset, field) in CanonicalField.allCases.enumerated() { slots[field] = [offset, offset + 100] }
        for (offset, field) in CanonicalField.allCases.enumerated() { #expect(slots[field] == [offset, offset + 100], "\(field)") }
        slots[.status] = nil
        #expect(slots[.status] == nil)
        #expect(slots[.time] != nil)
    }
}
