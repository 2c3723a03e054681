import Testing
@testable import PODTrackCore

@Suite struct JMFFailureTests {
    struct MalformedCase: Sendable, CustomTestStringConvertible {
        let name: String
        let document: String
        let line: Int
        let column: Int
        var testDescription: String { name }
    }

    static let malformedCases = [
        MalformedCase(name: "closing tag of the wrong element",
                      document: "<JMF>\n  <Signal Type=\"Status\">\n    <DeviceInfo>\n  </Signal>\n</JMF>\n",
                      line: 4, column: 12),
        MalformedCase(name: "document cut off inside a message",
                      document: "<JMF>\n  <Signal Type=\"Status\">\n", line: 2, column: 25),
        MalformedCase(name: "unquoted attribute value",
                      document: "<JMF>\n<Signal Type=Status/>\n</JMF>\n", line: 2, column: 14),
        MalformedCase(name: "bare ampersand in an attribute",
                      document: "<JMF>\n  <Signal ID=\"a & b\"/>\n</JMF>\n", line: 2, column: 18),
        MalformedCase(name: "text without any element", document: "JMF", line: 1, column: 1),
        MalformedCase(name: "start tag cut off", document: "<J", line: 1, column: 1),
        MalformedCase(name: "second root element",
                      document: "<JMF/>\n<JMF/>\n", line: 2, column: 1),
    ]

    @Test(arguments: malformedCases)
    func malformedXMLIsADropFailureNamingLineAndColumn(_ sample: MalformedCase) throws {
        let run = JMFRun.reading(sample.document)
        let failure = try #require(run.failure)
        #expect(failure.message.hasPrefix("malformed XML at line \(sample.line), column \(sample.column): "), "\(failure.message)")
        #expect(!failure.hint.isEmpty)
    }

    /// Records before the fault come out as they are parsed (the drop's transaction discards them
    /// when the failure follows); the failure still names where the document broke.
    @Test func aMalformedDocumentFailsEvenAfterGoodRecords() {
        let document = JMFSamples.generatorSignal.replacingOccurrences(of: "</JMF>", with: "</JFM>")
        let run = JMFRun.reading(document)
        #expect(run.records.count == 1)
        #expect(run.failure?.message.hasPrefix("malformed XML at line 8, column 7: ") == true)
    }

    @Test(arguments: ["", " \n\t\r\n"])
    func anEmptyFileIsADropFailure(_ document: String) {
        #expect(JMFRun.reading(document).failure?.message == "the file is empty: no JMF message in it")
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<JDF ID=\"n1\" Status=\"Waiting\"/>", "not a JMF message: root element is JDF (line 2)"),
        ("<XJDF/>", "not a JMF message: root element is XJDF (line 1)"),
        ("<orders><order id=\"1\"/></orders>", "not a JMF message: root element is orders (line 1)"),
    ])
    func anotherRootElementIsADropFailure(document: String, message: String) {
        let run = JMFRun.reading(document)
        #expect(run.failure?.message == message)
        #expect(run.outputs.isEmpty)
    }

    @Test func aMIMEBundleIsADropFailureSayingSo() {
        let bundle = """
            MIME-Version: 1.0\r
            Content-Type: multipart/related; boundary="b1"\r
            \r
            --b1\r
            Content-Type: application/vnd.cip4-jmf+xml\r
            \r
            \(JMFSamples.generatorSignal)\r
            --b1--\r

            """
        let failure = JMFRun.reading(bundle).failure
        #expect(failure?.message.contains("MIME multipart bundle") == true)
    }

    @Test func aDocumentOverTheLimitIsRefusedWhileFeeding() {
        var reader = JMFJobStatusReader(maximumDocumentSize: 16)
        let bytes = Array(JMFSamples.emptyJMF.utf8)
        #expect(throws: DropFailure.self) {
            try bytes.withUnsafeBufferPointer { try reader.feed($0) { _ in } }
        }
    }

    @Test func anErrorThrownByTheOutputStopsTheReader() {
        struct OutputFull: Error {}
        var reader = JMFJobStatusReader()
        let bytes = Array(JMFSamples.pressDay.utf8)
        var emitted = 0
        #expect(throws: OutputFull.self) {
            try bytes.withUnsafeBufferPointer { try reader.feed($0) { _ in } }
            try reader.finish { _ in
                emitted += 1
                throw OutputFull()
            }
        }
        #expect(emitted == 1)
    }
}
