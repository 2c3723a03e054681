// TEMPORARY: stand-ins for the helpers' components, replaced at integration.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8", utf16 = "utf-16", utf16LE = "utf-16le", utf16BE = "utf-16be", windows1252 = "windows-1252", iso88591 = "iso-8859-1"
}
public struct DecodeError: Error, Sendable, Equatable, CustomStringConvertible { public let byteOffset: Int; public let reason: String; public var description: String { reason } }
public struct UTF8Transcoder: Sendable {
    public init(_ encoding: TextEncoding) {}
    public mutating func transcode(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(DecodeError) { output.append(contentsOf: chunk) }
    public mutating func finish(into output: inout [UInt8]) throws(DecodeError) {}
}
public struct CSVDialect: Sendable, Equatable {
    public var delimiter: UInt8 = 44; public var quote: UInt8? = 34
    public init(delimiter: UInt8 = 44, quote: UInt8? = 34) { self.delimiter = delimiter; self.quote = quote }
}
public struct CSVRecord { public let line: Int; public var count: Int { 0 }; public subscript(i: Int) -> String { "" }; public func fields() -> [String] { [] }; public var rawText: String { "" } }
public struct CSVProblem: Error, Sendable, Equatable, CustomStringConvertible { public let line: Int; public let column: Int; public let reason: String; public let rawText: String; public var description: String { reason } }
public enum CSVEvent { case record(CSVRecord); case problem(CSVProblem); case comment(line: Int) }
public struct CSVReader {
    public init(dialect: CSVDialect) {}
    public mutating func feed(_ utf8: UnsafeBufferPointer<UInt8>, _ emit: (CSVEvent) throws -> Void) rethrows {}
    public mutating func finish(_ emit: (CSVEvent) throws -> Void) rethrows {}
}
