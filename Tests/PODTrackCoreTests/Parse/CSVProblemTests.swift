import Testing
@testable import PODTrackCore

/// Malformed input with the events it must give, read in every chunk size.
struct ProblemFixture: Sendable, CustomStringConvertible {
    let name: String
    let text: String
    var dialect = CSVDialect()
    let events: [ReadEvent]
    var description: String { name }
}

private let textAfterQuote = "unexpected text after the closing quote"
private let neverClosed = "quoted field is never closed"

let problemFixtures: [ProblemFixture] = [
    .init(name: "text after closing quote", text: "\"ab\"c,d\nx,y\n", events: [
        .problem(CSVProblem(line: 1, column: 5, reason: textAfterQuote, rawText: "\"ab\"c,d")),
        .record(line: 2, fields: ["x", "y"], rawText: "x,y"),
    ]),
    .init(name: "text after a multi-line quoted field", text: "a,\"b\r\né\"d\r\ne\r\n", events: [
        .problem(CSVProblem(line: 2, column: 3, reason: textAfterQuote, rawText: "a,\"b\r\né\"d")),
        .record(line: 3, fields: ["e"], rawText: "e"),
    ]),
    .init(name: "stray quote after closing quote and space", text: "\"1\",\"3\" \"\r\n\"3\",\"1\"", events: [
        .problem(CSVProblem(line: 1, column: 9, reason: textAfterQuote, rawText: "\"1\",\"3\" \"")),
        .record(line: 2, fields: ["3", "1"], rawText: "\"3\",\"1\""),
    ]),
    .init(name: "problem on the last line without line end", text: "a\n\"b\"c", events: [
        .record(line: 1, fields: ["a"], rawText: "a"),
        .problem(CSVProblem(line: 2, column: 4, reason: textAfterQuote, rawText: "\"b\"c")),
    ]),
    .init(name: "quote never closed", text: "a,b\r\n\"open,x\r\nc,d\n", events: [
        .record(line: 1, fields: ["a", "b"], rawText: "a,b"),
        .problem(CSVProblem(line: 2, column: 1, reason: neverClosed, rawText: "\"open,x")),
        .record(line: 3, fields: ["c", "d"], rawText: "c,d"),
    ]),
    .init(name: "quote opened mid-line never closed", text: "1,\"é\n2,3", events: [
        .problem(CSVProblem(line: 1, column: 3, reason: neverClosed, rawText: "1,\"é")),
        .record(line: 2, fields: ["2", "3"], rawText: "2,3"),
    ]),
    .init(name: "rereading after an unclosed quote finds another problem", text: "\"a\r\"\"b\rc", events: [
        .problem(CSVProblem(line: 1, column: 1, reason: neverClosed, rawText: "\"a")),
        .problem(CSVProblem(line: 2, column: 3, reason: textAfterQuote, rawText: "\"\"b")),
        .record(line: 3, fields: ["c"], rawText: "c"),
    ]),
    .init(name: "escape at end of input", text: "\"a\\", dialect: CSVDialect(escape: UInt8(ascii: "\\")), events: [
        .problem(CSVProblem(line: 1, column: 1, reason: neverClosed, rawText: "\"a\\")),
    ]),
    .init(name: "doubled quote with an escape dialect", text: "\"a\"\"b\"\nc", dialect: CSVDialect(escape: UInt8(ascii: "\\")), events: [
        .problem(CSVProblem(line: 1, column: 4, reason: textAfterQuote, rawText: "\"a\"\"b\"")),
        .record(line: 2, fields: ["c"], rawText: "c"),
    ]),
]

@Suite struct CSVProblemTests {
    @Test(arguments: problemFixtures)
    func locatesProblemsAndReadsOn(_ fixture: ProblemFixture) throws {
        let events = try expectChunkInvariance(Array(fixture.text.utf8), dialect: fixture.dialect)
        #expect(events == fixture.events)
    }

    @Test func describesTheLocation() {
        let problem = CSVProblem(line: 3, column: 7, reason: "why", rawText: "x")
        #expect(problem.description == "line 3, column 7: why")
    }
}
