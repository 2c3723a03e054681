import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Walks one JMF or XJMF document with `XMLParser` and collects what the reader emits, in
/// document order. Element names are matched by local name, whatever their prefix.
final class JMFDocumentScanner: NSObject, XMLParserDelegate {
    /// A well-formed document whose root is not JMF or XJMF (a JDF job ticket, say).
    private struct ForeignRoot {
        let name: String
        let line: Int
    }

    private static let xmlWhitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]

    /// Where records and noise go as they are parsed, and the first error that call threw.
    private var emit: ((StructuredOutput) throws -> Void)?
    private var emitError: Error?
    private var envelope: JMFEnvelope?
    private var foreignRoot: ForeignRoot?
    private var message: JMFMessage?
    private var messageCount = 0
    /// One entry per open element: its `DeviceID`, or "".
    private var openDeviceIDs: [String] = []
    private var syntaxError: XMLSyntaxError?

    /// Emits the records and noise of `document` as they are parsed, so memory does not hold
    /// them all; throws `DropFailure` when it cannot be read as JMF, possibly after emitting the
    /// records before the fault (a drop is one transaction: a failure rolls all of it back).
    /// A document that is both foreign and malformed is reported as malformed.
    static func scan(_ document: Data, _ emit: (StructuredOutput) throws -> Void) throws {
        try scan(head: document, isWhole: true, stream: InputStream(data: document), emit)
    }

    /// The same, pulling the document from `stream`; `head` is its first bytes (all of them when
    /// `isWhole`), for telling an empty file or a MIME bundle.
    static func scan(head: Data, isWhole: Bool, stream: InputStream, _ emit: (StructuredOutput) throws -> Void) throws {
        if isWhole, !head.contains(where: { !xmlWhitespace.contains($0) }) { throw JMFFailure.empty }
        let scanner = JMFDocumentScanner()
        // From a stream, XMLParser hands libxml2 the document in pieces; given the whole Data at once,
        // libxml2 (without XML_PARSE_HUGE) gives up on documents past 10 MB with an internal error.
        let parser = XMLParser(stream: stream)
        parser.shouldProcessNamespaces = true
        parser.delegate = scanner
        let parsed = withoutActuallyEscaping(emit) { emit in
            scanner.emit = emit
            defer { scanner.emit = nil }
            return parser.parse()
        }
        if let emitError = scanner.emitError { throw emitError }
        let sawRoot = scanner.envelope != nil || scanner.foreignRoot != nil
        if scanner.syntaxError == nil, !parsed || !sawRoot {
            // libxml2 runs in recover mode: parse() can succeed on text that holds no element at all.
            scanner.syntaxError = XMLSyntaxError(code: (parser.parserError as NSError?)?.code ?? 0,
                                                 line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
        }
        if let syntaxError = scanner.syntaxError {
            throw JMFFailure.malformed(syntaxError, document: head)
        }
        if let foreignRoot = scanner.foreignRoot {
            throw JMFFailure.notJMF(rootName: foreignRoot.name, line: foreignRoot.line)
        }
    }

    /// Hands one output on; an error from the receiver stops the parse and is rethrown by `scan`.
    private func send(_ output: StructuredOutput, _ parser: XMLParser) {
        guard emitError == nil, let emit else { return }
        do {
            try emit(output)
        } catch {
            emitError = error
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String]) {
        guard syntaxError == nil else { return }
        openDeviceIDs.append(attributes["DeviceID", default: ""])
        let depth = openDeviceIDs.count
        if depth == 1 {
            openRoot(elementName, attributes: attributes, line: parser.lineNumber)
        } else if depth == 2, var envelope {
            if envelope.dialect == .xjmf, elementName == "Header" {
                envelope.readHeader(attributes)
                self.envelope = envelope
            } else {
                message = JMFMessage(name: elementName, attributes: attributes, dialect: envelope.dialect)
                messageCount += 1
            }
        } else if depth == 3, envelope?.dialect == .xjmf, elementName == "Header" {
            message?.readHeader(attributes)
        } else if let kind = message?.recordKind, elementName == kind.elementName {
            addRecord(JMFStatusElement(kind: kind, attributes: attributes, line: parser.lineNumber), parser)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard syntaxError == nil else { return }
        switch openDeviceIDs.count {
        case 1 where envelope != nil && messageCount == 0:
            send(.noise(count: 1), parser)
        case 2 where message != nil:
            if message?.recordCount == 0 { send(.noise(count: 1), parser) }
            message = nil
        default:
            break
        }
        _ = openDeviceIDs.popLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        noteError(code: (parseError as NSError).code, in: parser)
    }

    private func openRoot(_ name: String, attributes: [String: String], line: Int) {
        if let envelope = JMFEnvelope(rootName: name, attributes: attributes) {
            self.envelope = envelope
        } else {
            foreignRoot = ForeignRoot(name: name, line: line)
        }
    }

    private func addRecord(_ element: JMFStatusElement, _ parser: XMLParser) {
        guard var message, let envelope else { return }
        let device = openDeviceIDs.last { !$0.isEmpty }
            ?? (message.sender.isEmpty ? envelope.sender : message.sender)
        send(.record(element.record(in: message, envelope: envelope, device: device)), parser)
        message.recordCount += 1
        self.message = message
    }

    /// Keeps the first error that makes the document unreadable and stops the parser there;
    /// warnings and namespace errors (the names still resolve locally) are let through.
    private func noteError(code: Int, in parser: XMLParser) {
        guard syntaxError == nil, !XMLSyntaxError.isTolerated(code: code) else { return }
        syntaxError = XMLSyntaxError(code: code, line: parser.lineNumber, column: parser.columnNumber)
        parser.abortParsing()
    }
}
