import Testing
@testable import PODTrackCore

/// The byte-level helpers the readers run on every record: trimming a field and counting lines.
@Suite struct ByteLevelHelpersTests {
    @Test(arguments: [
        ("A-100023", "A-100023"), ("  A-100023", "A-100023"), ("A-100023\t ", "A-100023"), (" \tA 1\t ", "A 1"),
        ("", ""), (" ", ""), ("\t\t", ""), (" Müller-Straße 7 ", "Müller-Straße 7"), ("中\t", "中"), ("\u{00A0}x\u{00A0}", "\u{00A0}x\u{00A0}"),
    ])
    func trimsSpacesAndTabsOnly(_ raw: String, _ trimmed: String) {
        #expect(raw.trimmingASCIISpaces() == trimmed)
    }

    @Test func countsAByteAtEveryLengthAndOffset() {
        var bytes: [UInt8] = []
        var expected = 0
        for length in 0..<300 {
            bytes.append(length % 7 == 0 ? .lineFeed : UInt8(ascii: "a") + UInt8(length % 20))
            if length % 7 == 0 { expected += 1 }
            for start in [0, 1, 3] where start <= bytes.count {
                let slice = bytes[start...]
                let want = slice.filter { $0 == .lineFeed }.count
                #expect(slice.withUnsafeBufferPointer { $0.count(of: .lineFeed) } == want, "length \(length), from \(start)")
            }
        }
        #expect(bytes.withUnsafeBufferPointer { $0.count(of: .lineFeed) } == expected)
    }
}
