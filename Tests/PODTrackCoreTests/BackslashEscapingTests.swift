import Testing
import PODTrackCore

/// Label values in the metrics file and quoted values in logfmt lines escape the same three
/// characters, and leave everything else as it is.
@Suite struct BackslashEscapingTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        (#"C:\inbox"#, #"C:\\inbox"#),
        (#"say "hi""#, #"say \"hi\""#),
        ("two\nlines", #"two\nlines"#),
        ("crlf\r\nend", "crlf\r\\nend"),
        (#"all \ " and"# + "\n", #"all \\ \" and\n"#),
        ("Köln ✓ 🚚", "Köln ✓ 🚚"),
    ])
    func escapesBackslashQuoteAndLineFeed(value: String, escaped: String) {
        #expect(value.backslashEscaped == escaped)
    }
}
