import Foundation
import Testing
@testable import PODTrackCore

@Suite(.enabled(if: X12Corpus.isAvailable, "the shared corpus is not next to the package"))
struct X12CorpusTests {
    /// What reading one corpus file must give.
    struct Expectation: Sendable, CustomTestStringConvertible {
        var path: String
        var records: Int
        var problems: Int
        /// Transactions other than 214 (and 214s without events).
        var noise: Int
        /// Each interchange's separators, as `x12Separators(of:)` writes them.
        var separators: [String]

        var testDescription: String { path }
    }

    static let expectations = [
        Expectation(path: "x12-omniparser/1_canadapost_edi_214.input.txt", records: 19, problems: 0, noise: 0,
                    separators: ["* - > \n"]),
        // The first of its five 210s says SE*46 but has 48 segments from ST to SE: rejected.
        Expectation(path: "x12-omniparser/2_ups_edi_210.input.txt", records: 0, problems: 1, noise: 4,
                    separators: ["* - > |"]),
        Expectation(path: "x12-staedi/empty997.edi", records: 0, problems: 0, noise: 1, separators: ["* - : ~"]),
        Expectation(path: "x12-staedi/extraDelimiter997.edi", records: 0, problems: 0, noise: 1, separators: ["* ^ : ~"]),
        Expectation(path: "x12-staedi/invalid997.edi", records: 0, problems: 0, noise: 1, separators: ["* ^ : ~"]),
        Expectation(path: "x12-staedi/issue109/ts214_ellipses_segterm.edi", records: 2, problems: 0, noise: 0,
                    separators: ["* - > …"]),
        Expectation(path: "x12-staedi/issue128/ts210_80char.edi", records: 0, problems: 0, noise: 1,
                    separators: ["* - > ~"]),
        Expectation(path: "x12-staedi/optionalInterchangeServices.edi", records: 0, problems: 0, noise: 1,
                    separators: ["* - > ~"]),
        Expectation(path: "x12-staedi/simple997-multiple-interchanges.edi", records: 0, problems: 0, noise: 3,
                    separators: Array(repeating: "* ^ : ~", count: 3)),
    ]

    @Test func everyCorpusFileHasAnExpectation() {
        #expect(X12Corpus.dataFiles() == Self.expectations.map(\.path).sorted())
    }

    @Test(arguments: expectations)
    func corpusFileReads(_ expected: Expectation) throws {
        let input = try X12Corpus.bytes(expected.path)
        let result = readX12(input)
        #expect(result.failure == nil)
        #expect(result.records.count == expected.records)
        #expect(result.problems.count == expected.problems, "\(result.problems)")
        #expect(result.noise == expected.noise)
        #expect(try x12Separators(of: input) == expected.separators)
    }

    @Test func upsInvoiceWithAWrongSegmentCountIsRejectedAlone() throws {
        let result = readX12(try X12Corpus.bytes("x12-omniparser/2_ups_edi_210.input.txt"))
        #expect(result.problems.map(\.line) == [50])
        #expect(result.problems.first?.reason == "SE01 \"46\" does not match the 48 segments from ST to SE")
        #expect(result.problems.first?.rawText.hasPrefix("ST*210*000158669\nB3**0000001808WW308**PP") == true)
        #expect(result.kinds == ["problem", "noise", "noise", "noise", "noise"])
    }

    @Test func eightyColumnWrappingIsIgnored() throws {
        let input = try X12Corpus.bytes("x12-staedi/issue128/ts210_80char.edi")
        var tokenizer = X12SegmentTokenizer()
        var segments: [X12Segment] = []
        var position = 0
        try input.withUnsafeBufferPointer { buffer in
            while try tokenizer.nextSegment(in: buffer, from: &position) {
                segments.append(tokenizer.segment)
            }
        }
        #expect(segments.count == 35)
        #expect(segments.first?.element(10) == "0224")
        #expect(segments.first(where: { $0.identifier == "N4" })?.text == "N4*WILKESBORO*NC*286977576*US")
        #expect(segments.last.map { "\($0.identifier) line \($0.line)" } == "IEA line 11")
    }

