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
public struct Zone: Sendable { public init?(identifier: String) {} }
public struct TimeFormatError: Error, CustomStringConvertible, Sendable { public var description: String { "" } }
public struct TimeFormat: Sendable {
    public init(_ pattern: String) throws(TimeFormatError) {}
    public func instant(_ text: String, zone: Zone) throws(TimeFormatError) -> Int64 { 0 }
}
public struct PatternError: Error, CustomStringConvertible, Sendable { public var description: String { "" } }
public struct FieldPattern: Sendable {
    public init(_ source: String) throws(PatternError) {}
    public var captureNames: [String] { [] }
    public func match(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? { nil }
}
public struct LineSplitter {
    public init() {}
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int) throws -> Void) rethrows {}
    public mutating func finish(_ emit: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int) throws -> Void) rethrows {}
}
public struct SHA256: Sendable {
    public init() {}
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {}
    public mutating func finalize() -> [UInt8] { [] }
    public static func hex(_ digest: [UInt8]) -> String { "" }
}
public struct CivilDateTime: Sendable { public let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0; public init(epochMilliseconds: Int64, offsetSeconds: Int) {} }
