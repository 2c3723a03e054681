/// Where and why `XMLParser` (libxml2) gave up on a document. The code is libxml2's
/// `xmlParserErrors` number, which FoundationXML passes on without its message text.
struct XMLSyntaxError: Equatable, Sendable {
    let code: Int
    let line: Int
    let column: Int

    /// libxml2 warnings (`XML_WAR_*`): the document is still well-formed.
    private static let warningCodes: Set<Int> = [27, 93, 97, 98, 99, 100, 102, 106, 107]
    /// libxml2 namespace errors (`XML_NS_ERR_*`, such as an undeclared prefix): the document is
    /// well-formed XML and the reader matches local names, so they do not stop it.
    private static let namespaceCodes = 200...299

    /// Whether an error with `code` leaves the document readable.
    static func isTolerated(code: Int) -> Bool {
        warningCodes.contains(code) || namespaceCodes.contains(code)
    }

    /// What went wrong, in words, with the libxml2 code for searching (0: the parser gave none).
    var reason: String {
        let words = Self.reasons[code] ?? "the XML is not well-formed"
        return code == 0 ? words : "\(words) (libxml2 error \(code))"
    }

    private static let reasons: [Int: String] = [
        0: "no complete XML element in the document",
        4: "no XML here: a start tag '<' was expected",
        5: "the root element is not closed where the document ends, or something follows it",
        6: "invalid character reference",
        7: "invalid character reference",
        8: "invalid character reference",
        9: "a character that XML does not allow, or bytes that are not UTF-8",
        22: "'&' is not followed by an entity name (escape it as &amp;)",
        23: "an entity reference is missing its ';'",
        26: "an entity that is not declared",
        31: "the declared encoding is unknown",
        32: "the declared encoding is not supported",
        38: "'<' inside an attribute value",
        39: "an attribute value does not start with a quote",
        40: "an attribute value is not closed",
        41: "an attribute has no value",
        42: "an attribute appears twice on the same element",
        45: "a comment is not closed",
        57: "the XML declaration is not closed",
        63: "a CDATA section is not closed",
        65: "whitespace is missing between attributes",
        68: "a name was expected (element or attribute)",
        73: "a start tag is not closed with '>'",
        74: "'</' was expected",
        75: "'=' was expected after an attribute name",
        76: "a closing tag does not match the element it closes",
        77: "a tag is not finished",
        81: "the bytes do not match the declared encoding",
        85: "elements are not properly nested",
        86: "extra content after the root element",
    ]
}
