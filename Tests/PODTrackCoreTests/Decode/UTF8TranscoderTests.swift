import Testing
@testable import PODTrackCore

/// Transcodes `bytes` in chunks of `chunkSize` (whole input when nil).
private func transcode(_ bytes: [UInt8], _ encoding: TextEncoding, chunkSize: Int? = nil) -> Result<[UInt8], DecodeError> {
    var transcoder = UTF8Transcoder(encoding)
    var output: [UInt8] = []
    let size = max(chunkSize ?? bytes.count, 1)
    do throws(DecodeError) {
        for start in stride(from: 0, to: bytes.count, by: size) {
            let chunk = Array(bytes[start..<min(start + size, bytes.count)])
            try chunk.withUnsafeBufferPointer { (buffer) throws(DecodeError) in
                try transcoder.transcode(UnsafeRawBufferPointer(buffer), into: &output)
            }
        }
        try transcoder.finish(into: &output)
        return .success(output)
    } catch {
        return .failure(error)
    }
}

private func decoded(_ bytes: [UInt8], _ encoding: TextEncoding) throws -> String {
    try UTF8Transcoder.decodeAll(bytes, as: encoding)
}

private func decodeError(_ bytes: [UInt8], _ encoding: TextEncoding) -> DecodeError? {
    if case .failure(let error) = transcode(bytes, encoding) { error } else { nil }
}

private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit in
        let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
        return bigEndian ? [high, low] : [low, high]
    }
}

/// One input with its expected outcome, for the table-driven tests.
struct TranscodeCase: Sendable, CustomStringConvertible {
    let name: String
    let bytes: [UInt8]
    let encoding: TextEncoding
    let expected: Result<String, DecodeError>
    var description: String { name }
}

private let sample = "a,é;€ “x” 𝄞\r\n"
private let bigEndianBOM: [UInt8] = [0xFE, 0xFF], littleEndianBOM: [UInt8] = [0xFF, 0xFE]

let transcodeCases: [TranscodeCase] = [
    .init(name: "utf-8", bytes: Array(sample.utf8), encoding: .utf8, expected: .success(sample)),
    .init(name: "utf-8 BOM", bytes: [0xEF, 0xBB, 0xBF] + Array(sample.utf8), encoding: .utf8, expected: .success(sample)),
    .init(name: "utf-8 BOM only", bytes: [0xEF, 0xBB, 0xBF], encoding: .utf8, expected: .success("")),
    .init(name: "utf-8 second BOM kept", bytes: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], encoding: .utf8, expected: .success("\u{FEFF}")),
    .init(name: "utf-8 boundaries", bytes: [0xC2, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80, 0xEF, 0xBF, 0xBF, 0xF4, 0x8F, 0xBF, 0xBF],
          encoding: .utf8, expected: .success("\u{80}\u{D7FF}\u{E000}\u{FFFF}\u{10FFFF}")),
    .init(name: "utf-8 half BOM", bytes: [0xEF, 0xBB], encoding: .utf8,
          expected: .failure(DecodeError(byteOffset: 0, reason: "truncated UTF-8 sequence at end of input"))),
    .init(name: "utf-16 BE by BOM", bytes: bigEndianBOM + utf16(sample, bigEndian: true), encoding: .utf16, expected: .success(sample)),
    .init(name: "utf-16 LE by BOM", bytes: littleEndianBOM + utf16(sample, bigEndian: false), encoding: .utf16, expected: .success(sample)),
    .init(name: "utf-16le", bytes: utf16(sample, bigEndian: false), encoding: .utf16LE, expected: .success(sample)),
    .init(name: "utf-16le BOM", bytes: littleEndianBOM + utf16(sample, bigEndian: false), encoding: .utf16LE, expected: .success(sample)),
    .init(name: "utf-16be", bytes: utf16(sample, bigEndian: true), encoding: .utf16BE, expected: .success(sample)),
    .init(name: "utf-16be BOM", bytes: bigEndianBOM + utf16(sample, bigEndian: true), encoding: .utf16BE, expected: .success(sample)),
    .init(name: "windows-1252", bytes: [0x80, 0x20, 0x93, 0x61, 0x94, 0x2C, 0xE9, 0x8A, 0x9F, 0xFF], encoding: .windows1252,
          expected: .success("€ “a”,éŠŸÿ")),
    .init(name: "iso-8859-1", bytes: [0x41, 0x80, 0xA9, 0xE9, 0xFF], encoding: .iso88591, expected: .success("A\u{80}©éÿ")),
    .init(name: "empty utf-16", bytes: [], encoding: .utf16, expected: .success("")),
    .init(name: "utf-16 without BOM", bytes: utf16("ab", bigEndian: false), encoding: .utf16,
          expected: .failure(DecodeError(byteOffset: 0, reason: "utf-16 input has no byte-order mark: name the byte order as utf-16le or utf-16be"))),
    .init(name: "utf-16le with BE BOM", bytes: bigEndianBOM + utf16("ab", bigEndian: true), encoding: .utf16LE,
          expected: .failure(DecodeError(byteOffset: 0, reason: "byte-order mark FE FF says big-endian, but utf-16le was named"))),
    .init(name: "utf-16 unpaired high surrogate", bytes: littleEndianBOM + [0x61, 0x00, 0x34, 0xD8, 0x61, 0x00], encoding: .utf16,
          expected: .failure(DecodeError(byteOffset: 4, reason: "unpaired UTF-16 high surrogate"))),
    .init(name: "utf-16 lone low surrogate", bytes: [0x00, 0x61, 0xDD, 0x1E], encoding: .utf16BE,
          expected: .failure(DecodeError(byteOffset: 2, reason: "unpaired UTF-16 low surrogate"))),
    .init(name: "utf-16 high surrogate at end", bytes: [0x00, 0x61, 0xD8, 0x34], encoding: .utf16BE,
          expected: .failure(DecodeError(byteOffset: 2, reason: "high surrogate at end of input without its low surrogate"))),
    .init(name: "utf-16 odd length", bytes: [0x61, 0x00, 0x62], encoding: .utf16LE,
          expected: .failure(DecodeError(byteOffset: 2, reason: "odd number of bytes: the last UTF-16 code unit is cut off"))),
]

