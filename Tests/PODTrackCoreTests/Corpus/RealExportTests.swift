import Testing
@testable import PODTrackCore

/// A corpus file without a machine-readable expectation, with properties it must have.
struct ExportCase: Sendable, CustomStringConvertible {
    let path: String
    var encoding: TextEncoding = .utf8
    var dialect = CSVDialect()
    let records: Int
    /// Every record has this many fields, when set.
    var width: Int?
    /// Known values as (record index, field index, value).
    var fields: [(record: Int, field: Int, value: String)] = []
    /// Expected problems as (line, column).
    var problems: [(line: Int, column: Int)] = []
    var description: String { path }
}

private let semicolon = CSVDialect(delimiter: UInt8(ascii: ";"))

let exportCases: [ExportCase] = [
    // Apache Commons CSV
    .init(path: "apache-commons-csv/CSVFileParser/bom.csv", records: 252, width: 6,
          fields: [(0, 0, "Date"), (0, 1, " Open"), (1, 5, "79448141")]),
    .init(path: "apache-commons-csv/CSV-141/csv-141.csv", records: 2, width: 5,
          fields: [(1, 4, "pass sem1 _84:\\")], problems: [(4, 2)]),
    .init(path: "apache-commons-csv/CSV-196/japanese.csv", records: 4, width: 17, fields: [(0, 2, "val1")]),
    .init(path: "apache-commons-csv/CSV-196/emoji.csv", records: 5, width: 16, fields: [(4, 0, "4")]),
    .init(path: "apache-commons-csv/CSV-213/999751170.patch.csv", dialect: semicolon, records: 2, width: 2,
          fields: [(1, 0, "27"), (1, 1, "")]),
    .init(path: "apache-commons-csv/CSV-254/csv-254.csv", records: 3, width: 3, fields: [(0, 2, ""), (2, 2, "CC")]),
    .init(path: "apache-commons-csv/CSV-259/sample.txt", records: 1, width: 3, fields: [(0, 2, "z")]),
    .init(path: "apache-commons-csv/CSV-290/psql.csv", records: 3, width: 5,
          fields: [(0, 2, "test line 1\ntest line 2"), (1, 2, "\\b:\u{8} \\t:\t \\n:\n \\r:\r"), (2, 3, "\"quoted\"")]),
    // csv-167 has `\"` in unquoted fields: the escape applies inside quotes only, so it stays literal.
    .init(path: "apache-commons-csv/csv-167/sample1.csv",
          dialect: CSVDialect(escape: UInt8(ascii: "\\"), commentPrefix: UInt8(ascii: "#")), records: 4, width: 3,
          fields: [(1, 2, "1989"), (2, 1, "The Hitchhiker's \\\"Guide\\\" to the Galaxy")]),
    // csvkit
    .init(path: "csvkit-examples/test_utf16_little.csv", encoding: .utf16, records: 3, width: 3, fields: [(2, 2, "ʤ")]),
    .init(path: "csvkit-examples/test_utf16_little.csv", encoding: .utf16LE, records: 3, width: 3, fields: [(0, 0, "a")]),
    .init(path: "csvkit-examples/test_utf16_big.csv", encoding: .utf16, records: 3, width: 3, fields: [(2, 2, "ʤ")]),
    .init(path: "csvkit-examples/test_utf16_big.csv", encoding: .utf16BE, records: 3, width: 3, fields: [(0, 0, "a")]),
    .init(path: "csvkit-examples/test_utf8_bom.csv", records: 3, width: 3, fields: [(0, 0, "foo"), (2, 2, "ʤ")]),
    .init(path: "csvkit-examples/test_latin1.csv", encoding: .iso88591, records: 3, width: 3, fields: [(2, 2, "©")]),
    .init(path: "csvkit-examples/mac_newlines.csv", records: 3, width: 3, fields: [(2, 0, "Once upon\ra time")]),
    .init(path: "csvkit-examples/null_byte.csv", records: 2, width: 3, fields: [(1, 0, "\0")]),
    .init(path: "csvkit-examples/test_header_newline.csv", records: 2, width: 3,
          fields: [(0, 0, "\t\n\u{B}\u{C}\r start \t\n\u{B}\u{C}\r end \t\n\u{B}\u{C}\r"), (1, 0, "d")]),
    .init(path: "csvkit-examples/sniff_limit.csv", dialect: semicolon, records: 2, width: 3, fields: [(1, 2, "3")]),
    .init(path: "csvkit-examples/empty.csv", records: 0),
    // bank2ynab: real bank export layouts
    .init(path: "bank2ynab-bank-exports/test-data/CSV_A_20180414_112204.csv", encoding: .windows1252, records: 4, width: 26,
          fields: [(0, 11, "Naam initiërende partij"), (1, 6, "-337,49"), (2, 0, "NL77RABO0311467415\"")]),
    .init(path: "bank2ynab-bank-exports/test-data/umsatz-1234________1234-20180227.CSV", encoding: .windows1252,
          dialect: semicolon, records: 2, width: 16, fields: [(0, 0, "Umsatz getätigt von"), (0, 11, "Gebührenschlüssel")]),
    .init(path: "bank2ynab-bank-exports/test-data/MS_JANE_SMITH_01-12-2019_14-12-2019.csv", records: 14, width: 4,
          fields: [(0, 0, "Date Processed"), (1, 2, "£67.40")]),
    .init(path: "bank2ynab-bank-exports/test-data/kta_ei.dat", encoding: .windows1252,
          dialect: CSVDialect(delimiter: UInt8(ascii: "|")), records: 12, fields: [(0, 1, "32000")]),
    // csvlint: line endings and a real Latin-1 bank statement
    .init(path: "csvlint-rb/lf-line-endings.csv", records: 3, width: 3, fields: [(2, 1, "Teaspoon")]),
    .init(path: "csvlint-rb/crlf-line-endings.csv", records: 3, width: 3, fields: [(2, 2, "Doge")]),
    .init(path: "csvlint-rb/cr-line-endings.csv", records: 3, width: 3, fields: [(2, 2, "Doge")]),
    .init(path: "csvlint-rb/inconsistent-line-endings.csv", records: 3, width: 3, fields: [(1, 2, "Boff")]),
    .init(path: "csvlint-rb/inconsistent-line-endings-unquoted.csv", records: 3, width: 3, fields: [(0, 2, "Baz")]),
    .init(path: "csvlint-rb/windows-line-endings.csv", records: 2, width: 3, fields: [(1, 2, "f")]),
    .init(path: "csvlint-rb/invalid_many_rows.csv", records: 10, width: 3, problems: [(4, 13)]),
    .init(path: "csvlint-rb/invalid-byte-sequence.csv", encoding: .windows1252, records: 24, width: 7,
          fields: [(0, 2, "Histórico"), (0, 4, "Número do documento"), (0, 6, "")]),
    // mafintosh csv-parser: custom quote and escape characters
    .init(path: "csv-parser-mafintosh/fixtures/option-escape.csv", dialect: CSVDialect(escape: UInt8(ascii: "\\")),
          records: 4, width: 3, fields: [(1, 1, "some \"escaped\" value"), (2, 1, "\"\"")]),
    .init(path: "csv-parser-mafintosh/fixtures/option-quote-escape.csv",
          dialect: CSVDialect(quote: UInt8(ascii: "'"), escape: UInt8(ascii: "\\")),
          records: 4, width: 3, fields: [(1, 1, "some 'escaped' value"), (2, 1, "''")]),
    .init(path: "csv-parser-mafintosh/fixtures/option-quote-many.csv", dialect: CSVDialect(quote: UInt8(ascii: "'")),
          records: 4, width: 3, fields: [(1, 1, "some 'escaped' value"), (2, 1, "''")]),
    .init(path: "csv-parser-mafintosh/fixtures/option-comment.csv", dialect: CSVDialect(commentPrefix: UInt8(ascii: "~")),
          records: 2, width: 3),
]

