import Foundation
import Testing
@testable import PODTrackCore

/// A press's status log of a busy fortnight is tens of megabytes: libxml2 refuses documents past
/// 10 MB when handed them in one piece, so the reader must feed them in pieces.
@Suite struct JMFLargeDocumentTests {
    @Test func aDocumentPastTenMegabytesIsReadWhole() {
        let signal = """
              <Signal Type="Status" ID="S%d" refID="Q1">
                <DeviceInfo DeviceStatus="Running" DeviceID="Indigo-7">
                  <JobPhase JobID="A-%d-1" JobPartID="A-%d-1_front.pdf" QueueEntryID="qe%d" Status="InProgress" StartTime="2026-11-05T06:59:44+01:00" Amount="1"/>
                </DeviceInfo>
              </Signal>

            """
        let count = 45_000
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<JMF xmlns=\"http://www.CIP4.org/JDFSchema_1_1\" SenderID=\"Indigo-7\" Version=\"1.4\">\n"
        text.reserveCapacity(count * 300)
        for number in 0..<count { text += String(format: signal, number, number, number, number) }
        text += "</JMF>\n"
        #expect(text.utf8.count > 10 << 20)
        let run = JMFRun.reading(Array(text.utf8), chunkSize: 1 << 18)
        #expect(run.failure == nil)
        #expect(run.records.count == count)
    }
}
