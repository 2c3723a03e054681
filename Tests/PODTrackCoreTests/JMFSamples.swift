import Foundation

/// Hand-written JMF and XJMF documents shared by the JMF tests.
enum JMFSamples {
    static let generatorSignal = """
        <?xml version="1.0" encoding="UTF-8"?>
        <JMF xmlns="http://www.CIP4.org/JDFSchema_1_1" SenderID="Indigo-7" TimeStamp="2026-10-21T06:00:00Z" Version="1.4">
          <Signal Type="Status" ID="S88012Wa" refID="Q1">
            <DeviceInfo DeviceStatus="Running" DeviceID="Indigo-7">
              <JobPhase JobID="A-100023-1" JobPartID="A-100023-1_front.pdf" QueueEntryID="qe88012" Status="Waiting" StartTime="2026-10-21T07:14:00+02:00" Amount="1"/>
            </DeviceInfo>
          </Signal>
        </JMF>
        """

    /// The same signal with the JDF namespace on a `jdf:` prefix.
    static let prefixedSignal = """
        <?xml version="1.0" encoding="UTF-8"?>
        <jdf:JMF xmlns:jdf="http://www.CIP4.org/JDFSchema_1_1" SenderID="Indigo-7" TimeStamp="2026-10-21T06:00:00Z" Version="1.4">
          <jdf:Signal Type="Status" ID="S88012Wa" refID="Q1">
            <jdf:DeviceInfo DeviceStatus="Running" DeviceID="Indigo-7">
              <jdf:JobPhase JobID="A-100023-1" JobPartID="A-100023-1_front.pdf" QueueEntryID="qe88012" Status="Waiting" StartTime="2026-10-21T07:14:00+02:00" Amount="1"/>
            </jdf:DeviceInfo>
          </jdf:Signal>
        </jdf:JMF>
        """

    /// The same signal with no namespace declaration at all.
    static let namespacelessSignal = generatorSignal
        .replacingOccurrences(of: #" xmlns="http://www.CIP4.org/JDFSchema_1_1""#, with: "")

    /// Three jobs on one press, one message per state change, plus a query (noise).
    static let pressDay = """
        <JMF xmlns="http://www.CIP4.org/JDFSchema_1_1" SenderID="RIP-2" TimeStamp="2026-10-21T18:00:00Z">
          <Query Type="Status" ID="Q1"><StatusQuParams JobDetails="Brief"/></Query>
          <Response Type="Status" ID="R1" refID="Q1">
            <DeviceInfo DeviceID="Indigo-7" DeviceStatus="Running">
              <JobPhase JobID="A-1-1" Status="InProgress" StartTime="2026-10-21T08:00:00Z" Amount="40"/>
              <JobPhase JobID="A-2-1" Status="Waiting"/>
            </DeviceInfo>
          </Response>
          <Acknowledge Type="Status" ID="K1" refID="C9" TimeStamp="2026-10-21T09:30:00Z">
            <DeviceInfo DeviceID="Indigo-8">
              <JobPhase JobID="A-3-1" Status="Completed" StatusDetails="Good" StartTime="2026-10-21T09:00:00Z" Amount="250"/>
            </DeviceInfo>
          </Acknowledge>
        </JMF>
        """

    static let queueStatus = """
        <JMF xmlns="http://www.CIP4.org/JDFSchema_1_1" SenderID="Elk" TimeStamp="2026-10-21T10:00:00Z">
          <Signal Type="QueueStatus" ID="QS1">
            <Queue DeviceID="Fiery-1" Status="Running">
              <QueueEntry JobID="B-1-1" QueueEntryID="q1" Status="Completed" SubmissionTime="2026-10-21T07:00:00Z" StartTime="2026-10-21T07:05:00Z" EndTime="2026-10-21T07:30:00Z"/>
              <QueueEntry JobID="B-2-1" QueueEntryID="q2" Status="Running" SubmissionTime="2026-10-21T07:10:00Z" StartTime="2026-10-21T07:31:00Z">
                <JobPhase JobID="B-2-1" Status="InProgress"/>
              </QueueEntry>
              <QueueEntry JobID="B-3-1" QueueEntryID="q3" Status="Held" DeviceID="Fiery-2" SubmissionTime="2026-10-21T07:20:00Z"/>
            </Queue>
          </Signal>
        </JMF>
        """

    /// A device status without jobs (like the Heidelberg signal in the corpus).
    static let statusWithoutJobs = """
        <JMF xmlns="http://www.CIP4.org/JDFSchema_1_1" SenderID="6261">
          <Signal Type="Status" ID="m1"><DeviceInfo DeviceStatus="Idle"><ModuleStatus DeviceStatus="Idle" ModuleIndex="0"/></DeviceInfo></Signal>
        </JMF>
        """

    static let emptyJMF = #"<JMF xmlns="http://www.CIP4.org/JDFSchema_1_1" SenderID="x" Version="1.6"/>"#

    static let xjmfStatus = """
        <?xml version="1.0" encoding="UTF-8"?>
        <XJMF xmlns="http://www.CIP4.org/JDFSchema_2_0" Version="2.1">
          <Header DeviceID="Controller-1" ID="H0" Time="2026-10-21T11:00:00Z"/>
          <SignalStatus>
            <Header DeviceID="Press-3" ID="SS1" Time="2026-10-21T11:00:05Z" refID="Sub1"/>
            <DeviceInfo DeviceID="Press-3" Status="Production">
              <JobPhase JobID="C-9-2" JobPartID="cover" Status="InProgress" StartTime="2026-10-21T10:58:00Z" Amount="12"/>
            </DeviceInfo>
          </SignalStatus>
          <ResponseQueueStatus>
            <Header DeviceID="Press-3" ID="RQ1" Time="2026-10-21T11:00:06Z" refID="QQ1"/>
            <QueueInfo><Queue Status="Running"><QueueEntry JobID="C-9-2" QueueEntryID="e7" Status="Running" StartTime="2026-10-21T10:58:00Z"/></Queue></QueueInfo>
          </ResponseQueueStatus>
          <ResponseSubmitQueueEntry>
            <Header DeviceID="Press-3" ID="R2" Time="2026-10-21T11:00:07Z"/>
            <QueueEntry JobID="C-10-1" QueueEntryID="e8" Status="Waiting"/>
          </ResponseSubmitQueueEntry>
        </XJMF>
        """

    /// Every well-formed sample, for the chunking test.
    static let all = [generatorSignal, prefixedSignal, namespacelessSignal, pressDay, queueStatus,
                      statusWithoutJobs, emptyJMF, xjmfStatus]
}