/// Real-world files from the corpus: record counts, widths, known values and located problems.
@Suite(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
struct RealExportTests {
    @Test(arguments: exportCases)
    func hasKnownProperties(_ export: ExportCase) throws {
        let events = try expectChunkInvariance(Corpus.bytes(export.path), encoding: export.encoding, dialect: export.dialect)
        let rows = recordFields(events)
        #expect(rows.count == export.records)
        if let width = export.width { #expect(rows.allSatisfy { $0.count == width }, "\(rows.map(\.count))") }
        for known in export.fields {
            #expect(rows.indices.contains(known.record) && rows[known.record][known.field] == known.value,
                    "record \(known.record) field \(known.field)")
        }
        let problems = events.compactMap { event -> CSVProblem? in
            if case .problem(let problem) = event { problem } else { nil }
        }
        #expect(problems.map { [$0.line, $0.column] } == export.problems.map { [$0.line, $0.column] })
    }

    @Test func latin1BankStatementIsNotUTF8() throws {
        let bytes = try Corpus.bytes("csvlint-rb/invalid-byte-sequence.csv")
        let offset = try #require(bytes.firstIndex(of: 0xF3))
        #expect(throws: DecodeError(byteOffset: offset, reason: "truncated UTF-8 sequence: 0xF3 is followed by 0x72")) {
            try UTF8Transcoder.decodeAll(bytes, as: .utf8)
        }
    }

    @Test func utf16WithoutNamingTheOrderNeedsAMark() throws {
        let bytes = try Corpus.bytes("csvkit-examples/test_utf16_little.csv")
        #expect(throws: DecodeError.self) { try UTF8Transcoder.decodeAll(Array(bytes.dropFirst(2)), as: .utf16) }
    }
}
