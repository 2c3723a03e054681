import Testing
@testable import PODTrackCore

@Suite struct X12ShipmentStatusReaderTests {
    private static func record(_ values: [String], line: Int, _ rawText: String) -> StructuredRecord {
        StructuredRecord(values: values, line: line, rawText: rawText)
    }

    @Test func fieldNamesAreTheNamesSourceDefinitionsUse() {
        #expect(X12ShipmentStatusReader.fieldNames == [
            "tracking", "shipment_id", "scac", "references", "status", "reason", "appointment_status",
            "date", "time", "time_code", "city", "state", "country", "sender", "control_number",
        ])
    }

    @Test(arguments: [
        (X12Sample.newlineTerminated, 2, 0, 0),
        (.tildeCRLF, 2, 0, 0),
        (.wrongSegmentCount, 1, 1, 0),
        (.wrongTransactionControlNumber, 0, 1, 0),
        (.wrongGroupAndInterchangeCounts, 1, 2, 0),
        (.twoInterchangesWithDifferentSeparators, 2, 0, 0),
        (.nonShipmentStatusTransactions, 1, 0, 3),
        (.eventsOutsideLoops, 3, 0, 0),
        (.malformedTransactions, 1, 4, 0),
        (.missingTrailers, 1, 2, 0),
        (.byteOrderMarkAndOddPadding, 1, 0, 0),
    ])
    func readsCompleteInterchanges(_ sample: X12Sample, records: Int, problems: Int, noise: Int) {
        let result = readX12(sample.bytes)
        #expect(result.failure == nil)
        #expect(result.records.count == records)
        #expect(result.problems.count == problems)
        #expect(result.noise == noise)
    }

    @Test func mapsEveryFieldOfAShipmentStatus() {
        let result = readX12(X12Sample.newlineTerminated.bytes)
        let shipment = ["PRO123", "SHIP9", "ABCD", "PO555:PO|BOL1:BM"]
        let envelope = ["SENDER", "0001"]
        #expect(result.outputs == [
            .record(Self.record(shipment + ["X3", "NS", "", "20200910", "1135", "ET", "ORLANDO", "FL", "US"] + envelope,
                                line: 9, "AT7*X3*NS***20200910*1135*ET")),
            .record(Self.record(shipment + ["D1", "NS", "", "20200911", "115930", "LT", "TAMPA", "FL", "US"] + envelope,
                                line: 13, "AT7*D1*NS***20200911*115930*LT")),
        ])
    }

    @Test func tildeAndCRLFReadLikeNewlineTerminators() {
        #expect(readX12(X12Sample.tildeCRLF.bytes) == readX12(X12Sample.newlineTerminated.bytes))
    }

    @Test func wrongSegmentCountRejectsOnlyThatTransaction() {
        let result = readX12(X12Sample.wrongSegmentCount.bytes)
        #expect(result.problems == [StructuredProblem(
            line: 7, reason: "SE01 \"6\" does not match the 5 segments from ST to SE",
            rawText: "ST*214*0001\nB10*PRO1*SHIP1*ABCD\nLX*1\nAT7*X1*NS***20200910*0800\nSE*6*0001")])
        #expect(result.column("tracking") == ["PRO2"])
        #expect(result.records.map(\.line) == [11])
    }

    @Test func controlNumberMismatchRejectsTheTransaction() {
        let result = readX12(X12Sample.wrongTransactionControlNumber.bytes)
        #expect(result.problems.map(\.line) == [7])
        #expect(result.problems.first?.reason == "SE02 \"0009\" does not match ST02 \"0001\" on line 3")
    }

    @Test func groupAndInterchangeCountsAreProblemsAfterTheRecords() {
        let result = readX12(X12Sample.wrongGroupAndInterchangeCounts.bytes)
        guard result.outputs.count == 3, case .record = result.outputs[0] else {
            Issue.record("expected the record before the problems, got \(result.outputs)")
            return
        }
        #expect(result.problems == [
            StructuredProblem(line: 7, reason: "GE01 \"2\" does not match the 1 transactions in the group", rawText: "GE*2*8"),
            StructuredProblem(line: 8, reason: "IEA01 \"2\" does not match the 1 functional groups in the interchange; "
                                  + "IEA02 \"000000002\" does not match ISA13 \"000000001\" on line 1",
                              rawText: "IEA*2*000000002"),
        ])
    }

    @Test func eachInterchangeUsesItsOwnSeparators() throws {
        let input = X12Sample.twoInterchangesWithDifferentSeparators.bytes
        let result = readX12(input)
        #expect(result.column("sender") == ["FIRST", "SECOND"])
        #expect(result.column("tracking") == ["PRO1", "PRO2"])
        #expect(result.column("city") == ["ORLANDO", "CHICAGO"])
        #expect(result.records.map(\.rawText) == ["AT7*X1*NS***20200910*0800*ET", "AT7|D1|NS|||20200911|1700|CT"])
        #expect(result.records.map(\.line) == [6, 16])
        #expect(try x12Separators(of: input) == ["* - > ~", "| ^ : …"])
    }

    @Test func otherTransactionSetsAndEventless214sAreNoise() {
        let result = readX12(X12Sample.nonShipmentStatusTransactions.bytes)
        #expect(result.kinds == ["noise", "record", "noise", "noise"])
        #expect(result.column("control_number") == ["0002"])
    }

    @Test func eventsBeforeLoopsAndAppointmentOnlyEvents() {
        let result = readX12(X12Sample.eventsOutsideLoops.bytes)
        #expect(result.column("status") == ["X3", "", "X1"])
        #expect(result.column("appointment_status") == ["", "AA", ""])
        #expect(result.column("reason") == ["NS", "", "NS"])
        #expect(result.column("city") == ["ATLANTA", "", "MACON"])
        #expect(result.column("shipment_id") == ["", "", ""])
        #expect(result.records.map(\.line) == [5, 9, 10])
    }

    @Test func malformedSegmentsRejectTheirTransactionAlone() {
        let result = readX12(X12Sample.malformedTransactions.bytes)
        #expect(result.problems.map(\.line) == [6, 8, 15, 20])
        #expect(result.problems.map(\.reason) == [
            "AT7-05 date \"2020091\" is not CCYYMMDD",
            "214 transaction 0002 has no B10 segment",
            "AT7-06 time \"8AM\" is not HHMM or HHMMSS",
            "AT7 has neither a shipment status (AT7-01) nor an appointment status (AT7-03)",
        ])
        #expect(result.problems.first?.rawText.hasPrefix("ST*214*0001\nB10*PRO1*SHIP1*ABCD\n") == true)
        #expect(result.column("tracking") == ["PRO5"])
    }

    @Test func missingTrailersCloseWhatTheyShouldHaveClosed() {
        let result = readX12(X12Sample.missingTrailers.bytes)
        #expect(result.problems.map(\.line) == [3, 7])
        #expect(result.problems.map(\.reason) == [
            "transaction 0001 has no SE before the GE on line 6",
            "functional group has no GE before the IEA on line 12",
        ])
        #expect(result.column("tracking") == ["PRO2"])
    }

    @Test func byteOrderMarkBlankLinesAndShortHeaderFields() throws {
        let input = X12Sample.byteOrderMarkAndOddPadding.bytes
        let result = readX12(input)
        #expect(result.records.map(\.line) == [7])
        #expect(result.column("sender") == ["SHORT"])
        #expect(try x12Separators(of: input) == ["* - > ~"])
    }

    @Test(arguments: [
        (X12Sample.missingInterchangeHeader, "line 2: expected an ISA interchange header at the start of the input"),
        (.headerWithoutTerminator, "line 1: invalid ISA interchange header: the segment terminator after ISA16 "
            + "is not punctuation distinct from the other separators"),
        (.truncatedHeader, "line 1: input ends inside the ISA interchange header"),
    ])
    func unreadableFilesFailWithoutOutput(_ sample: X12Sample, message: String) {
        let result = readX12(sample.bytes)
        #expect(result.outputs.isEmpty)
        #expect(result.failure?.message == message)
    }

    @Test func emptyInputFails() {
        #expect(readX12([]).failure?.message == "line 1: expected an ISA interchange header, found the end of the input")
    }

    @Test func truncatedFileEmitsCompleteTransactionsThenFails() {
        let result = readX12(X12Sample.truncatedTransaction.bytes)
        #expect(result.column("tracking") == ["PRO1"])
        #expect(result.problems.isEmpty)
        #expect(result.failure?.message
            == "line 9: input ends after this segment; expected SE closing transaction 0002 from line 7")
    }

    @Test func garbageAfterAnInterchangeFails() {
        let input = X12Sample.newlineTerminated.bytes + Array("trailing junk\n".utf8)
        let result = readX12(input)
        #expect(result.records.count == 2)
        #expect(result.failure?.message == "line 18: expected an ISA interchange header after the IEA on line 17")
    }

    @Test func rejectedTransactionTextIsCutOffAtTheLimit() {
        let notes = (1...400).map { "NTE*GEN*note number \($0) with ünïcödé" }
        let segments = [x12InterchangeHeader(), "GS*QM*S*R*20200910*1930*1*X*004010", "ST*214*0001"] + notes
            + ["SE*\(notes.count + 2)*0001", "GE*1*1", "IEA*1*000000001"]
        let problem = readX12(x12Bytes(segments)).problems.first
        #expect(problem?.reason == "214 transaction 0001 has no B10 segment")
        let text = problem?.rawText ?? ""
        #expect(text.hasPrefix("ST*214*0001\nNTE*GEN*note number 1 with ünïcödé\n"))
        #expect(text.hasSuffix(X12TransactionText.truncationMarker))
        #expect(text.utf8.count <= X12TransactionText.limit + X12TransactionText.truncationMarker.utf8.count)
        #expect(!text.contains("\u{FFFD}"))
    }
}
