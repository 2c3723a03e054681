import Testing
@testable import PODTrackCore

/// The CIP4 JMF/JDF/XJMF/MIME files in `../shared/corpus`, each with what the reader must make of it.
@Suite(.enabled(if: JMFCorpus.isAvailable, "the shared corpus is not next to the package"))
struct JMFCorpusTests {
    enum Expected: Sendable {
        case records(Int)
        case noise(Int)
        case failure(String)
    }

    struct CorpusFile: Sendable, CustomTestStringConvertible {
        let path: String
        let expected: Expected
        var testDescription: String { path }
    }

    static let notJMF = Expected.failure("not a JMF message: root element is JDF")
    static let mime = Expected.failure("a MIME multipart bundle")

    static let files = [
        CorpusFile(path: "cip4-alces/bambi-response-knowndevices.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-alces/bambi-response-knownmessages.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-alces/bambi-response-queuestatus.jmf", expected: .records(2)),
        CorpusFile(path: "cip4-elk/DummyQueueFilterTest.jmf", expected: .records(3)),
        CorpusFile(path: "cip4-elk/Events.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-elk/KnownDevices.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-elk/KnownMessages.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-elk/MimeJMFServletTest/SubmitQueueEntry_cid.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-elk/MimeReaderTest/SubmitQueueEntry.jmf_Approval.jdf.mjm", expected: mime),
        CorpusFile(path: "cip4-elk/Queue.xml", expected: .records(3)),
        CorpusFile(path: "cip4-elk/Queue_sorted.xml", expected: .records(6)),
        CorpusFile(path: "cip4-elk/Queue_unsorted.xml", expected: .records(6)),
        CorpusFile(path: "cip4-elk/Signal.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-elk/Status.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-elk/Status_subscription.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-elk/SubmitQueueEntry.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-elk/jdf/ConventionalPrintingGood.jdf", expected: notJMF),
        CorpusFile(path: "cip4-elk/jdf/Elk_Approval.jdf", expected: notJMF),
        CorpusFile(path: "cip4-jdflibj/Elk_ConventionalPrinting.jdf", expected: notJMF),
        CorpusFile(path: "cip4-jdflibj/Link33458670_000214km4444Qua0.NSp33486069_000371_37_out.jdf", expected: notJMF),
        CorpusFile(path: "cip4-jdflibj/MISPrepress_ICS_Minimal.jdf", expected: notJMF),
        CorpusFile(path: "cip4-jdflibj/ResourceCmd.jmf", expected: .noise(4)),
        CorpusFile(path: "cip4-jdflibj/ResourceInfo.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-jdflibj/SampleFiles/MISPrepress-ICS-Minimal.jdf", expected: notJMF),
        CorpusFile(path: "cip4-jdflibj/SampleFiles/ResourceCMD_Preview_all.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-jdflibj/SampleFiles/ResourceSignal_ExposedMedia_all.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-jdflibj/SampleFiles/ResourceSignal_Preview_first.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-jdflibj/bookintent.jdf", expected: notJMF),
        CorpusFile(path: "cip4-jdflibj/checkjdf.mjm", expected: mime),
        // Malformed before it is known to be a JDF: the syntax error wins (upstream: line 19 col 10, 0-based).
        CorpusFile(path: "cip4-jdflibj/corrupt.jdf", expected: .failure("malformed XML at line 19, column 11: ")),
        CorpusFile(path: "cip4-jdflibj/emptyAuthorAttribute.jdf", expected: notJMF),
        CorpusFile(path: "cip4-jdflibj/evilchars.mjm", expected: mime),
        CorpusFile(path: "cip4-jdflibj/ink.jmf", expected: .noise(1)),
        // Heidelberg press SignalStatus: DeviceInfo without JobPhase.
        CorpusFile(path: "cip4-jdflibj/jmf/JMF1.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-jdflibj/jmf/KnownMessages.resp.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-jdflibj/km4444.jdf", expected: notJMF),
        CorpusFile(path: "cip4-jdflibj/kwh.jmf", expected: .noise(1)),
        CorpusFile(path: "cip4-jdflibj/schema/ResourceQueryScope.jmf", expected: .noise(1)),
        // XJMF ResponseSubmitQueueEntry: a submission receipt, not a status message.
        CorpusFile(path: "cip4-jdflibj/xjmf/SQE_response.xjmf", expected: .noise(1)),
    ]

    @Test func everyCorpusFileHasAnExpectation() {
        #expect(JMFCorpus.files() == Self.files.map(\.path))
    }

    @Test(arguments: files)
    func eachFileGivesItsExpectedOutcome(_ file: CorpusFile) {
        let run = JMFCorpus.reading(file.path)
        switch file.expected {
        case .records(let count):
            #expect(run.failure == nil)
            #expect(run.records.count == count)
            #expect(run.noise == 0)
        case .noise(let count):
            #expect(run.failure == nil)
            #expect(run.records.isEmpty)
            #expect(run.noise == count)
        case .failure(let message):
            #expect(run.failure?.message.contains(message) == true, "\(String(describing: run.failure))")
            #expect(run.failure?.hint.isEmpty == false)
            #expect(run.outputs.isEmpty)
        }
    }

    @Test func bambiQueueStatusEntries() {
        let records = JMFCorpus.reading("cip4-alces/bambi-response-queuestatus.jmf").records
        #expect(records.map(\.values) == [
            ["QueueStatus", "m_211129_144525755_041947", "sim003", "2893", "1", "qe_211128_153208443_019129",
             "Running", "", "2021-11-28T15:32:08+01:00", "", "sim003", "2021-11-29T14:45:25+01:00"],
            ["QueueStatus", "m_211129_144525755_041947", "sim003", "2893", "2", "qe_211129_144457383_041440",
             "Running", "", "2021-11-29T14:44:58+01:00", "", "sim003", "2021-11-29T14:45:25+01:00"],
        ])
        #expect(records.map(\.line) == [5, 6])
    }

    @Test func elkSortedQueueEndsWithTheCompletedEntry() throws {
        let records = JMFCorpus.reading("cip4-elk/Queue_sorted.xml").records
        #expect(records.map { $0[field: "queue_entry_id"] } == ["5", "4", "1", "2", "3", "6"])
        #expect(records.map { $0[field: "status"] } == ["Running", "Waiting", "Waiting", "Waiting", "Waiting", "Completed"])
        let completed = try #require(records.last)
        #expect(completed[field: "message_id"] == "RQ1001")
        #expect(completed[field: "device"] == "Elk")
        #expect(completed[field: "sender"] == "Elk")
        #expect(completed[field: "job_id"] == "1")
        #expect(completed[field: "time"] == "2005-05-21T00:53:09+02:00")
        #expect(completed[field: "timestamp"] == "2005-05-25T02:44:07+02:00")
        // The start tag spans lines 31-32; XMLParser reports the line where it closes.
        #expect(completed.line == 32)
        #expect(completed.rawText.hasPrefix(#"<QueueEntry JobID="1" JobPartID="1" QueueEntryID="6" Status="Completed""#))
    }
}
