import Testing
@testable import PODTrackCore

@Suite struct FieldPatternTests {
    private static let ripLine =
        #"{time:token} [{device}] job={job} name="{name}" state={state:token} copies={copies}"#

    @Test func ripLogLineCapturesEveryField() throws {
        let pattern = try FieldPattern(Self.ripLine)
        #expect(pattern.captureNames == ["time", "device", "job", "name", "state", "copies"])
        let line = #"2026-11-24T10:16:44.120+01:00 [Atlas-01] job=88412 name="A-100023-1_front.pdf" state=PRINTED copies=1/1"#
        #expect(pattern.match(line) == [
            "time": "2026-11-24T10:16:44.120+01:00", "device": "Atlas-01", "job": "88412",
            "name": "A-100023-1_front.pdf", "state": "PRINTED", "copies": "1/1",
        ])
    }

    @Test(arguments: [
        "2026-11-24T10:16:44.120+01:00 [Atlas-01] INFO head cleaning cycle 3/4",
        "# rip log opened 2026-11-24",
        "",
        #"2026-11-24T10:16:44.120+01:00 [Atlas-01] job=88412 name="A.pdf" state=PRINTED"#,
        #"2026-11-24T10:16:44.120+01:00 [Atlas-01] job=88412 name="A.pdf" state=PRINTED copies="#,
        #" [Atlas-01] job=88412 name="A.pdf" state=PRINTED copies=1"#,
    ])
    func ripLogNoiseDoesNotMatch(line: String) throws {
        #expect(try FieldPattern(Self.ripLine).match(line) == nil)
    }

    @Test(arguments: [
        ("A-100023-1_front.pdf", "A-100023", "1"),
        ("A-100023-1_back_reprint1.pdf", "A-100023", "1"),
        ("B-7-12_x", "B-7", "12"),
    ])
    func jobNameSplitsIntoOrderAndLine(jobName: String, order: String, line: String) throws {
        let pattern = try FieldPattern("{order}-{line:digits}_{_}")
        #expect(pattern.captureNames == ["order", "line"])
        #expect(pattern.match(jobName) == ["order": order, "line": line])
    }

    @Test func rangesAreByteOffsetsInCaptureOrder() throws {
        let pattern = try FieldPattern("{order}-{line:digits}_{_}")
        let bytes = Array("Ä-100023-1_front.pdf".utf8)
        let ranges = bytes.withUnsafeBufferPointer { pattern.match($0) }
        #expect(ranges == [0..<9, 10..<11])
    }

    @Test(arguments: [
        ("{a}", "x", ["a": "x"]),
        ("{a}", "", nil),
        ("{a:digits}", "0042", ["a": "0042"]),
        ("{a:digits}", "42x", nil),
        ("{a:token} {b}", "x\ty z", nil),
        ("{a:token} {b}", "xy z w", ["a": "xy", "b": "z w"]),
        ("{a:digits}{b:digits}", "1234", ["a": "123", "b": "4"]),
        ("{a:digits}{b}", "12ab", ["a": "12", "b": "ab"]),
        ("{a:digits}{b}", "1234", ["a": "123", "b": "4"]),
        ("{a}.{b}", "x.y.z", ["a": "x", "b": "y.z"]),
        ("{a}.{b:digits}", "x.y.1", ["a": "x.y", "b": "1"]),
        ("{{{a}}}", "{v}", ["a": "v"]),
        ("{{literal}}", "{literal}", [:]),
        ("id={_:digits};{b}", "id=7;ok", ["b": "ok"]),
        ("prefix {a}", "prefix", nil),
        ("{a} suffix", "x suffix extra", nil),
        ("é={a}", "é=ü", ["a": "ü"]),
    ] as [(String, String, [String: String]?)])
    func semantics(source: String, input: String, expected: [String: String]?) throws {
        #expect(try FieldPattern(source).match(input) == expected)
    }

    @Test(arguments: [
        ("", PatternError.emptyPattern),
        ("job={job", .unclosedBrace(position: 5)),
        ("job=}", .unmatchedClosingBrace(position: 5)),
        ("x{}", .emptyName(position: 2)),
        ("x{:digits}", .emptyName(position: 2)),
        ("{1a}", .invalidName("1a", position: 1)),
        ("{a b}", .invalidName("a b", position: 1)),
        ("{a:hex}", .unknownClass("hex", position: 1)),
        ("{a:}", .unknownClass("", position: 1)),
        ("{a}-{a}", .duplicateName("a", position: 5)),
        ("{a}{b}", .ambiguousAdjacentFields(first: "a", second: "b", position: 4)),
        ("x{_}{b:digits}", .ambiguousAdjacentFields(first: "_", second: "b", position: 5)),
    ])
    func invalidPatternsAreRejected(source: String, expected: PatternError) {
        #expect(throws: expected) { try FieldPattern(source) }
    }

    @Test func underscoreMayRepeat() throws {
        #expect(try FieldPattern("{_}-{_}").match("a-b") == [:])
    }

    @Test func errorDescriptionsExplainTheFix() {
        #expect(PatternError.unclosedBrace(position: 5).description
            == "'{' at position 5 is never closed (write '{{' for a literal brace)")
        #expect(PatternError.ambiguousAdjacentFields(first: "a", second: "b", position: 4).description
            .contains("put literal text between them"))
    }

    /// Nested lazy fields over an input that almost matches would backtrack exponentially; the
    /// step bound turns that into a quick "no match".
    @Test func pathologicalBacktrackingIsBounded() throws {
        let pattern = try FieldPattern("{a}a{b}a{c}a{d}a{e}a{f}a{g}ab", stepLimit: 10_000)
        let input = String(repeating: "a", count: 5_000) + "c"
        #expect(pattern.match(input) == nil)
        let matching = String(repeating: "a", count: 40) + "b"
        #expect(pattern.match(matching) != nil)
    }
}