    @Test func ellipsisTerminatedShipmentStatus() throws {
        let result = readX12(try X12Corpus.bytes("x12-staedi/issue109/ts214_ellipses_segterm.edi"))
        let shipment = ["0542550913", "7727019", "XXXX", "900169:PO"]
        let envelope = ["XXXX", "757760001"]
        #expect(result.records == [
            StructuredRecord(values: shipment + ["AG", "NS", "", "20200911", "1159", "ET", "", "", ""] + envelope,
                             line: 16, rawText: "AT7*AG*NS***20200911*1159*ET"),
            StructuredRecord(values: shipment + ["AF", "NS", "", "20200910", "1135", "ET", "", "", ""] + envelope,
                             line: 19, rawText: "AT7*AF*NS***20200910*1135*ET"),
        ])
    }

    /// omniparser's snapshot has one entry per ST (each Canada Post ST has one LX/AT7, so one of
    /// our records). Fields that map one to one: `tracking_number` (trimmed B10-01) → `tracking`;
    /// the raw AT7 extract `shipmentStatusCode`, `shipmentStatusReasonCode`, `date`, `time`,
    /// `timeCode` → `status`, `reason`, `date`, `time`, `time_code`; `events[].location` → `city`,
    /// `state`, `country`. Not one to one: `events[].date` merges AT7-05/06 into ISO 8601 and turns
    /// the AT7-07 time code into a UTC offset (`PT` → `-07:00`), which we leave to the pipeline, so
    /// only its wall-clock digits are compared; `dest`, weight and UOM come from N4/AT8, which we
    /// do not read.
    @Test func canadaPostMatchesOmniparserSnapshot() throws {
        let snapshotData = try Data(contentsOf: X12Corpus.directory.appendingPathComponent(
            "x12-omniparser/snapshots/Test1_CanadaPost_EDI_214"))
        let snapshot = try JSONDecoder().decode([OmniparserEntry].self, from: snapshotData)
        let result = readX12(try X12Corpus.bytes("x12-omniparser/1_canadapost_edi_214.input.txt"))
        try #require(snapshot.count == 19)
        try #require(result.records.count == snapshot.count)
        let rawEvents = try snapshot.map { try JSONDecoder().decode(OmniparserRawRecord.self, from: Data($0.rawRecord.utf8)).at7 }
        let events = snapshot.compactMap(\.transformed.events.first)
        #expect(result.column("tracking") == snapshot.map(\.transformed.trackingNumber))
        #expect(result.column("status") == rawEvents.map(\.status))
        #expect(result.column("reason") == rawEvents.map(\.reason))
        #expect(result.column("date") == rawEvents.map(\.date))
        #expect(result.column("time") == rawEvents.map(\.time))
        #expect(result.column("time_code") == rawEvents.map(\.timeCode))
        #expect(result.column("date") == events.map { String($0.date.prefix(10).filter(\.isNumber)) })
        #expect(result.column("time") == events.map { String($0.date.dropFirst(11).prefix(5).filter(\.isNumber)) })
        #expect(result.column("city") == events.map(\.location.city))
        #expect(result.column("state") == events.map(\.location.state))
        #expect(result.column("country") == events.map(\.location.country))
        #expect(Set(result.column("sender")) == ["CPC"])
        #expect(Set(result.column("scac")) == ["CPCC"])
        #expect(result.column("control_number") == (1...19).map { String(format: "%09d", $0) })
        #expect(result.column("references").first == "4343638097845589:97|0000:86")
    }
}

/// One entry of omniparser's snapshot (only the parts compared).
private struct OmniparserEntry: Decodable {
    struct Transformed: Decodable {
        struct Event: Decodable {
            struct Location: Decodable {
                let city: String
                let state: String
                let country: String
            }

            let date: String
            let location: Location
        }

        let trackingNumber: String
        let events: [Event]

        enum CodingKeys: String, CodingKey {
            case trackingNumber = "tracking_number"
            case events
        }
    }

    let rawRecord: String
    let transformed: Transformed

    enum CodingKeys: String, CodingKey {
        case rawRecord = "RawRecord"
        case transformed = "TransformedRecord"
    }
}

/// The JSON inside an entry's `RawRecord` string: omniparser's raw extract of the segments.
private struct OmniparserRawRecord: Decodable {
    struct AT7: Decodable {
        let status: String
        let reason: String
        let date: String
        let time: String
        let timeCode: String

        enum CodingKeys: String, CodingKey {
            case status = "shipmentStatusCode"
            case reason = "shipmentStatusReasonCode"
            case date, time, timeCode
        }
    }

    let at7: AT7

    enum CodingKeys: String, CodingKey {
        case at7 = "AT7"
    }
}
