import Testing
@testable import PODTrackCore

@Suite struct JMFMessageTests {
    @Test func fieldNamesAreThePipelineNames() {
        #expect(JMFJobStatusReader.fieldNames == [
            "message_type", "message_id", "device", "job_id", "job_part_id", "queue_entry_id",
            "status", "status_details", "time", "amount", "sender", "timestamp",
        ])
    }

    @Test func aJobPhaseBecomesOneRecord() throws {
        let run = JMFRun.reading(JMFSamples.generatorSignal)
        #expect(run.failure == nil)
        let record = try #require(run.records.first)
        #expect(run.records.count == 1 && run.noise == 0)
        #expect(record.values == [
            "Status", "S88012Wa", "Indigo-7", "A-100023-1", "A-100023-1_front.pdf", "qe88012",
            "Waiting", "", "2026-10-21T07:14:00+02:00", "1", "Indigo-7", "2026-10-21T06:00:00Z",
        ])
        #expect(record.line == 5)
        #expect(record.rawText == #"<JobPhase JobID="A-100023-1" JobPartID="A-100023-1_front.pdf" QueueEntryID="qe88012" Status="Waiting" StartTime="2026-10-21T07:14:00+02:00" Amount="1"/>"#)
    }

    @Test(arguments: [JMFSamples.prefixedSignal, JMFSamples.namespacelessSignal])
    func prefixesAndMissingNamespacesReadTheSame(_ document: String) {
        #expect(JMFRun.reading(document) == JMFRun.reading(JMFSamples.generatorSignal))
    }

    @Test func responsesAndAcknowledgesCarryStatusQueriesDoNot() {
        let run = JMFRun.reading(JMFSamples.pressDay)
        #expect(run.failure == nil)
        #expect(run.records.map { $0[field: "job_id"] } == ["A-1-1", "A-2-1", "A-3-1"])
        #expect(run.records.map { $0[field: "status"] } == ["InProgress", "Waiting", "Completed"])
        #expect(run.records.map { $0[field: "message_id"] } == ["R1", "R1", "K1"])
        #expect(run.records.map { $0[field: "device"] } == ["Indigo-7", "Indigo-7", "Indigo-8"])
        #expect(run.records.map { $0[field: "amount"] } == ["40", "", "250"])
        #expect(run.records.map { $0[field: "status_details"] } == ["", "", "Good"])
        // The message's own TimeStamp beats the document's.
        #expect(run.records.map { $0[field: "timestamp"] } == ["2026-10-21T18:00:00Z", "2026-10-21T18:00:00Z", "2026-10-21T09:30:00Z"])
        #expect(run.outputs.first == .noise(count: 1))
        #expect(run.noise == 1)
    }

    @Test(arguments: ["InProgress", "Setup", "Cleanup", "Completed", "Aborted", "Stopped", "Suspended"])
    func everyJobPhaseStatusWordPassesThrough(_ status: String) {
        let document = JMFSamples.generatorSignal.replacingOccurrences(of: #"Status="Waiting""#, with: "Status=\"\(status)\"")
        #expect(JMFRun.reading(document).records.map { $0[field: "status"] } == [status])
    }

    @Test func queueEntriesBecomeRecordsWithTheMostTellingTime() {
        let run = JMFRun.reading(JMFSamples.queueStatus)
        #expect(run.failure == nil && run.noise == 0)
        #expect(run.records.map { $0[field: "message_type"] } == ["QueueStatus", "QueueStatus", "QueueStatus"])
        #expect(run.records.map { $0[field: "queue_entry_id"] } == ["q1", "q2", "q3"])
        #expect(run.records.map { $0[field: "status"] } == ["Completed", "Running", "Held"])
        // EndTime, else StartTime, else SubmissionTime.
        #expect(run.records.map { $0[field: "time"] } == ["2026-10-21T07:30:00Z", "2026-10-21T07:31:00Z", "2026-10-21T07:20:00Z"])
        // The entry's own DeviceID beats the queue's.
        #expect(run.records.map { $0[field: "device"] } == ["Fiery-1", "Fiery-1", "Fiery-2"])
        #expect(run.records.map(\.line) == [4, 5, 8])
    }

    @Test func aStatusWithoutJobPhasesIsNoise() {
        let run = JMFRun.reading(JMFSamples.statusWithoutJobs)
        #expect(run.failure == nil)
        #expect(run.outputs == [.noise(count: 1)])
    }

    @Test func anEmptyJMFIsOneNoiseEnvelope() {
        let run = JMFRun.reading(JMFSamples.emptyJMF)
        #expect(run.failure == nil)
        #expect(run.outputs == [.noise(count: 1)])
    }

    @Test func xjmfMessagesTakeTheirIdentifiersFromHeaders() {
        let run = JMFRun.reading(JMFSamples.xjmfStatus)
        #expect(run.failure == nil)
        #expect(run.records.map(\.values) == [
            ["Status", "SS1", "Press-3", "C-9-2", "cover", "", "InProgress", "", "2026-10-21T10:58:00Z", "12",
             "Controller-1", "2026-10-21T11:00:05Z"],
            ["QueueStatus", "RQ1", "Press-3", "C-9-2", "", "e7", "Running", "", "2026-10-21T10:58:00Z", "",
             "Controller-1", "2026-10-21T11:00:06Z"],
        ])
        // ResponseSubmitQueueEntry reports a submission, not a status: noise.
        #expect(run.noise == 1)
    }

    @Test(arguments: [
        (#"<DeviceInfo DeviceID="Press-1">"#, #"<Signal Type="Status" SenderID="Msg-Sender">"#, "Press-1"),
        ("<DeviceInfo>", #"<Signal Type="Status" SenderID="Msg-Sender">"#, "Msg-Sender"),
        ("<DeviceInfo>", #"<Signal Type="Status">"#, "Root-Sender"),
    ])
    func deviceFallsBackFromDeviceInfoToMessageToDocumentSender(deviceInfo: String, signal: String, device: String) {
        let document = """
            <JMF SenderID="Root-Sender">\(signal)\(deviceInfo)<JobPhase JobID="J"/></DeviceInfo></Signal></JMF>
            """
        #expect(JMFRun.reading(document).records.map { $0[field: "device"] } == [device])
    }

    @Test func rawTextEscapesAndOrdersAttributes() {
        let document = #"<JMF><Signal Type="Status"><DeviceInfo><JobPhase Zeta="z" JobID="A&amp;B" Alpha="&lt;a&gt;" Status="Q&quot;"/></DeviceInfo></Signal></JMF>"#
        #expect(JMFRun.reading(document).records.map(\.rawText) == [#"<JobPhase JobID="A&amp;B" Status="Q&quot;" Alpha="&lt;a>" Zeta="z"/>"#])
    }

    /// The drop's decoder has already turned the file into UTF-8, whatever it declares.
    @Test(arguments: [
        #"<?xml version="1.0" encoding="ISO-8859-1"?>"#,
        "\u{FEFF}<?xml version='1.0' encoding = 'windows-1252' standalone='yes'?>",
        #"<?xml version="1.0" encoding="UTF-16"?>"#,
        #"<?xml version="1.0" encoding="utf-8"?>"#,
        #"<?xml version="1.0"?>"#,
        "",
    ])
    func aDeclaredEncodingDoesNotDecodeTheUTF8Twice(_ declaration: String) {
        let document = declaration + #"<JMF><Signal Type="Status"><DeviceInfo><JobPhase JobID="Müller-1"/></DeviceInfo></Signal></JMF>"#
        #expect(JMFRun.reading(document).records.map { $0[field: "job_id"] } == ["Müller-1"])
    }

    @Test func anUndeclaredPrefixIsReadByLocalName() {
        let document = #"<jdf:JMF SenderID="s"><jdf:Signal Type="Status"><jdf:DeviceInfo><jdf:JobPhase JobID="J" Status="Waiting"/></jdf:DeviceInfo></jdf:Signal></jdf:JMF>"#
        let run = JMFRun.reading(document)
        #expect(run.failure == nil)
        #expect(run.records.map { $0[field: "job_id"] } == ["J"])
    }
}
