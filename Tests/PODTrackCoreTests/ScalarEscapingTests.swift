import Testing
import PODTrackCore

/// Label values in the metrics file and quoted values in logfmt lines escape the same three
/// characters, JSON log lines every control character, and both leave everything else as it
/// is; a quote followed by a combining mark (one `Character`, not equal to a quote) is escaped
/// like any other.
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

    @Test func replacesOnlyWhatTheSpellingNames() {
        let dashed = "a-b–c".escapingScalars { $0 == "-" ? "minus" : nil }
        #expect(dashed == "aminusb–c")
        let untouched = "nothing to do"
        #expect(untouched.escapingScalars { _ in nil } == untouched)
    }
}
