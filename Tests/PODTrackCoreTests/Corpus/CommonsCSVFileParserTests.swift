import Foundation
import Testing
@testable import PODTrackCore

/// Apache Commons CSV `CSVFileParser/test*.txt` control files: line 1 names the input and the
/// settings, line 2 describes the format, then each record is `size:[v1, v2, ...]`, optionally
/// followed by `#comment` (the comment lines before it, joined by `\n`) when CheckComments is set.
/// Control lines starting with `#` are themselves comments. All settings used in the corpus are
/// supported: IgnoreEmpty, IgnoreSpaces, CommentStart and CheckComments.
@Suite(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
struct CommonsCSVFileParserTests {
    static let directory = "apache-commons-csv/CSVFileParser"
    static let controlFiles = Corpus.fileNames(in: directory, suffix: ".txt").filter { $0.hasPrefix("test") }

    @Test(arguments: controlFiles)
    func matchesControlFile(_ controlFile: String) throws {
        let control = String(decoding: try Corpus.bytes("\(Self.directory)/\(controlFile)"), as: UTF8.self)
        let lines = control.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let settings = try #require(lines.first).split(separator: " ").map(String.init)
        let (dialect, checksComments) = try Self.dialect(from: settings.dropFirst())
        let expected = lines.dropFirst(2).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(!expected.isEmpty)

        let events = try expectChunkInvariance(Corpus.bytes("\(Self.directory)/\(settings[0])"), dialect: dialect)
        #expect(Self.render(events, withComments: checksComments) == expected)
    }

    /// The dialect for the control file's settings, based on Commons' `newFormat(',').withQuote('"')`.
    private static func dialect(from settings: ArraySlice<String>) throws -> (CSVDialect, checksComments: Bool) {
        var dialect = CSVDialect(skipEmptyLines: false)
        var checksComments = false
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts[0], parts.count == 2 ? parts[1] : nil) {
            case ("IgnoreEmpty", let value?): dialect.skipEmptyLines = value == "true"
            case ("IgnoreSpaces", let value?): dialect.trimSpaces = value == "true"
            case ("CommentStart", let value?): dialect.commentPrefix = value.utf8.first
            case ("CheckComments", nil): checksComments = true
            default: throw UnsupportedSetting(setting: setting)
            }
        }
        return (dialect, checksComments)
    }

    /// Commons' `size:[values]#comments` rendering of the records.
    private static func render(_ events: [ReadEvent], withComments: Bool) -> [String] {
        var pendingComments: [String] = []
        var rendered: [String] = []
        for event in events {
            switch event {
            case .comment(_, let text):
                pendingComments.append(text.trimmingCharacters(in: .whitespaces))
            case .record(_, let fields, _):
                let comment = withComments && !pendingComments.isEmpty
                    ? "#" + pendingComments.joined(separator: "\\n") : ""
                rendered.append("\(fields.count):[\(fields.joined(separator: ", "))]\(comment)")
                pendingComments = []
            case .problem(let problem):
                rendered.append("unexpected problem: \(problem)")
            }
        }
        return rendered
    }

    private struct UnsupportedSetting: Error { let setting: String }
}
