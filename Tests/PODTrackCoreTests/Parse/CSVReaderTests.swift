import Testing
@testable import PODTrackCore

/// An inline CSV fixture with the records it must give, read in every chunk size.
struct ReaderFixture: Sendable, CustomStringConvertible {
    let name: String
    let text: String
    var dialect = CSVDialect()
    /// Expected records as (line, fields).
    let records: [(line: Int, fields: [String])]
    var description: String { name }
}

private let semicolonQuoteless = CSVDialect(delimiter: UInt8(ascii: ";"), quote: nil)

let readerFixtures: [ReaderFixture] = [
    .init(name: "LF", text: "a,b,c\n1,2,3\n", records: [(1, ["a", "b", "c"]), (2, ["1", "2", "3"])]),
    .init(name: "mixed line ends", text: "a\r\nb\rc\nd", records: [(1, ["a"]), (2, ["b"]), (3, ["c"]), (4, ["d"])]),
    .init(name: "CR CRLF is two line ends", text: "a,b\r\r\nc,d\r\r\n", records: [(1, ["a", "b"]), (3, ["c", "d"])]),
    .init(name: "CR CRLF keeping empty lines", text: "a\r\r\nb", dialect: CSVDialect(skipEmptyLines: false),
          records: [(1, ["a"]), (2, [""]), (3, ["b"])]),
    .init(name: "quoted delimiters, quotes and line breaks",
          text: "\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\"\nz\n",
          records: [(1, ["a,b", "say \"hi\"", "x\r\ny"]), (3, ["z"])]),
    .init(name: "bare CR inside quotes", text: "\"x\ry\",1\r2", records: [(1, ["x\ry", "1"]), (3, ["2"])]),
    .init(name: "empty fields", text: ",,\n\"\"\n\"\",\"\"\na,\n",
          records: [(1, ["", "", ""]), (2, [""]), (3, ["", ""]), (4, ["a", ""])]),
    .init(name: "only doubled quotes", text: "\"\"\"\"\"\",x", records: [(1, ["\"\"", "x"])]),
    .init(name: "no final line end", text: "a\n\"b\"", records: [(1, ["a"]), (2, ["b"])]),
    .init(name: "stray quote is literal", text: "ab\"c,5'2\"\nd", records: [(1, ["ab\"c", "5'2\""]), (2, ["d"])]),
    .init(name: "spaces after closing quote", text: "\"a\" ,\"b\"  \n", records: [(1, ["a", "b"])]),
    .init(name: "spaces kept without trimming", text: " a , \"b\"\n", records: [(1, [" a ", " \"b\""])]),
    .init(name: "trimming", text: "  a , \" b \" ,c  ,  \n", dialect: CSVDialect(trimSpaces: true),
          records: [(1, ["a", " b ", "c", ""])]),
    .init(name: "no quoting", text: "\"a;b\";c\n", dialect: semicolonQuoteless, records: [(1, ["\"a", "b\"", "c"])]),
    .init(name: "backslash escape", text: "\"a\\\"b\",\"c\\\\d\",e\\f\n\"\\\n\"",
          dialect: CSVDialect(escape: UInt8(ascii: "\\")),
          records: [(1, ["a\"b", "c\\d", "e\\f"]), (2, ["\n"])]),
    .init(name: "keeping empty lines", text: "a\n\n\r\nb\n", dialect: CSVDialect(skipEmptyLines: false),
          records: [(1, ["a"]), (2, [""]), (3, [""]), (4, ["b"])]),
    .init(name: "tab and pipe", text: "a\tb|c\n", dialect: CSVDialect(delimiter: UInt8(ascii: "\t")),
          records: [(1, ["a", "b|c"])]),
    .init(name: "multi-byte UTF-8", text: "é,\"€ 𝄞\",ʤ\n", records: [(1, ["é", "€ 𝄞", "ʤ"])]),
    .init(name: "empty input", text: "", records: []),
    .init(name: "only a line end", text: "\r\n", records: []),
]

@Suite struct CSVReaderTests {
    @Test(arguments: readerFixtures)
    func readsFixtureInEveryChunkSize(_ fixture: ReaderFixture) throws {
        let events = try expectChunkInvariance(Array(fixture.text.utf8), dialect: fixture.dialect)
        let expected = fixture.records.map { ReadEventSummary(line: $0.line, fields: $0.fields) }
        #expect(events.compactMap(ReadEventSummary.init) == expected)
        #expect(events.count == expected.count, "no problems or comments expected: \(events)")
    }

    @Test func rawTextIsTheRecordAsWritten() throws {
        let events = try readCSV("a,\"x\r\n\"\"y\"\"\"  ,b\r\nc")
        #expect(events == [
            .record(line: 1, fields: ["a", "x\r\n\"y\"", "b"], rawText: "a,\"x\r\n\"\"y\"\"\"  ,b"),
            .record(line: 3, fields: ["c"], rawText: "c"),
        ])
    }

    @Test func reportsCommentsWithTheirLine() throws {
        let dialect = CSVDialect(commentPrefix: UInt8(ascii: "#"))
        let events = try expectChunkInvariance(Array("#one\r\na,#b\n\n# two".utf8), dialect: dialect)
        #expect(events == [
            .comment(line: 1, text: "one"),
            .record(line: 2, fields: ["a", "#b"], rawText: "a,#b"),
            .comment(line: 4, text: " two"),
        ])
    }

    @Test func recordsOutliveTheCallback() {
        var reader = CSVReader(dialect: CSVDialect())
        var kept: [CSVRecord] = []
        Array("a,b\nc,d\n".utf8).withUnsafeBufferPointer { bytes in
            reader.feed(bytes) { if case .record(let record) = $0 { kept.append(record) } }
        }
        reader.finish { _ in }
        #expect(kept.map { $0.fields() } == [["a", "b"], ["c", "d"]])
        #expect(kept[1][1] == "d" && kept[1].count == 2 && kept[1].line == 2)
    }

    @Test func callbackErrorsPropagate() {
        struct Stop: Error {}
        var reader = CSVReader(dialect: CSVDialect())
        #expect(throws: Stop.self) {
            try Array("a\nb\n".utf8).withUnsafeBufferPointer { bytes in
                try reader.feed(bytes) { _ in throw Stop() }
            }
        }
    }
}

/// A record event reduced to line and fields.
struct ReadEventSummary: Equatable, CustomStringConvertible {
    let line: Int
    let fields: [String]

    init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    init?(_ event: ReadEvent) {
        guard case .record(let line, let fields, _) = event else { return nil }
        self.init(line: line, fields: fields)
    }

    var description: String { "\(line):\(fields)" }
}
