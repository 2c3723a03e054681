import Testing
@testable import PODTrackCore

@Suite struct LineSplitterTests {
    private struct Line: Equatable {
        let text: String
        let number: Int
    }

    /// Splits `input` fed in chunks of `chunkSize` bytes.
    private func split(_ input: [UInt8], chunkSize: Int) -> [Line] {
        var splitter = LineSplitter()
        var lines: [Line] = []
        func collect(_ line: UnsafeBufferPointer<UInt8>, _ number: Int) {
            lines.append(Line(text: String(decoding: line, as: UTF8.self), number: number))
        }
        var offset = 0
        while offset < input.count {
            let end = min(offset + chunkSize, input.count)
            splitter.feed(Array(input[offset..<end]), collect)
            offset = end
        }
        splitter.finish(collect)
        return lines
    }

    private static let mixedInput = Array("first\r\nsecond\n\n\r\nfourth, longer line with ü\nlast without LF".utf8)
    private static let mixedLines = [
        "first", "second", "", "", "fourth, longer line with ü", "last without LF",
    ]

    @Test func everyChunkSizeGivesTheSameLines() {
        let expected = Self.mixedLines.enumerated().map { Line(text: $0.element, number: $0.offset + 1) }
        for chunkSize in 1...(Self.mixedInput.count + 1) {
            #expect(split(Self.mixedInput, chunkSize: chunkSize) == expected, "chunk size \(chunkSize)")
        }
    }

    @Test(arguments: [
        ("", [String]()),
        ("\n", [""]),
        ("a\n", ["a"]),
        ("a", ["a"]),
        ("a\r\n", ["a"]),
        ("a\r", ["a"]),
        ("a\rb\n", ["a\rb"]),
        ("\r\n\r\n", ["", ""]),
    ])
    func edgeCases(input: String, expected: [String]) {
        for chunkSize in 1...max(1, input.utf8.count) {
            #expect(split(Array(input.utf8), chunkSize: chunkSize).map(\.text) == expected)
        }
    }

    @Test func errorsFromTheHandlerPropagate() {
        struct Stop: Error {}
        var splitter = LineSplitter()
        var seen = 0
        #expect(throws: Stop.self) {
            try splitter.feed(Array("a\nb\nc\n".utf8)) { _, number in
                seen = number
                if number == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }
}
