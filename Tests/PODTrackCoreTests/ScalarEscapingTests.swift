import Testing
import PODTrackCore

/// Label values in the metrics file and quoted values in logfmt lines escape the same three
/// characters, logfmt quotes only the values that need it, JSON log lines escape every control
/// character, and all leave everything else as it is; a quote followed by a combining mark
/// (one `Character`, not equal to a quote) is escaped like any other.
@Suite struct ScalarEscapingTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        (#"C:\inbox"#, #"C:\\inbox"#),
        (#"say "hi""#, #"say \"hi\""#),
        ("two\nlines", #"two\nlines"#),
        ("crlf\r\nend", "crlf\r\\nend"),
        (#"all \ " and"# + "\n", #"all \\ \" and\n"#),
        ("Köln ✓ 🚚", "Köln ✓ 🚚"),
        ("quote\"\u{301}mark", "quote\\\"\u{301}mark"),
    ])
    func backslashEscapesBackslashQuoteAndLineFeed(value: String, escaped: String) {
        #expect(value.backslashEscaped == escaped)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("", #""""#),
        (#"a "b" \c"#, #""a \"b\" \\c""#),
        ("tab\tcr\rlf\n", #""tab\tcr\rlf\n""#),
        ("\u{0}\u{1b}\u{1f}", #""\u0000\u001b\u001f""#),
        ("\u{7f}é🚚", "\"\u{7f}é🚚\""),
        ("\"\u{301}", "\"\\\"\u{301}\""),
    ])
    func jsonQuotesAndEscapesControlCharacters(value: String, quoted: String) {
        #expect(value.jsonQuoted == quoted)
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("", #""""#),
        ("two words", #""two words""#),
        ("a=b", #""a=b""#),
        (#"say "hi""#, #""say \"hi\"""#),
        ("two\nlines", #""two\nlines""#),
        ("crlf\r\n", "\"crlf\r\\n\""),
        (#"C:\inbox"#, #"C:\inbox"#),
        ("quote\"\u{301}", "\"quote\\\"\u{301}\""),
    ])
    func logfmtQuotesOnlyWhatNeedsIt(value: String, written: String) {
        #expect(value.logfmtValue == written)
    }

    @Test func replacesOnlyWhatTheSpellingNames() {
        #expect("a-b–c-".escapingScalars { $0 == "-" ? "minus" : nil } == "aminusb–cminus")
        #expect("-".escapingScalars { $0 == "-" ? "" : nil } == "")
    }
}
