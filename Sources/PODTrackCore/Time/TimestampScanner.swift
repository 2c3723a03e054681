/// Reads the parts of a timestamp from UTF-8 bytes left to right; on a mismatch it stays on the
/// offending byte so that ``failure(expected:)`` can say what was found where.
struct TimestampScanner {
    private let input: UnsafeBufferPointer<UInt8>
    /// Offset of the next unread byte.
    private(set) var position = 0

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position == input.count }

    /// An error saying `expectation` was not met at the current byte.
    func failure(expected expectation: String) -> TimeParseError {
        TimeParseError(.expected(expectation, found: isAtEnd ? nil : input[position]), at: position)
    }

    /// Reads `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard !isAtEnd && input[position] == byte else { return false }
        position += 1
        return true
    }

    /// Reads exactly `count` ASCII digits as a decimal number, or returns nil at the first non-digit.
    mutating func readNumber(digits count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let digit = nextDigit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Reads `minDigits`…`maxDigits` fraction digits (fewer than `maxDigits` when a non-digit
    /// follows) as milliseconds, truncating digits beyond the third; nil with fewer than `minDigits`.
    mutating func readFractionMilliseconds(minDigits: Int, maxDigits: Int) -> Int? {
        var milliseconds = 0
        var count = 0
        while count < maxDigits, let digit = nextDigit() {
            if count < 3 { milliseconds = milliseconds * 10 + digit }
            count += 1
        }
        guard count >= minDigits else { return nil }
        for _ in count..<max(count, 3) { milliseconds *= 10 }
        return milliseconds
    }

    /// Reads `Z` or a signed hours-and-minutes offset in `style`, returning seconds east of UTC.
    mutating func readOffsetSeconds(_ style: OffsetStyle) throws(TimeParseError) -> Int {
        let start = position
        if consume(UInt8(ascii: "Z")) { return 0 }
        let sign: Int
        if consume(UInt8(ascii: "+")) {
            sign = 1
        } else if consume(UInt8(ascii: "-")) {
            sign = -1
        } else {
            throw failure(expected: style.expectation)
        }
        guard let hours = readNumber(digits: 2) else { throw failure(expected: "2-digit offset hours") }
        switch style {
        case .colon:
            guard consume(UInt8(ascii: ":")) else { throw failure(expected: "':' in offset") }
        case .compact:
            break
        case .colonOrCompact:
            _ = consume(UInt8(ascii: ":"))
        }
        guard let minutes = readNumber(digits: 2) else { throw failure(expected: "2-digit offset minutes") }
        guard hours <= 18 && minutes <= 59 && (hours < 18 || minutes == 0) else {
            throw TimeParseError(.offsetOutOfRange(hours: hours, minutes: minutes), at: start)
        }
        return sign * (hours * 3600 + minutes * 60)
    }

    private mutating func nextDigit() -> Int? {
        guard !isAtEnd else { return nil }
        let digit = input[position] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        position += 1
        return Int(digit)
    }
}