/// Invalid UTF-8 and the offset of the offending sequence's first byte.
let invalidUTF8: [(bytes: [UInt8], offset: Int, reason: String)] = [
    ([0x61, 0x80], 1, "unexpected UTF-8 continuation byte 0x80"),
    ([0xC0, 0xAF], 0, "overlong UTF-8 encoding (lead byte 0xC0)"),
    ([0x61, 0xC1, 0xBF], 1, "overlong UTF-8 encoding (lead byte 0xC1)"),
    ([0x61, 0xE0, 0x80, 0xAF], 1, "overlong UTF-8 encoding"),
    ([0xF0, 0x8F, 0xBF, 0xBF], 0, "overlong UTF-8 encoding"),
    ([0x61, 0x62, 0xED, 0xA0, 0x80], 2, "UTF-8 encoding of a surrogate (U+D800...U+DFFF)"),
    ([0xF4, 0x90, 0x80, 0x80], 0, "UTF-8 sequence above U+10FFFF"),
    ([0xF5, 0x80, 0x80, 0x80], 0, "byte 0xF5 never occurs in UTF-8"),
    ([0x61, 0xFF], 1, "byte 0xFF never occurs in UTF-8"),
    ([0xE2, 0x82, 0x41], 0, "truncated UTF-8 sequence: 0xE2 is followed by 0x41"),
    ([0x61, 0xF0, 0x9D, 0x84, 0x20], 1, "truncated UTF-8 sequence: 0xF0 is followed by 0x20"),
    ([0x61, 0x62, 0xE2, 0x82], 2, "truncated UTF-8 sequence at end of input"),
    (Array("0123456789abcdefghij".utf8) + [0xC3], 20, "truncated UTF-8 sequence at end of input"),
    (Array("0123456789abcdefg".utf8) + [0xA9] + Array("0123456789".utf8), 17, "unexpected UTF-8 continuation byte 0xA9"),
]

@Suite struct UTF8TranscoderTests {
    @Test(arguments: transcodeCases)
    func decodesWholeInput(_ testCase: TranscodeCase) {
        #expect(transcode(testCase.bytes, testCase.encoding).map { String(decoding: $0, as: UTF8.self) } == testCase.expected)
    }

    @Test(arguments: transcodeCases)
    func everyChunkSizeGivesTheSameResult(_ testCase: TranscodeCase) {
        let whole = transcode(testCase.bytes, testCase.encoding)
        for chunkSize in stride(from: 1, to: testCase.bytes.count, by: 1) {
            #expect(transcode(testCase.bytes, testCase.encoding, chunkSize: chunkSize) == whole, "chunk size \(chunkSize)")
        }
    }

    @Test(arguments: invalidUTF8.indices)
    func rejectsInvalidUTF8AtTheSequenceStart(_ index: Int) {
        let (bytes, offset, reason) = invalidUTF8[index]
        for chunkSize in 1...bytes.count {
            #expect(transcode(bytes, .utf8, chunkSize: chunkSize) == .failure(DecodeError(byteOffset: offset, reason: reason)),
                    "chunk size \(chunkSize)")
        }
    }

    @Test(arguments: [0x81, 0x8D, 0x8F, 0x90, 0x9D] as [UInt8])
    func rejectsUndefinedWindows1252Bytes(_ byte: UInt8) {
        let error = decodeError([0x41, 0x42, byte, 0x43], .windows1252)
        #expect(error?.byteOffset == 2)
        #expect(error?.reason == "byte \(byte.hexLiteral) is undefined in Windows-1252")
    }

    @Test func latin1AcceptsWhatWindows1252Rejects() throws {
        #expect(try decoded([0x81, 0x8D, 0x8F, 0x90, 0x9D], .iso88591) == "\u{81}\u{8D}\u{8F}\u{90}\u{9D}")
    }

    @Test func pairsSurrogatesIntoOneScalar() throws {
        let text = try decoded(bigEndianBOM + [0xD8, 0x34, 0xDD, 0x1E, 0xD8, 0x3D, 0xDE, 0x00], .utf16)
        #expect(text.unicodeScalars.map(\.value) == [0x1D11E, 0x1F600])
        #expect(Array(text.utf8) == [0xF0, 0x9D, 0x84, 0x9E, 0xF0, 0x9F, 0x98, 0x80])
    }

    @Test func errorsCountTheSkippedByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x61, 0xC0, 0x80]
        #expect(decodeError(bytes, .utf8) == DecodeError(byteOffset: 4, reason: "overlong UTF-8 encoding (lead byte 0xC0)"))
    }

    @Test func describesTheOffset() {
        #expect(DecodeError(byteOffset: 7, reason: "x").description == "byte 7: x")
    }

    @Test func everyEncodingNameRoundTrips() {
        for encoding in TextEncoding.allCases {
            #expect(TextEncoding(rawValue: encoding.rawValue) == encoding)
        }
        #expect(TextEncoding(rawValue: "windows-1252") == .windows1252)
    }
}
